/**
 * k-anonymity over plain tables (rows of strings, not tied to customers), in two recodings. By
 * default, full-domain generalisation: every value of a quasi-identifier is recoded to the same
 * level of its {@link io.crmkit.privacy.anonymise.Hierarchy}, and
 * {@link io.crmkit.privacy.anonymise.Anonymiser} searches the whole lattice of level vectors, pruned
 * by the monotonicity of k-anonymity and by a lower bound of the metric, so the optimum for the
 * chosen {@link io.crmkit.privacy.anonymise.Metric} is found, never a local guess. Records of classes
 * smaller than k (or with fewer than l distinct sensitive values) may be suppressed within a budget.
 * With {@link io.crmkit.privacy.anonymise.Settings.Recoding#LOCAL}, local recoding in the manner of
 * Mondrian instead: the table is split top-down along the hierarchies (numeric columns at their
 * median) and each class is generalised only as far as it needs, which keeps far more detail.
 */
package io.crmkit.privacy.anonymise;
