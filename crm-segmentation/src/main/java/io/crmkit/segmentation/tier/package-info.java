/**
 * Value tiers: assigning every customer exactly one {@link io.crmkit.core.customer.ValueTier} by
 * rules (thresholds on any metric), by quantiles of a metric, or by Pareto share of value
 * ({@link io.crmkit.segmentation.tier.Tiering}), each assignment explaining itself
 * ({@link io.crmkit.segmentation.tier.TierAssignment}); and writing the tiers to the customers
 * through the {@code Crm} facade with optimistic locking, announcing each change
 * ({@link io.crmkit.segmentation.tier.TierApplier}, {@link io.crmkit.segmentation.TierChanged}).
 */
package io.crmkit.segmentation.tier;
