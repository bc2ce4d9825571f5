package io.crmkit.segmentation.value;

import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.CustomerId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Adds up one customer's purchases in a window, one row at a time and in any order, into a
 * {@link HistoricalValue}: the sums per currency and the margin as {@link Margin} defines it. Not
 * thread-safe.
 */
final class ValueTally {
  private final CustomerId customerId;
  private final TimeRange window;
  private final Margin margin;
  private final Map<CurrencyUnit, Running> running = new LinkedHashMap<>();

  /** @param margin null when no margin is given */
  ValueTally(CustomerId customerId, TimeRange window, Margin margin) {
    this.customerId = customerId;
    this.window = window;
    this.margin = margin;
  }

  /**
   * Counts {@code purchase} if it is the customer's and happened in the window.
   *
   * @throws IllegalArgumentException if the caller's margin function answers in another currency
   *     or more than the purchase's amount
   */
  void add(Purchase purchase) {
    if (!purchase.customerId().equals(customerId) || !window.contains(purchase.occurredAt())) {
      return;
    }
    Money amount = purchase.amount();
    Running sums = running.computeIfAbsent(amount.getCurrencyUnit(), c -> new Running());
    if (purchase.isRefund()) {
      sums.refunds = sums.refunds.add(amount.getAmount().negate());
      sums.refundCount = Math.addExact(sums.refundCount, 1);
    } else {
      sums.purchases = sums.purchases.add(amount.getAmount());
      sums.purchaseCount = Math.addExact(sums.purchaseCount, 1);
    }
    if (margin instanceof Margin.Rates rates) {
      sums.marginSum = sums.marginSum.add(amount.getAmount().multiply(rates.rateOf(purchase)));
    } else if (margin instanceof Margin.FromFunction function && !purchase.isRefund()) {
      sums.marginSum = sums.marginSum.add(checkedMargin(purchase, function.margins().marginOf(purchase)));
    }
  }

  /** The value of what was added so far. */
  HistoricalValue result() {
    Map<CurrencyUnit, CurrencyValue> values = new LinkedHashMap<>();
    running.forEach((currency, sums) -> values.put(currency, sums.value(currency)));
    return new HistoricalValue(customerId, window, values, margin != null);
  }

  private BigDecimal checkedMargin(Purchase purchase, Money given) {
    if (given == null || !given.getCurrencyUnit().equals(purchase.amount().getCurrencyUnit())
        || given.isGreaterThan(purchase.amount())) {
      throw new IllegalArgumentException("the margin of purchase " + purchase.id() + " of customer " + customerId
          + " must be in its currency " + purchase.amount().getCurrencyUnit() + " and at most its amount "
          + purchase.amount() + ", got " + given);
    }
    return given.getAmount();
  }

  /** One currency's running sums; refunds as a positive amount. */
  private final class Running {
    private BigDecimal purchases = BigDecimal.ZERO;
    private BigDecimal refunds = BigDecimal.ZERO;
    private BigDecimal marginSum = BigDecimal.ZERO;
    private int purchaseCount;
    private int refundCount;

    CurrencyValue value(CurrencyUnit currency) {
      return new CurrencyValue(Money.of(currency, purchases), Money.of(currency, refunds), purchaseCount, refundCount,
          marginAmount(currency).map(m -> Money.of(currency, m, RoundingMode.HALF_EVEN)));
    }

    /** Rates: every row at its rate. A function: purchase margins, refunds at their ratio to purchases. */
    private Optional<BigDecimal> marginAmount(CurrencyUnit currency) {
      if (margin == null) {
        return Optional.empty();
      }
      if (margin instanceof Margin.Rates || refunds.signum() == 0) {
        return Optional.of(marginSum);
      }
      if (purchases.signum() == 0) {
        return Optional.empty();
      }
      BigDecimal net = purchases.subtract(refunds);
      return Optional.of(
          marginSum.multiply(net).divide(purchases, currency.getDecimalPlaces(), RoundingMode.HALF_EVEN));
    }
  }
}
