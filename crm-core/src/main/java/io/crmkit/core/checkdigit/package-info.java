/**
 * Check-character systems that detect typing errors in codes: ISO 7064 (pure systems MOD 11-2,
 * MOD 37-2, MOD 97-10; hybrid systems MOD 11,10 and MOD 37,36), Luhn and Damm, behind one
 * {@link io.crmkit.core.checkdigit.CheckCharacterSystem} interface. {@link
 * io.crmkit.core.checkdigit.CheckCharacters} holds the shared instances and finds one by name.
 *
 * <p>Implementations are package-private, stateless and thread-safe. This package depends on
 * nothing else in crmkit, so code formats and identifier validators can all build on it.
 */
package io.crmkit.core.checkdigit;
