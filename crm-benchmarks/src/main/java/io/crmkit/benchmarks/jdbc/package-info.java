/**
 * End-to-end measurements of the JDBC adapter: {@link io.crmkit.benchmarks.jdbc.BulkImportBenchmark}
 * (bulk import against raw JDBC batches, and lookup latency). Results and the command that
 * reproduces them are in BENCHMARKS.md.
 */
package io.crmkit.benchmarks.jdbc;
