/** Privacy benchmarks: k-anonymity by full-domain generalisation on UCI Adult ({@link io.crmkit.benchmarks.privacy.AdultAnonymisation}). */
package io.crmkit.benchmarks.privacy;
