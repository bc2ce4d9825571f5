package io.crmkit.core.lifecycle;

import io.crmkit.core.activity.Purchase;
import io.crmkit.core.customer.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

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
 * @param customerId whose purchases
 * @param asOf the purchases counted happened before this instant
 * @param purchaseCount the number of purchase occasions, at least 0
 * @param firstPurchaseAt the first occasion, present when {@code purchaseCount > 0}
 * @param lastPurchaseAt the latest occasion, present when {@code purchaseCount > 0}
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
  private static final long SECONDS_PER_DAY = 86_400;

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
    if (purchaseCount < 0) {
      throw new IllegalArgumentException("purchaseCount must be >= 0, got " + purchaseCount);
    }
    if (firstPurchaseAt.isPresent() != purchaseCount > 0 || lastPurchaseAt.isPresent() != purchaseCount > 0) {
      throw new IllegalArgumentException("first and last purchase are known exactly when there are purchases");
    }
    if (typicalGap.isPresent() != purchaseCount > 1) {
      throw new IllegalArgumentException("a typical gap is known exactly when there are two purchases or more");
    }
    if (purchaseCount > 0) {
      if (firstPurchaseAt.get().isAfter(lastPurchaseAt.get())) {
        throw new IllegalArgumentException("the first purchase " + firstPurchaseAt.get()
            + " is after the last " + lastPurchaseAt.get());
      }
      if (!lastPurchaseAt.get().isBefore(asOf)) {
        throw new IllegalArgumentException("the last purchase " + lastPurchaseAt.get()
            + " must be before asOf " + asOf);
      }
    }
    if (typicalGap.isPresent() && (typicalGap.get().isNegative() || typicalGap.get().isZero())) {
      throw new IllegalArgumentException("the typical gap must be positive, got " + typicalGap.get());
    }
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
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(purchases, "purchases");
    Objects.requireNonNull(asOf, "asOf");
    // The first purchase of each UTC day, in day order.
    TreeMap<Long, Instant> occasions = new TreeMap<>();
    for (Purchase p : purchases) {
      if (p.customerId().equals(customerId) && !p.isRefund() && p.occurredAt().isBefore(asOf)) {
        occasions.merge(Math.floorDiv(p.occurredAt().getEpochSecond(), SECONDS_PER_DAY), p.occurredAt(),
            (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    if (occasions.isEmpty()) {
      return none(customerId, asOf);
    }
    Instant[] times = occasions.values().toArray(Instant[]::new);
    Optional<Duration> gap = Optional.empty();
    if (times.length > 1) {
      Long[] days = occasions.keySet().toArray(Long[]::new);
      Duration[] gaps = new Duration[days.length - 1];
      for (int i = 1; i < days.length; i++) {
        gaps[i - 1] = Duration.ofDays(days[i] - days[i - 1]);
      }
      Arrays.sort(gaps);
      int mid = gaps.length / 2;
      gap = Optional.of(gaps.length % 2 == 1 ? gaps[mid]
          : gaps[mid - 1].plus(gaps[mid].minus(gaps[mid - 1]).dividedBy(2)));
    }
    return new ActivitySummary(customerId, asOf, times.length, Optional.of(times[0]),
        Optional.of(times[times.length - 1]), gap);
  }

  /** How long before {@code asOf} the customer last bought, if they ever did. */
  public Optional<Duration> sinceLastPurchase() {
    return lastPurchaseAt.map(last -> Duration.between(last, asOf));
  }
}
