/**
 * k-anonymity by full-domain generalisation over plain tables (rows of strings, not tied to
 * customers): every value of a quasi-identifier is recoded to the same level of its
 * {@link io.crmkit.privacy.anonymise.Hierarchy}, and {@link io.crmkit.privacy.anonymise.Anonymiser}
 * searches the whole lattice of level vectors, pruned by the monotonicity of k-anonymity and by a
 * lower bound of the metric, so the optimum for the chosen {@link io.crmkit.privacy.anonymise.Metric}
 * is found, never a local guess. Records of classes smaller than k (or with fewer than l distinct
 * sensitive values) may be suppressed within a budget.
 */
package io.crmkit.privacy.anonymise;
