package io.crmkit.segmentation.tier;

import io.crmkit.core.common.Require;
import io.crmkit.segmentation.rfm.RfmResult.CustomerRfm;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A named figure of a customer that tiers are decided on, such as monetary value or lifetime value.
 * The name appears in every {@link TierAssignment}'s explanation.
 *
 * @param name how explanations call it, such as {@code monetary}
 * @param value reads the figure; must give a finite number
 * @param <T> what a customer's figures are read from
 */
public record TierMetric<T>(String name, ToDoubleFunction<? super T> value) {
  /** The M of RFM, in the analysis currency. */
  public static final TierMetric<CustomerRfm> RFM_MONETARY =
      new TierMetric<>("monetary", c -> c.values().monetary().doubleValue());
  /** The F of RFM: purchase occasions. */
  public static final TierMetric<CustomerRfm> RFM_FREQUENCY = new TierMetric<>("frequency", c -> c.values().frequency());
  /** The RFM scores added up, 3..15. */
  public static final TierMetric<CustomerRfm> RFM_SCORE_SUM = new TierMetric<>("rfm score sum",
      c -> c.score().recency() + c.score().frequency() + c.score().monetary());

  public TierMetric {
    Require.notBlank(name, "name");
    Objects.requireNonNull(value, "value");
  }

  /**
   * The figure of {@code customer}.
   *
   * @throws IllegalArgumentException if it is not a finite number
   */
  public double of(T customer) {
    double v = value.applyAsDouble(customer);
    Require.argument(Double.isFinite(v), "metric %s must be finite, got %s", name, v);
    return v;
  }
}
