package io.crmkit.core.lifecycle;

import io.crmkit.core.activity.Purchase;
import io.crmkit.core.customer.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * What a customer's purchases say as of an instant, for guards and automatic rules: how often,
 * since when, how recently, and at what rhythm they buy.
 *
 * <p>Counts <em>purchase occasions</em>: purchases that are not refunds, those at the same instant
 * (the lines of one order) counted once, so that a large basket does not look like a habit.
 *
 * @param customerId whose purchases
 * @param asOf the purchases counted happened before this instant
 * @param purchaseCount the number of purchase occasions, at least 0
 * @param firstPurchaseAt the first occasion, present when {@code purchaseCount > 0}
 * @param lastPurchaseAt the latest occasion, present when {@code purchaseCount > 0}
 * @param typicalGap the median time between consecutive occasions, present when
 *     {@code purchaseCount > 1}: the customer's own cadence, robust to one long pause
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
   * Summarises {@code purchases} of {@code customerId} that happened before {@code asOf}; later
   * purchases, refunds and other customers' purchases are ignored, and order does not matter.
   */
  public static ActivitySummary of(CustomerId customerId, Collection<Purchase> purchases, Instant asOf) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(purchases, "purchases");
    Objects.requireNonNull(asOf, "asOf");
    Instant[] times = purchases.stream()
        .filter(p -> p.customerId().equals(customerId) && !p.isRefund() && p.occurredAt().isBefore(asOf))
        .map(Purchase::occurredAt)
        .distinct()
        .sorted()
        .toArray(Instant[]::new);
    if (times.length == 0) {
      return none(customerId, asOf);
    }
    Optional<Duration> gap = Optional.empty();
    if (times.length > 1) {
      Duration[] gaps = new Duration[times.length - 1];
      for (int i = 1; i < times.length; i++) {
        gaps[i - 1] = Duration.between(times[i - 1], times[i]);
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
