/**
 * JMH benchmarks of crm-segmentation's lifetime value ({@code io.crmkit.segmentation.clv}): the
 * BG/NBD and Gamma-Gamma fits on CDNOW, and scoring a million customers, each against a baseline
 * measured in the same run.
 */
package io.crmkit.benchmarks.clv;
