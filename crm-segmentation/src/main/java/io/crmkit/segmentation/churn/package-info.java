/**
 * Churn warnings: a customer is flagged when their probability of being alive (P(alive), from a
 * model such as BG/NBD) drops below a threshold, or when the time since their last purchase
 * exceeds a multiple of their own purchase rhythm ({@link io.crmkit.core.activity.PurchaseSummary#typicalGap()}).
 * Flags are recorded as {@link io.crmkit.core.lifecycle.ChurnSignal}s through the lifecycle's
 * {@link io.crmkit.core.lifecycle.ChurnSignals} port, so the lifecycle's churn-signal rule moves the
 * customer to at-risk ({@link io.crmkit.segmentation.churn.ChurnFlagger}).
 */
package io.crmkit.segmentation.churn;
