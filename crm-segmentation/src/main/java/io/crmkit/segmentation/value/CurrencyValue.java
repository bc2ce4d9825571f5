package io.crmkit.segmentation.value;

import io.crmkit.core.common.Require;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A customer's historical value in one currency over a window.
 *
 * @param purchases what was bought (purchases, not refunds) added up, zero or positive
 * @param refunds what was paid back added up, as a positive amount (zero without refunds)
 * @param purchaseCount the purchases counted (not refunds), at least 0
 * @param refundCount the refunds counted, at least 0
 * @param margin the margin earned net of refunds, rounded half to even to the currency's decimal
 *     places; empty when no {@link Margin} was given, or when it cannot be known (see {@link Margin})
 */
public record CurrencyValue(Money purchases, Money refunds, int purchaseCount, int refundCount, Optional<Money> margin) {

  /**
   * @throws IllegalArgumentException if the amounts are in different currencies, an amount or a
   *     count is negative, or an amount is not zero without anything counted
   */
  public CurrencyValue {
    Objects.requireNonNull(purchases, "purchases");
    Objects.requireNonNull(refunds, "refunds");
    Objects.requireNonNull(margin, "margin");
    CurrencyUnit currency = purchases.getCurrencyUnit();
    Require.argument(refunds.getCurrencyUnit().equals(currency)
            && margin.map(m -> m.getCurrencyUnit().equals(currency)).orElse(true),
        "purchases %s, refunds %s and margin %s must share one currency", purchases, refunds, margin);
    Require.argument(purchaseCount >= 0 && refundCount >= 0, "counts must be >= 0, got %s purchases and %s refunds",
        purchaseCount, refundCount);
    Require.argument(!purchases.isNegative() && (purchaseCount > 0 || purchases.isZero()),
        "purchases must be >= 0, and 0 without a purchase; got %s for %s purchases", purchases, purchaseCount);
    Require.argument(!refunds.isNegative() && (refundCount > 0 || refunds.isZero()),
        "refunds must be >= 0, and 0 without a refund; got %s for %s refunds", refunds, refundCount);
  }

  /** Nothing bought or refunded in {@code currency}; the margin is zero if it is known at all. */
  public static CurrencyValue none(CurrencyUnit currency, boolean marginKnown) {
    Money zero = Money.zero(currency);
    return new CurrencyValue(zero, zero, 0, 0, marginKnown ? Optional.of(zero) : Optional.empty());
  }

  /** The currency of every amount here. */
  public CurrencyUnit currency() {
    return purchases.getCurrencyUnit();
  }

  /** Net value: purchases minus refunds, negative if more was paid back than bought in the window. */
  public Money net() {
    return purchases.minus(refunds);
  }
}
