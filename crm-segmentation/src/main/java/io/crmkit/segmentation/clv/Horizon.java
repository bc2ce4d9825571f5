package io.crmkit.segmentation.clv;

import io.crmkit.core.common.Require;

/**
 * How far ahead lifetime value looks and how it discounts: {@code periods} periods of
 * {@code periodLength} model time units each, the purchases of period k discounted by
 * (1 + discountRate)^k. Twelve months on a weekly model is {@code new Horizon(12, 52.0 / 12, 0.01)}
 * with a monthly rate of 1 %.
 *
 * @param periods how many periods, 1 or more
 * @param periodLength the length of one period in the model's time unit, positive
 * @param discountRate the discount rate per period, 0 or more (0.01 is 1 % a period)
 */
public record Horizon(int periods, double periodLength, double discountRate) {

  /**
   * @throws IllegalArgumentException if a component is out of its range
   */
  public Horizon {
    Require.inRange(periods, 1, 100_000, "periods");
    Require.argument(Double.isFinite(periodLength) && periodLength > 0, "the period length must be finite and > 0, got %s",
        periodLength);
    Require.argument(Double.isFinite(discountRate) && discountRate >= 0, "the discount rate must be finite and >= 0, got %s",
        discountRate);
  }

  /** The whole horizon in the model's time unit. */
  public double length() {
    return periods * periodLength;
  }
}
