package io.crmkit.segmentation.value;

import static io.crmkit.segmentation.value.Rows.AS_OF;
import static io.crmkit.segmentation.value.Rows.EUR;
import static io.crmkit.segmentation.value.Rows.USD;
import static io.crmkit.segmentation.value.Rows.YEAR;
import static io.crmkit.segmentation.value.Rows.customer;
import static io.crmkit.segmentation.value.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.MetricValue;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.core.metric.CustomerMetric;
import io.crmkit.core.metric.CustomerMetrics;
import io.crmkit.segmentation.rfm.CurrencyMismatchException;
import io.crmkit.segmentation.rfm.ExchangeRates;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoricalValueMetricsTest {
  private final CustomerMetrics store = InMemoryCrmStore.create().attach(InMemoryExtensions.metrics()).customerMetrics();

  @Test
  void theNetValueAndAKnownMarginAreRecordedAsNumberMetricsAsOfTheRun() {
    List<HistoricalValue> values = List.copyOf(HistoricalValues.withMargin(Margin.rate(new BigDecimal("0.25")))
        .of(List.of(row(1, 1, EUR, "100.00"), row(1, 2, EUR, "-20.00"), row(2, 3, EUR, "8.00")), YEAR).values());

    HistoricalValueMetrics.in(EUR).record(store, values, AS_OF);

    assertThat(store.allOf(customer(1))).containsOnly(
        Map.entry("historical_value", CustomerMetric.number(customer(1), "historical_value", 80.0, AS_OF)),
        Map.entry("historical_margin", CustomerMetric.number(customer(1), "historical_margin", 20.0, AS_OF)));
    assertThat(store.find(customer(2), HistoricalValueMetrics.MARGIN).map(CustomerMetric::value))
        .contains(MetricValue.number(2.0));
  }

  @Test
  void anUnknownMarginIsNoMetricNotAZero() {
    List<HistoricalValue> values = List.of(HistoricalValues.withoutMargin()
        .of(customer(1), List.of(row(1, 1, EUR, "5.00")), YEAR));

    List<CustomerMetric> metrics = HistoricalValueMetrics.in(EUR).named("value_12m", "margin_12m")
        .metricsOf(values, AS_OF);

    assertThat(metrics).containsExactly(CustomerMetric.number(customer(1), "value_12m", 5.0, AS_OF));
  }

  @Test
  void otherCurrenciesAreConvertedOrRefusedBeforeAnythingIsRecorded() {
    List<HistoricalValue> values = List.of(
        HistoricalValues.withoutMargin().of(customer(1), List.of(row(1, 1, EUR, "5.00")), YEAR),
        HistoricalValues.withoutMargin().of(customer(2), List.of(row(2, 1, USD, "10.00")), YEAR));

    assertThatThrownBy(() -> HistoricalValueMetrics.in(EUR).record(store, values, AS_OF))
        .isInstanceOfSatisfying(CurrencyMismatchException.class, e -> assertThat(e.customerId()).isEqualTo(customer(2)));
    assertThat(store.find(customer(1), HistoricalValueMetrics.VALUE)).isEmpty();

    HistoricalValueMetrics.convertedTo(EUR, ExchangeRates.fixed(EUR, Map.of(USD, new BigDecimal("0.5"))))
        .record(store, values, AS_OF);
    assertThat(store.find(customer(2), HistoricalValueMetrics.VALUE).map(CustomerMetric::value))
        .contains(MetricValue.number(5.0));
  }

  @Test
  void theValueAndTheMarginNeedTwoValidNames() {
    assertThatThrownBy(() -> HistoricalValueMetrics.in(EUR).named("v", "v"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two metric names");
    assertThatThrownBy(() -> HistoricalValueMetrics.in(EUR).named("1st", "m"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metric name");
  }
}
