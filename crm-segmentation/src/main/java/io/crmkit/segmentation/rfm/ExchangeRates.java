package io.crmkit.segmentation.rfm;

import io.crmkit.core.common.Require;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.CurrencyUnit;

/**
 * Port: the exchange rates an RFM analysis converts amounts with, supplied by the caller (a
 * treasury table, a rates service). crmkit ships no rates of its own: a wrong rate would silently
 * rank customers, so an analysis that needs a rate it is not given fails instead.
 */
@FunctionalInterface
public interface ExchangeRates {

  /**
   * How many units of {@code to} one unit of {@code from} was worth at {@code at}, if known. Never
   * asked for a currency into itself.
   */
  Optional<BigDecimal> rate(CurrencyUnit from, CurrencyUnit to, Instant at);

  /**
   * Fixed rates into one currency, whatever the date: {@code ratesInto.get(c)} units of
   * {@code target} per unit of {@code c}. Handy for tests and for reporting at a budget rate.
   *
   * @throws IllegalArgumentException if a rate is not positive
   */
  static ExchangeRates fixed(CurrencyUnit target, Map<CurrencyUnit, BigDecimal> ratesInto) {
    Objects.requireNonNull(target, "target");
    Map<CurrencyUnit, BigDecimal> rates = Map.copyOf(ratesInto);
    rates.forEach((currency, rate) -> Require.argument(rate.signum() > 0,
        "the rate of %s into %s must be positive, got %s", currency, target, rate));
    return (from, to, at) -> to.equals(target) ? Optional.ofNullable(rates.get(from)) : Optional.empty();
  }
}
