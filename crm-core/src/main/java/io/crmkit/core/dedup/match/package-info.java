/**
 * Record linkage over standardised {@link io.crmkit.core.dedup.MatchRecord}s: blocking, field
 * comparisons with agreement levels, Fellegi-Sunter parameters estimated without labels (u from
 * random pairs, m and the prior by expectation-maximisation), scoring that explains itself, and
 * clustering of accepted pairs into entities. {@link io.crmkit.core.dedup.match.Deduplicator} is
 * the entry point; the steps it chains ({@link io.crmkit.core.dedup.match.Blocking},
 * {@link io.crmkit.core.dedup.match.Comparison}, {@link io.crmkit.core.dedup.match.AgreementCounts},
 * {@link io.crmkit.core.dedup.match.ExpectationMaximisation},
 * {@link io.crmkit.core.dedup.match.Clustering}) are pure functions over plain values, so a
 * distributed engine can run each one per partition and add up the statistics.
 */
package io.crmkit.core.dedup.match;
