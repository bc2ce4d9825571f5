package io.crmkit.segmentation.rfm;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * One customer's raw RFM figures as of a date, in the analysis currency.
 *
 * @param customerId whose figures
 * @param recency how long before the as-of instant the latest purchase (not a refund) happened
 * @param frequency purchase occasions in the window: UTC days with a purchase, refunds not counted
 * @param monetary the {@link MonetaryMeasure} of the window's amounts, refunds netted in; negative
 *     when refunds of earlier purchases outweigh the window's purchases
 */
public record RfmValues(CustomerId customerId, Duration recency, int frequency, BigDecimal monetary) {

  /** @throws IllegalArgumentException if recency is negative or frequency below 1 */
  public RfmValues {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(recency, "recency");
    Objects.requireNonNull(monetary, "monetary");
    Require.argument(!recency.isNegative(), "recency must be >= 0, got %s", recency);
    Require.argument(frequency >= 1, "an RFM customer has at least one purchase occasion, got %s", frequency);
  }

  /** Recency in whole days (rounded down), as reports and thresholds usually state it. */
  public long recencyDays() {
    return recency.toDays();
  }
}
