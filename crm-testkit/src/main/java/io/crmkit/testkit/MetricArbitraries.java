package io.crmkit.testkit;

import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.MetricValue;
import io.crmkit.core.metric.CustomerMetric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Computed metrics and criteria over them, drawn from small pools of names, numbers and texts, so
 * that values tie with bounds (inclusive against exclusive), a metric is sometimes a number and
 * sometimes a text, and customers sometimes lack it.
 */
final class MetricArbitraries {
  static final List<String> NAMES = List.of("clv", "p_alive", "rfm_segment");
  private static final List<Double> NUMBERS = List.of(-250.5, -1.0, 0.0, 1e-300, 0.25, 0.5, 1.0, 2.5, 100.0,
      499.99, 500.0, 1e300);
  private static final List<String> TEXTS = List.of("Champions", "champions", "Loyal", "At Risk", "Lost", "王", "😀");

  private MetricArbitraries() {}

  static Arbitrary<Double> numbers() {
    return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(NUMBERS)),
        Tuple.of(1, Arbitraries.doubles().between(-1e6, 1e6)));
  }

  static Arbitrary<MetricValue> values() {
    return Arbitraries.frequencyOf(Tuple.of(3, numbers().map(MetricValue::number)),
        Tuple.of(2, Arbitraries.of(TEXTS).map(MetricValue::text)));
  }

  /** Each customer has each pooled metric with probability two in three, computed at {@code computedAt}. */
  static Arbitrary<List<CustomerMetric>> metricsOf(List<CustomerId> customers, Instant computedAt) {
    int slots = customers.size() * NAMES.size();
    return values().injectNull(1.0 / 3).list().ofSize(slots).map(values -> {
      List<CustomerMetric> metrics = new ArrayList<>();
      for (int i = 0; i < slots; i++) {
        MetricValue value = values.get(i);
        if (value != null) {
          metrics.add(new CustomerMetric(customers.get(i / NAMES.size()), NAMES.get(i % NAMES.size()), value,
              computedAt));
        }
      }
      return metrics;
    });
  }

  /** One metric criterion: a number bound of either kind, a range, equality, text membership or presence. */
  static Arbitrary<Criteria> leaves() {
    Arbitrary<Criteria.OnMetric> metric = Arbitraries.of(NAMES).map(Criteria::metric);
    Arbitrary<Criteria> bounds = Combinators.combine(metric, numbers(), Arbitraries.integers().between(0, 4))
        .as((on, bound, kind) -> switch (kind) {
          case 0 -> on.greaterThan(bound);
          case 1 -> on.atLeast(bound);
          case 2 -> on.lessThan(bound);
          case 3 -> on.atMost(bound);
          default -> on.equalTo(bound);
        });
    Arbitrary<Criteria> ranges = Combinators.combine(metric, numbers(), numbers())
        .as((on, a, b) -> on.between(Math.min(a, b), Math.max(a, b)));
    Arbitrary<Criteria> texts = Combinators.combine(metric, Arbitraries.of(TEXTS).set().ofMinSize(1).ofMaxSize(3))
        .as((on, values) -> on.in(values.toArray(String[]::new)));
    return Arbitraries.frequencyOf(Tuple.of(4, bounds), Tuple.of(2, ranges), Tuple.of(3, texts),
        Tuple.of(1, metric.map(Criteria.OnMetric::present)));
  }

  /**
   * Trees up to three levels deep whose leaves are metric criteria, mixed with the other
   * criteria of {@link CriteriaArbitraries#criteria()}, under {@code and}, {@code or} and {@code not}.
   */
  static Arbitrary<Criteria> criteria() {
    Arbitrary<Criteria> leaf = Arbitraries.frequencyOf(Tuple.of(3, leaves()), Tuple.of(1, CriteriaArbitraries.criteria()));
    Arbitrary<Criteria> level = leaf;
    for (int depth = 0; depth < 2; depth++) {
      Arbitrary<Criteria> operand = level;
      level = Arbitraries.frequencyOf(
          Tuple.of(4, leaf),
          Tuple.of(2, operand.list().ofMaxSize(3).map(Criteria.And::new)),
          Tuple.of(2, operand.list().ofMaxSize(3).map(Criteria.Or::new)),
          Tuple.of(1, operand.map(Criteria::not)));
    }
    return level;
  }
}
