package io.crmkit.segmentation.clv;

import io.crmkit.core.common.Require;

/**
 * What the models know of one customer as of the end of calibration: the BG/NBD summary
 * (x, t_x, T) and the mean spend per repeat purchase that Gamma-Gamma uses. Times are in the
 * {@link ClvTimeUnit} the histories were derived in, counted from the customer's first purchase.
 *
 * @param customer the customer's key
 * @param frequency x, the number of repeat purchases (purchase days after the first one)
 * @param recency t_x, the time of the last purchase; 0 when there is no repeat purchase
 * @param age T, the time from the first purchase to the end of calibration
 * @param meanRepeatSpend the mean amount of the repeat purchases (the first purchase excluded); 0
 *     when there is no repeat purchase
 */
public record CustomerHistory(String customer, int frequency, double recency, double age, double meanRepeatSpend) {

  /**
   * @throws IllegalArgumentException unless {@code 0 <= recency <= age}, the frequency is not
   *     negative, a customer without repeat purchases has recency 0, and the spend is finite and
   *     not negative
   */
  public CustomerHistory {
    Require.notBlank(customer, "customer");
    Require.atLeast(frequency, 0, "frequency");
    Require.argument(Double.isFinite(age) && age >= 0, "age (T) must be finite and >= 0, got %s", age);
    Require.argument(Double.isFinite(recency) && 0 <= recency && recency <= age,
        "recency (t_x) must be in 0..T = %s, got %s", age, recency);
    Require.argument(frequency > 0 || recency == 0, "recency (t_x) must be 0 without repeat purchases, got %s",
        recency);
    Require.argument(Double.isFinite(meanRepeatSpend) && meanRepeatSpend >= 0,
        "mean repeat spend must be finite and >= 0, got %s", meanRepeatSpend);
  }

  /** A history without spend, for purchase counts alone. */
  public static CustomerHistory of(String customer, int frequency, double recency, double age) {
    return new CustomerHistory(customer, frequency, recency, age, 0);
  }
}
