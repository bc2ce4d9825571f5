package io.crmkit.core.imports;

/**
 * One input row that passed screening.
 *
 * @param number its 1-based position in the input
 * @param subject how reports name it: its external reference, customer id or {@code row N}
 * @param value what the caller gave
 */
record Row<T>(int number, String subject, T value) {}
