package io.crmkit.segmentation.rfm;

/**
 * Which figure of a customer's spend is the M of RFM. Both net refunds in: a refund lowers the
 * value it refunds, in the window it happened in, and never counts as a purchase occasion.
 */
public enum MonetaryMeasure {
  /** Purchases minus refunds in the window. */
  TOTAL,
  /** {@link #TOTAL} over the purchase occasions, rounded half to even to the currency's decimals. */
  MEAN_PER_OCCASION
}
