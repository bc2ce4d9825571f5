package io.crmkit.segmentation.clv;

import io.crmkit.core.common.Require;

/**
 * Predictive lifetime value from a fitted BG/NBD model (how many purchases) and a fitted
 * Gamma-Gamma model (what each is worth), over a discounted {@link Horizon}:
 *
 * <pre>
 *   CLV = E[spend] · Σ_{k=1..K} (E[Y(k·L)] − E[Y((k−1)·L)]) / (1 + d)^k
 * </pre>
 *
 * with K periods of length L (in the model's time unit), d the discount rate per period, E[Y(t)]
 * the customer's expected repeat purchases in the next t ({@link
 * BgNbdParameters#expectedPurchases(double, CustomerHistory)}) and E[spend] their expected mean
 * spend ({@link GammaGammaParameters#expectedMeanSpend}). It is the recipe of lifetimes'
 * {@code customer_lifetime_value}: the purchases expected in each period, valued and discounted
 * at the period's end. It is value in the currency of the spends, before margin: multiply by a
 * margin for profit.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class LifetimeValue {

  private final BgNbdParameters purchases;
  private final GammaGammaParameters spend;
  private final Horizon horizon;

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the spend model has q ≤ 1 (no finite mean spend)
   */
  public LifetimeValue(BgNbdParameters purchases, GammaGammaParameters spend, Horizon horizon) {
    this.purchases = Require.notNull(purchases, "purchases");
    this.spend = Require.notNull(spend, "spend");
    this.horizon = Require.notNull(horizon, "horizon");
    Require.argument(spend.q() > 1, "lifetime value needs a spend model with q > 1, got q = %s", spend.q());
  }

  /** The horizon this values over. */
  public Horizon horizon() {
    return horizon;
  }

  /**
   * The customer's lifetime value over the horizon.
   *
   * @throws NullPointerException if {@code history} is null
   */
  public double of(CustomerHistory history) {
    return score(history).lifetimeValue();
  }

  /**
   * Everything the models say of the customer at once (cheaper than asking one by one).
   *
   * @throws NullPointerException if {@code history} is null
   */
  public CustomerValue score(CustomerHistory history) {
    double expectedSpend = spend.expectedMeanSpend(history);
    double total = 0;
    double discounted = 0;
    double before = 0;
    double discount = 1;
    for (int k = 1; k <= horizon.periods(); k++) {
      double upTo = purchases.expectedPurchases(k * horizon.periodLength(), history);
      discount /= 1 + horizon.discountRate();
      discounted += (upTo - before) * discount;
      before = upTo;
      total = upTo;
    }
    return new CustomerValue(history, purchases.probabilityAlive(history), total, expectedSpend,
        expectedSpend * discounted);
  }
}
