/** Deduplication runs: generated data for scale measurements. */
package io.crmkit.benchmarks.dedup;
