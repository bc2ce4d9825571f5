package io.crmkit.core.metric;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.MetricValue;
import java.time.Instant;
import java.util.Objects;

/**
 * One computed metric of one customer: its value and when it was computed. Metrics are what a
 * model outside the customer record derives (lifetime value, P(alive), an RFM segment and scores,
 * any user metric), kept beside the customer so that {@code Criteria.metric(...)} can select on
 * them; the customer's own attributes (its tier included) stay on the customer.
 *
 * @param customerId whose metric
 * @param name the metric, as {@link MetricValue#checkName} allows ({@code clv}, {@code rfm_segment})
 * @param value a finite number or a short text
 * @param computedAt when the value was computed (the as-of date of the run that produced it)
 */
public record CustomerMetric(CustomerId customerId, String name, MetricValue value, Instant computedAt) {

  /** @throws IllegalArgumentException if the name is not a metric name */
  public CustomerMetric {
    Objects.requireNonNull(customerId, "customerId");
    MetricValue.checkName(name);
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(computedAt, "computedAt");
  }

  /** A number metric. */
  public static CustomerMetric number(CustomerId customerId, String name, double value, Instant computedAt) {
    return new CustomerMetric(customerId, name, MetricValue.number(value), computedAt);
  }

  /** A text metric. */
  public static CustomerMetric text(CustomerId customerId, String name, String value, Instant computedAt) {
    return new CustomerMetric(customerId, name, MetricValue.text(value), computedAt);
  }
}
