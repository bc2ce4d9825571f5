/**
 * Benchmarks of crm-segmentation at scale: RFM and value tiers for a million customers ({@link
 * io.crmkit.benchmarks.segmentation.RfmTierScale}); metrics, segments and clustering ({@link
 * io.crmkit.benchmarks.segmentation.MetricsAndClustersRun}).
 */
package io.crmkit.benchmarks.segmentation;
