package io.crmkit.segmentation.tier;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ValueTier;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * A customer's tier with its reason: which metric, the customer's value of it, and the rule or
 * threshold that placed them, so a person can check any assignment.
 *
 * @param customerId whose tier
 * @param tier the tier assigned
 * @param metric the metric that decided it
 * @param value the customer's value of that metric
 * @param rule what placed them, such as {@code monetary >= 1000} or
 *     {@code top 20% by monetary (at or above 812.5)}
 */
public record TierAssignment(CustomerId customerId, ValueTier tier, String metric, double value, String rule) {

  public TierAssignment {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(tier, "tier");
    Require.notBlank(metric, "metric");
    Require.notBlank(rule, "rule");
  }

  /** One line for people: {@code HIGH: monetary 1234.5, monetary >= 1000}. */
  public String explain() {
    return String.format(Locale.ROOT, "%s: %s %s, %s", tier, metric, number(value), rule);
  }

  /** A figure as people write it: no trailing {@code .0}, no exponent ({@code 1E+23}). */
  static String number(double value) {
    return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
        : Double.toString(value);
  }
}
