package io.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class MetricCriteriaTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final Customer ALICE = customer(1);
  private static final Customer BOB = customer(2);

  private static Customer customer(long id) {
    return new Customer.Builder().from(NewCustomer.person("Zhang", "Wei").build()).id(CustomerId.of(new UUID(0, id)))
        .version(1).createdAt(T0).updatedAt(T0).build();
  }

  /** Alice: clv 500, segment Champions; Bob: clv as text (a broken run), no segment. */
  private static final CriteriaEvaluator.MetricLookup METRICS = (id, metric) -> Optional.ofNullable(Map.of(
      ALICE.id(), Map.of("clv", MetricValue.number(500), "rfm_segment", MetricValue.text("Champions")),
      BOB.id(), Map.of("clv", MetricValue.text("500"))).get(id).get(metric));

  private static boolean matches(Criteria criteria, Customer customer) {
    return CriteriaEvaluator.matches(criteria, customer, METRICS);
  }

  @Test
  void numberBoundsAreInclusiveOrExclusiveAsTheirNamesSay() {
    assertThat(matches(Criteria.metric("clv").greaterThan(500), ALICE)).isFalse();
    assertThat(matches(Criteria.metric("clv").atLeast(500), ALICE)).isTrue();
    assertThat(matches(Criteria.metric("clv").lessThan(500), ALICE)).isFalse();
    assertThat(matches(Criteria.metric("clv").atMost(500), ALICE)).isTrue();
    assertThat(matches(Criteria.metric("clv").between(400, 500), ALICE)).isFalse();
    assertThat(matches(Criteria.metric("clv").between(500, 501), ALICE)).isTrue();
    assertThat(matches(Criteria.metric("clv").equalTo(500), ALICE)).isTrue();
  }

  @Test
  void anAbsentMetricFailsEveryTestAndItsNegationHolds() {
    assertThat(matches(Criteria.metricIs("rfm_segment", "Champions"), BOB)).isFalse();
    assertThat(matches(Criteria.metric("rfm_segment").present(), BOB)).isFalse();
    assertThat(matches(Criteria.not(Criteria.metricIs("rfm_segment", "Champions")), BOB)).isTrue();
    assertThat(matches(Criteria.metric("p_alive").atLeast(0), ALICE)).isFalse();
  }

  @Test
  void aNumberTestOnTextAndATextTestOnANumberFail() {
    assertThat(matches(Criteria.metric("clv").atLeast(0), BOB)).isFalse();
    assertThat(matches(Criteria.metricIs("clv", "500"), ALICE)).isFalse();
    assertThat(matches(Criteria.metricIs("clv", "500"), BOB)).isTrue();
    assertThat(matches(Criteria.metric("clv").present(), BOB)).isTrue();
  }

  @Test
  void textIsComparedExactly() {
    assertThat(matches(Criteria.metricIs("rfm_segment", "champions"), ALICE)).isFalse();
    assertThat(matches(Criteria.metric("rfm_segment").in("Loyal", "Champions"), ALICE)).isTrue();
  }

  @Test
  void metricCriteriaCombineWithTheOthers() {
    Criteria champions = Criteria.and(Criteria.kindIs(CustomerKind.PERSON), Criteria.metricIs("rfm_segment", "Champions"));
    assertThat(matches(champions, ALICE)).isTrue();
    assertThat(matches(Criteria.or(champions, Criteria.metric("clv").present()), BOB)).isTrue();
  }

  @Test
  void evaluatingAMetricCriterionWithoutMetricsIsAClearErrorNotFalse() {
    assertThat(CriteriaEvaluator.usesMetrics(Criteria.not(Criteria.and(Criteria.all(),
        Criteria.metric("clv").present())))).isTrue();
    assertThat(CriteriaEvaluator.usesMetrics(Criteria.ownerIs("alice"))).isFalse();
    assertThatThrownBy(() -> CriteriaEvaluator.matches(Criteria.not(Criteria.metric("clv").atLeast(1)), ALICE))
        .isInstanceOf(Criteria.MetricsUnavailableException.class).hasMessageContaining("metrics capability");
  }

  @Test
  void malformedMetricCriteriaAreRefusedWhenBuilt() {
    assertThatThrownBy(() -> Criteria.metric("1st")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metric name");
    assertThatThrownBy(() -> Criteria.metric("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Criteria.metric("clv").greaterThan(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    assertThatThrownBy(() -> Criteria.metric("clv").between(5, 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("above its upper bound");
    assertThatThrownBy(() -> Criteria.metric("seg").in()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Criteria.metricIs("seg", "a\nb")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MetricValue.number(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void negativeZeroIsZeroInValuesAndBounds() {
    assertThat(MetricValue.number(-0.0)).isEqualTo(MetricValue.number(0.0));
    assertThat(Criteria.metric("clv").equalTo(-0.0)).isEqualTo(Criteria.metric("clv").equalTo(0.0));
  }

  @Property(tries = 200)
  void betweenIsAtLeastAndLessThan(@ForAll @DoubleRange(min = -1e6, max = 1e6) double value,
      @ForAll @DoubleRange(min = -1e6, max = 0) double from, @ForAll @DoubleRange(min = 0, max = 1e6) double to) {
    CriteriaEvaluator.MetricLookup one = (id, metric) -> Optional.of(MetricValue.number(value));
    boolean between = CriteriaEvaluator.matches(Criteria.metric("m").between(from, to), ALICE, one);
    boolean both = CriteriaEvaluator.matches(Criteria.and(Criteria.metric("m").atLeast(from),
        Criteria.metric("m").lessThan(to)), ALICE, one);
    assertThat(between).isEqualTo(both).isEqualTo(value >= from && value < to);
  }
}
