/**
 * Benchmarks of crm-segmentation's metrics, segments and clustering: {@link
 * io.crmkit.benchmarks.segmentation.MetricsAndClustersRun}.
 */
package io.crmkit.benchmarks.segmentation;
