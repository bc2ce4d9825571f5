package io.crmkit.core.lifecycle;

import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.PurchaseSummary;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * What a customer's purchases say as of an instant, for guards and automatic rules: how often,
 * since when, how recently, and at what rhythm they buy.
 *
 * <p>Counts <em>purchase occasions</em>: the calendar days (UTC) with a purchase that is not a
 * refund, each dated at its first purchase. The lines of one checkout, written minutes apart, are
 * one occasion, so a large basket does not look like a habit; daily resolution is also what
 * customer-base analysis (RFM, buy-till-you-die models) works at. Refunds are ignored: they
 * neither make an occasion nor cancel one.
 *
 * <p>It is the occasion part of a {@link PurchaseSummary} ({@link #from}), which adapters compute
 * for many customers in one query; {@link #of} summarises a list of purchases the same way.
 *
 * @param customerId whose purchases
 * @param asOf the purchases counted happened before this instant
 * @param purchaseCount the number of purchase occasions, at least 0
 * @param firstPurchaseAt the first occasion, present when {@code purchaseCount > 0}
 * @param lastPurchaseAt the latest occasion (its first purchase), present when {@code purchaseCount > 0}
 * @param typicalGap the median number of calendar days between consecutive occasions, present
 *     when {@code purchaseCount > 1}: the customer's own cadence, robust to one long pause
 */
public record ActivitySummary(
    CustomerId customerId,
    Instant asOf,
    int purchaseCount,
    Optional<Instant> firstPurchaseAt,
    Optional<Instant> lastPurchaseAt,
    Optional<Duration> typicalGap) {
  /**
   * @throws IllegalArgumentException if the parts contradict each other: a negative count, first
   *     and last present exactly when the count is positive, first not after last, last before
   *     {@code asOf}, a positive gap present exactly when the count is above one
   */
  public ActivitySummary {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(firstPurchaseAt, "firstPurchaseAt");
    Objects.requireNonNull(lastPurchaseAt, "lastPurchaseAt");
    Objects.requireNonNull(typicalGap, "typicalGap");
    Require.atLeast(purchaseCount, 0, "purchaseCount");
    boolean bought = purchaseCount > 0;
    Require.argument(firstPurchaseAt.isPresent() == bought && lastPurchaseAt.isPresent() == bought,
        "first and last purchase are known exactly when there are purchases");
    Require.argument(typicalGap.isPresent() == purchaseCount > 1,
        "a typical gap is known exactly when there are two purchases or more");
    if (bought) {
      Instant first = firstPurchaseAt.get();
      Instant last = lastPurchaseAt.get();
      Require.argument(!first.isAfter(last), "the first purchase %s is after the last %s", first, last);
      Require.argument(last.isBefore(asOf), "the last purchase %s must be before asOf %s", last, asOf);
    }
    typicalGap.ifPresent(gap -> Require.argument(!gap.isNegative() && !gap.isZero(),
        "the typical gap must be positive, got %s", gap));
  }

  /** A customer who has bought nothing before {@code asOf}. */
  public static ActivitySummary none(CustomerId customerId, Instant asOf) {
    return new ActivitySummary(customerId, asOf, 0, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Summarises {@code purchases} of {@code customerId} that happened before {@code asOf} as
   * purchase occasions (days); later purchases, refunds and other customers' purchases are
   * ignored, and order does not matter.
   */
  public static ActivitySummary of(CustomerId customerId, Collection<Purchase> purchases, Instant asOf) {
    return from(PurchaseSummary.of(customerId, purchases, asOf));
  }

  /**
   * The occasions of {@code purchases} as rules see them: the occasion count, the first purchase,
   * the start of the latest occasion as the last purchase, and the typical gap. So figures read in
   * bulk ({@link io.crmkit.core.activity.Purchases#summaries}) and figures summarised from a list
   * ({@link #of}) are the same.
   */
  public static ActivitySummary from(PurchaseSummary purchases) {
    Objects.requireNonNull(purchases, "purchases");
    return new ActivitySummary(purchases.customerId(), purchases.asOf(), purchases.occasions(),
        purchases.firstPurchaseAt(), purchases.lastOccasionAt(), purchases.typicalGap());
  }

  /** How long before {@code asOf} the customer last bought, if they ever did. */
  public Optional<Duration> sinceLastPurchase() {
    return lastPurchaseAt.map(last -> Duration.between(last, asOf));
  }
}
