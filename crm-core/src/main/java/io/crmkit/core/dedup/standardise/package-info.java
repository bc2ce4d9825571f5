/**
 * Standardisation, the first step of record linkage: {@link io.crmkit.core.dedup.standardise.Standardiser}
 * turns a {@link io.crmkit.core.dedup.MatchInput} as a source wrote it into a
 * {@link io.crmkit.core.dedup.MatchRecord} whose values compare like with like (text folded, names
 * split, legal forms removed, phones in E.164, addresses resolved to GB/T 2260 codes), and
 * {@link io.crmkit.core.dedup.standardise.MatchInputs} reads a stored customer as a match input.
 * Every rule is a small package-private class; bad values become warnings, never exceptions.
 */
package io.crmkit.core.dedup.standardise;
