package io.crmkit.segmentation.value;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.segmentation.rfm.CurrencyMismatchException;
import io.crmkit.segmentation.rfm.ExchangeRates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * One customer's historical value over a window: per currency, since amounts of different
 * currencies are never added up as they are ({@link #convertedTo} adds them at the caller's rates).
 *
 * @param customerId whose purchases
 * @param window the purchases counted happened in it (from its start, up to but excluding its end)
 * @param byCurrency the value in each currency the customer bought or was refunded in, by currency;
 *     empty if nothing happened in the window
 * @param marginGiven whether a {@link Margin} was given, so that a currency without purchases has a
 *     known margin of zero
 */
public record HistoricalValue(CustomerId customerId, TimeRange window, Map<CurrencyUnit, CurrencyValue> byCurrency,
    boolean marginGiven) {

  /** @throws IllegalArgumentException if a currency value is filed under another currency */
  public HistoricalValue {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(window, "window");
    byCurrency = Collections.unmodifiableMap(new TreeMap<>(byCurrency));
    byCurrency.forEach((currency, value) -> {
      if (!value.currency().equals(currency)) {
        throw new IllegalArgumentException("a value in " + value.currency() + " is filed under " + currency);
      }
    });
  }

  /** The value in {@code currency}: nothing bought or refunded if the customer has no amount in it. */
  public CurrencyValue in(CurrencyUnit currency) {
    Objects.requireNonNull(currency, "currency");
    CurrencyValue value = byCurrency.get(currency);
    return value != null ? value : CurrencyValue.none(currency, marginGiven);
  }

  /**
   * The value in {@code currency} alone, refusing amounts in any other: for an analysis in one
   * currency.
   *
   * @throws CurrencyMismatchException if the customer has an amount in another currency
   */
  public CurrencyValue only(CurrencyUnit currency) {
    if (byCurrency.size() > (byCurrency.containsKey(currency) ? 1 : 0)) {
      throw new CurrencyMismatchException(customerId, byCurrency.keySet(), "customer " + customerId
          + " has amounts in " + byCurrency.keySet() + ", but the value is wanted in " + currency
          + " only: take each currency apart (byCurrency) or convert with convertedTo(currency, rates)");
    }
    return in(currency);
  }

  /**
   * Every currency's value in {@code target}, converted at {@code rates} as of the window's end:
   * counts add up; purchases, refunds and margin are each converted and added exactly, then rounded
   * half to even once to the target's decimal places (so net, purchases minus refunds, may differ
   * by a minor unit from converting each currency's net). The margin is known only if every
   * currency's margin is.
   *
   * @throws CurrencyMismatchException if a rate is missing, naming the customer and its currencies
   */
  public CurrencyValue convertedTo(CurrencyUnit target, ExchangeRates rates) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(rates, "rates");
    BigDecimal purchases = BigDecimal.ZERO;
    BigDecimal refunds = BigDecimal.ZERO;
    Optional<BigDecimal> margin = marginGiven ? Optional.of(BigDecimal.ZERO) : Optional.empty();
    int purchaseCount = 0;
    int refundCount = 0;
    for (CurrencyValue value : byCurrency.values()) {
      BigDecimal rate = value.currency().equals(target) ? BigDecimal.ONE : rateInto(target, value.currency(), rates);
      purchases = purchases.add(value.purchases().getAmount().multiply(rate));
      refunds = refunds.add(value.refunds().getAmount().multiply(rate));
      margin = value.margin().isEmpty() ? Optional.empty()
          : margin.map(sum -> sum.add(value.margin().get().getAmount().multiply(rate)));
      purchaseCount = Math.addExact(purchaseCount, value.purchaseCount());
      refundCount = Math.addExact(refundCount, value.refundCount());
    }
    return new CurrencyValue(money(target, purchases), money(target, refunds), purchaseCount, refundCount,
        margin.map(m -> money(target, m)));
  }

  private BigDecimal rateInto(CurrencyUnit target, CurrencyUnit from, ExchangeRates rates) {
    return rates.rate(from, target, window.to()).orElseThrow(() -> new CurrencyMismatchException(customerId,
        byCurrency.keySet(), "customer " + customerId + " has amounts in " + new TreeSet<>(byCurrency.keySet())
            + ", but there is no rate from " + from + " to " + target + " at " + window.to()));
  }

  private static Money money(CurrencyUnit currency, BigDecimal amount) {
    return Money.of(currency, amount, RoundingMode.HALF_EVEN);
  }
}
