package io.crmkit.core.dedup;

/**
 * How one field of a compared pair agreed, and what that agreement weighed: the explanation of a
 * pair's score, one line per field.
 *
 * @param field the compared field, for example {@code familyName} or {@code phones}
 * @param level the agreement level reached, for example {@code exact}, {@code jw>=0.92}, {@code missing}
 * @param weight the level's Fellegi-Sunter weight log2(m/u), after any term-frequency adjustment;
 *     0 for a missing value
 */
public record FieldScore(String field, String level, double weight) {}
