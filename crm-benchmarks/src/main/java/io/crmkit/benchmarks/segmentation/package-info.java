/** Segmentation at scale: RFM and value tiers for a million customers. */
package io.crmkit.benchmarks.segmentation;
