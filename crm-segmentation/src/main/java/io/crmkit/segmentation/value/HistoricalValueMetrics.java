package io.crmkit.segmentation.value;

import io.crmkit.core.customer.MetricValue;
import io.crmkit.core.metric.CustomerMetric;
import io.crmkit.core.metric.CustomerMetrics;
import io.crmkit.segmentation.rfm.CurrencyMismatchException;
import io.crmkit.segmentation.rfm.ExchangeRates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.joda.money.CurrencyUnit;

/**
 * Turns historical values into computed metrics ({@link CustomerMetrics}), so that segments select
 * by them ({@code Criteria.metric("historical_value").atLeast(1000)}): the net value under
 * {@link #VALUE} and, where it is known, the margin under {@link #MARGIN}, both as numbers in one
 * currency. A metric is one number, so amounts are taken in one currency ({@link #in}, refusing
 * others) or converted into it ({@link #convertedTo}). A customer whose margin is unknown gets no
 * margin metric, never a zero; recording replaces an older value, but does not remove it when the
 * margin has become unknown.
 */
public final class HistoricalValueMetrics {
  /** The metric name of the net value. */
  public static final String VALUE = "historical_value";
  /** The metric name of the margin. */
  public static final String MARGIN = "historical_margin";

  private final Function<HistoricalValue, CurrencyValue> inOneCurrency;
  private final String valueName;
  private final String marginName;

  private HistoricalValueMetrics(Function<HistoricalValue, CurrencyValue> inOneCurrency, String valueName,
      String marginName) {
    this.inOneCurrency = inOneCurrency;
    this.valueName = MetricValue.checkName(valueName);
    this.marginName = MetricValue.checkName(marginName);
    if (valueName.equals(marginName)) {
      throw new IllegalArgumentException("the value and the margin need two metric names, both are " + valueName);
    }
  }

  /** Metrics in {@code currency}; a customer with amounts in another is a {@link CurrencyMismatchException}. */
  public static HistoricalValueMetrics in(CurrencyUnit currency) {
    Objects.requireNonNull(currency, "currency");
    return new HistoricalValueMetrics(value -> value.only(currency), VALUE, MARGIN);
  }

  /** Metrics in {@code currency}, other currencies converted at {@code rates} ({@link HistoricalValue#convertedTo}). */
  public static HistoricalValueMetrics convertedTo(CurrencyUnit currency, ExchangeRates rates) {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(rates, "rates");
    return new HistoricalValueMetrics(value -> value.convertedTo(currency, rates), VALUE, MARGIN);
  }

  /**
   * The same metrics under other names, for instance one pair per window ({@code value_12m}).
   *
   * @throws IllegalArgumentException if a name is not a metric name, or both are the same
   */
  public HistoricalValueMetrics named(String valueName, String marginName) {
    return new HistoricalValueMetrics(inOneCurrency, valueName, marginName);
  }

  /**
   * The metrics of {@code values}, computed at {@code computedAt} (the as-of date of the run), in
   * order: each customer's value, then its margin if known.
   *
   * @throws CurrencyMismatchException if a customer's amounts cannot be expressed in the currency
   */
  public List<CustomerMetric> metricsOf(Collection<HistoricalValue> values, Instant computedAt) {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(computedAt, "computedAt");
    List<CustomerMetric> metrics = new ArrayList<>(2 * values.size());
    for (HistoricalValue value : values) {
      CurrencyValue amounts = inOneCurrency.apply(value);
      metrics.add(CustomerMetric.number(value.customerId(), valueName, amounts.net().getAmount().doubleValue(),
          computedAt));
      amounts.margin().ifPresent(margin -> metrics.add(CustomerMetric.number(value.customerId(), marginName,
          margin.getAmount().doubleValue(), computedAt)));
    }
    return metrics;
  }

  /**
   * Records the metrics of {@code values} in {@code store}, all or none (one
   * {@link CustomerMetrics#recordAll} call).
   *
   * @throws CurrencyMismatchException before anything is recorded, if a customer's amounts cannot
   *     be expressed in the currency
   */
  public void record(CustomerMetrics store, Collection<HistoricalValue> values, Instant computedAt) {
    Objects.requireNonNull(store, "store");
    store.recordAll(metricsOf(values, computedAt));
  }
}
