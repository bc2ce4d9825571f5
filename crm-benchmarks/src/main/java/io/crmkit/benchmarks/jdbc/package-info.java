/**
 * End-to-end measurements of the JDBC adapter: {@link io.crmkit.benchmarks.jdbc.BulkImportBenchmark}
 * (bulk import against raw JDBC batches, and lookup latency) and
 * {@link io.crmkit.benchmarks.jdbc.LifecycleEvaluationJdbcBenchmark} (batch lifecycle evaluation
 * over H2 and PostgreSQL, JMH). Results and the commands that reproduce them are in BENCHMARKS.md.
 */
package io.crmkit.benchmarks.jdbc;
