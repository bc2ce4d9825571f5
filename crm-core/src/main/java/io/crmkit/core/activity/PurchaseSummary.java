package io.crmkit.core.activity;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * What one customer's purchases add up to as of an instant: how many, on how many days, since
 * when, how recently, at what rhythm, and how much in each currency. It is the figure set that
 * lifecycle rules, RFM and lifetime value read, computed by {@link Purchases#summaries} for many
 * customers at once (one query per chunk on a database) or by {@link #of} from a list.
 *
 * <p><b>What counts.</b> Only purchases that happened strictly before {@link #asOf()}: a purchase
 * exactly at {@code asOf} belongs to the next period, as in {@link TimeRange#until(Instant)}. A
 * summary of a window ({@link #since()}, for RFM over the last year) also leaves out what happened
 * before the window's start; a summary without one counts the whole history. A
 * <em>refund</em> is a purchase with a negative amount ({@link Purchase#isRefund()}); a zero amount
 * is a purchase. Refunds are counted apart ({@link #refundCount()}), lower the currency's
 * {@link CurrencyTotals#total() total}, and change nothing else: they neither make nor cancel a
 * purchase occasion, and they are not the first or last purchase.
 *
 * <p><b>Occasions.</b> A purchase occasion is a calendar day in UTC with at least one purchase
 * (not a refund), dated at that day's first purchase: the lines of one checkout are one occasion.
 * {@link #typicalGap()} is the median number of days between consecutive occasions.
 *
 * <p>Every instant keeps its nanoseconds; amounts are exact.
 */
@Value.Immutable
public interface PurchaseSummary {
  /** Whose purchases. */
  CustomerId customerId();

  /** The purchases counted happened before this instant. */
  Instant asOf();

  /**
   * The start of the window summarised: purchases (and refunds) before it are left out. Empty for a
   * summary of the whole history before {@link #asOf()}.
   */
  Optional<Instant> since();

  /** The number of purchase occasions: UTC days with a purchase that is not a refund. */
  int occasions();

  /** The earliest purchase (not a refund); present exactly when there is a purchase. */
  Optional<Instant> firstPurchaseAt();

  /** The latest purchase (not a refund); present exactly when there is a purchase. */
  Optional<Instant> lastPurchaseAt();

  /**
   * When the latest occasion began: the first purchase on the last UTC day with a purchase, so
   * at or before {@link #lastPurchaseAt()}; present exactly when there is a purchase.
   */
  Optional<Instant> lastOccasionAt();

  /**
   * The median number of days between consecutive occasions (whole days, or a half day between
   * the two middle gaps when their count is even); present exactly when there are two occasions
   * or more. One long pause does not skew it.
   */
  Optional<Duration> typicalGap();

  /**
   * The amounts in each currency the customer bought or was refunded in, by currency; empty if
   * nothing happened before {@code asOf}. Amounts in different currencies are never added up.
   */
  Map<CurrencyUnit, CurrencyTotals> byCurrency();

  /** The number of purchases that are not refunds, in every currency. */
  default int purchaseCount() {
    return byCurrency().values().stream().mapToInt(CurrencyTotals::purchaseCount).reduce(0, Math::addExact);
  }

  /** The number of refunds, in every currency. */
  default int refundCount() {
    return byCurrency().values().stream().mapToInt(CurrencyTotals::refundCount).reduce(0, Math::addExact);
  }

  /** The totals in {@code currency}, empty if the customer has neither bought nor been refunded in it. */
  default Optional<CurrencyTotals> in(CurrencyUnit currency) {
    return Optional.ofNullable(byCurrency().get(Objects.requireNonNull(currency, "currency")));
  }

  /** How long before {@code asOf} the latest purchase happened, if there is one. */
  default Optional<Duration> sinceLastPurchase() {
    return lastPurchaseAt().map(last -> Duration.between(last, asOf()));
  }

  /**
   * Rejects parts that contradict each other.
   *
   * @throws IllegalStateException if they do
   */
  @Value.Check
  default void check() {
    int purchases = purchaseCount();
    boolean bought = purchases > 0;
    Require.state(occasions() >= 0 && occasions() <= purchases && (occasions() > 0) == bought,
        "occasions must be between 1 and the purchase count %s when there are purchases, 0 otherwise; got %s",
        purchases, occasions());
    Require.state(firstPurchaseAt().isPresent() == bought && lastPurchaseAt().isPresent() == bought
        && lastOccasionAt().isPresent() == bought,
        "first purchase, last purchase and last occasion are known exactly when there are purchases;"
            + " purchase count %s", purchases);
    since().ifPresent(start -> Require.state(start.isBefore(asOf()),
        "a window starts before asOf; got %s, asOf %s", start, asOf()));
    Require.state(typicalGap().isPresent() == occasions() > 1,
        "a typical gap is known exactly when there are two occasions or more");
    typicalGap().ifPresent(gap -> Require.state(!gap.isNegative() && !gap.isZero(),
        "the typical gap must be positive, got %s", gap));
    if (bought) {
      Instant first = firstPurchaseAt().get();
      Instant lastOccasion = lastOccasionAt().get();
      Instant last = lastPurchaseAt().get();
      Require.state(since().map(start -> !first.isBefore(start)).orElse(true),
          "the first purchase %s is before the window's start %s", first, since().orElse(null));
      Require.state(!first.isAfter(lastOccasion) && !lastOccasion.isAfter(last) && last.isBefore(asOf()),
          "purchases must be ordered first <= last occasion <= last < asOf; got %s, %s, %s, asOf %s",
          first, lastOccasion, last, asOf());
      Require.state(occasions() != 1 || first.equals(lastOccasion),
          "with one occasion, the first purchase %s begins the last occasion, not %s", first, lastOccasion);
    }
    byCurrency().forEach((currency, totals) -> Require.state(currency.equals(totals.currency()),
        "totals in %s filed under %s", totals.currency(), currency));
  }

  /** A customer who has neither bought nor been refunded anything before {@code asOf}. */
  static PurchaseSummary none(CustomerId customerId, Instant asOf) {
    return new Builder().customerId(customerId).asOf(asOf).occasions(0).build();
  }

  /**
   * A customer who has neither bought nor been refunded anything within {@code window}: its end is
   * the summary's {@code asOf}, its start (unless {@link Instant#MIN}) the summary's {@link #since()}.
   */
  static PurchaseSummary none(CustomerId customerId, TimeRange window) {
    return new Tally(customerId, window).summary();
  }

  /**
   * Summarises the purchases of {@code customerId} among {@code purchases} that happened within
   * {@code window} (from its start, unless {@link Instant#MIN}, up to but excluding its end, the
   * summary's {@code asOf}); everything else is ignored, and order does not matter. This is the
   * reference every windowed {@link Purchases#summaries(Collection, TimeRange)} must agree with.
   *
   * @throws ArithmeticException if a count passes {@link Integer#MAX_VALUE}
   */
  static PurchaseSummary of(CustomerId customerId, Collection<Purchase> purchases, TimeRange window) {
    Objects.requireNonNull(purchases, "purchases");
    Tally tally = new Tally(customerId, window);
    for (Purchase p : purchases) {
      if (p.customerId().equals(customerId)) {
        tally.add(p.occurredAt(), p.amount());
      }
    }
    return tally.summary();
  }

  /**
   * Summarises the purchases of {@code customerId} among {@code purchases} that happened before
   * {@code asOf}; later purchases and other customers' purchases are ignored, and order does not
   * matter. This is the reference every {@link Purchases#summaries} must agree with.
   *
   * @throws ArithmeticException if a count passes {@link Integer#MAX_VALUE}
   */
  static PurchaseSummary of(CustomerId customerId, Collection<Purchase> purchases, Instant asOf) {
    Objects.requireNonNull(purchases, "purchases");
    Tally tally = new Tally(customerId, asOf);
    for (Purchase p : purchases) {
      if (p.customerId().equals(customerId)) {
        tally.add(p.occurredAt(), p.amount());
      }
    }
    return tally.summary();
  }

  /**
   * Adds up one customer's purchases one at a time, in any order, into the summary {@link #of}
   * gives for the same purchases: for adapters that read rows (an instant and an amount each)
   * rather than whole {@link Purchase}s. It keeps the first and last instant of each purchase day
   * and the totals of each currency, not the purchases. Not thread-safe.
   */
  final class Tally {
    private final CustomerId customerId;
    /** The window's start, or null for the whole history. */
    private final Instant since;
    private final Instant asOf;
    /**
     * The first and the last purchase of each UTC day with a purchase, by ascending day: lists
     * rather than sorted maps, because rows mostly arrive in time order (a day is appended) and a
     * customer has few days.
     */
    private final List<Instant> dayStarts = new ArrayList<>();
    private final List<Instant> dayEnds = new ArrayList<>();
    /** Per currency, in order of first appearance: every amount and the refunds added up, and the counts of both. */
    private final List<CurrencyTally> currencies = new ArrayList<>(1);

    /** An empty tally of {@code customerId}'s purchases before {@code asOf}. */
    public Tally(CustomerId customerId, Instant asOf) {
      this.customerId = Objects.requireNonNull(customerId, "customerId");
      this.asOf = Objects.requireNonNull(asOf, "asOf");
      this.since = null;
    }

    /**
     * An empty tally of {@code customerId}'s purchases within {@code window}: from its start (the
     * whole history if that is {@link Instant#MIN}) up to but excluding its end, the {@code asOf}.
     */
    public Tally(CustomerId customerId, TimeRange window) {
      this.customerId = Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(window, "window");
      this.asOf = window.to();
      this.since = window.from().equals(Instant.MIN) ? null : window.from();
    }

    /**
     * Counts a purchase, or a refund if {@code amount} is negative, unless it happened at or after
     * {@code asOf} or before the window's start.
     *
     * @return this tally
     * @throws ArithmeticException if a count passes {@link Integer#MAX_VALUE}
     */
    public Tally add(Instant occurredAt, Money amount) {
      Objects.requireNonNull(occurredAt, "occurredAt");
      Objects.requireNonNull(amount, "amount");
      if (!occurredAt.isBefore(asOf) || since != null && occurredAt.isBefore(since)) {
        return this;
      }
      CurrencyTally currency = currency(amount.getCurrencyUnit());
      currency.add(amount.getAmount());
      if (!amount.isNegative()) {
        addToDay(day(occurredAt), occurredAt);
      }
      return this;
    }

    private CurrencyTally currency(CurrencyUnit unit) {
      for (CurrencyTally currency : currencies) {
        if (currency.unit.equals(unit)) {
          return currency;
        }
      }
      CurrencyTally added = new CurrencyTally(unit);
      currencies.add(added);
      return added;
    }

    private static long day(Instant at) {
      return Math.floorDiv(at.getEpochSecond(), 86_400);
    }

    /** Files {@code at} under {@code day}: appended after the latest day, else found or inserted. */
    private void addToDay(long day, Instant at) {
      int count = dayStarts.size();
      int low = 0;
      int high = count;
      if (count > 0 && day > day(dayStarts.get(count - 1))) {
        low = count;
      }
      while (low < high) {
        int mid = (low + high) >>> 1;
        long midDay = day(dayStarts.get(mid));
        if (midDay < day) {
          low = mid + 1;
        } else if (midDay > day) {
          high = mid;
        } else {
          if (at.isBefore(dayStarts.get(mid))) {
            dayStarts.set(mid, at);
          }
          if (at.isAfter(dayEnds.get(mid))) {
            dayEnds.set(mid, at);
          }
          return;
        }
      }
      dayStarts.add(low, at);
      dayEnds.add(low, at);
    }

    /** The summary of what was added so far. */
    public PurchaseSummary summary() {
      int dayCount = dayStarts.size();
      Builder summary = new Builder().customerId(customerId).asOf(asOf).occasions(dayCount);
      if (since != null) {
        summary.since(since);
      }
      List<CurrencyTally> byUnit = new ArrayList<>(currencies);
      byUnit.sort(Comparator.comparing(c -> c.unit));
      for (CurrencyTally currency : byUnit) {
        summary.putByCurrency(currency.unit, currency.totals());
      }
      if (dayCount > 0) {
        summary.firstPurchaseAt(dayStarts.get(0))
            .lastOccasionAt(dayStarts.get(dayCount - 1))
            .lastPurchaseAt(dayEnds.get(dayCount - 1))
            .typicalGap(medianGap(dayStarts));
      }
      return summary.build();
    }

    /**
     * The median gap between the consecutive UTC days of {@code starts} (one per day, ascending): a
     * whole number of days, or the midpoint of the two middle gaps. Empty for fewer than two days.
     */
    private static Optional<Duration> medianGap(List<Instant> starts) {
      int count = starts.size();
      if (count < 2) {
        return Optional.empty();
      }
      long[] gaps = new long[count - 1];
      for (int i = 1; i < count; i++) {
        gaps[i - 1] = day(starts.get(i)) - day(starts.get(i - 1));
      }
      Arrays.sort(gaps);
      int mid = gaps.length / 2;
      return Optional.of(gaps.length % 2 == 1 ? Duration.ofDays(gaps[mid])
          : Duration.ofHours(12 * (gaps[mid - 1] + gaps[mid])));
    }

    /** The running figures of one currency. */
    private static final class CurrencyTally {
      private final CurrencyUnit unit;
      /** Every amount added up, and the refunds added up. */
      private final BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO};
      /** The purchases and the refunds counted. */
      private final int[] counts = new int[2];

      CurrencyTally(CurrencyUnit unit) {
        this.unit = unit;
      }

      void add(BigDecimal amount) {
        sums[0] = sums[0].add(amount);
        int kind = amount.signum() < 0 ? 1 : 0;
        if (kind == 1) {
          sums[1] = sums[1].add(amount);
        }
        counts[kind] = Math.addExact(counts[kind], 1);
      }

      CurrencyTotals totals() {
        return new CurrencyTotals(Money.of(unit, sums[0]), Money.of(unit, sums[1]), counts[0], counts[1]);
      }
    }
  }

  /**
   * The amounts of one customer in one currency.
   *
   * @param total every amount added up, refunds included: what the customer has paid net of what
   *     was paid back (negative if more was refunded than bought before {@code asOf})
   * @param refunded the refunds added up, zero or negative; {@code total - refunded} is what was
   *     bought before refunds
   * @param purchaseCount the number of purchases (not refunds), at least 0
   * @param refundCount the number of refunds, at least 0; at least one of the counts is positive
   */
  record CurrencyTotals(Money total, Money refunded, int purchaseCount, int refundCount) {

    /**
     * @throws IllegalArgumentException if the amounts are in different currencies, the counts are
     *     negative or both zero, the refunds are positive or present without a refund, or the
     *     purchases (total minus refunds) are negative or present without a purchase
     */
    public CurrencyTotals {
      Objects.requireNonNull(total, "total");
      Objects.requireNonNull(refunded, "refunded");
      Require.argument(total.getCurrencyUnit().equals(refunded.getCurrencyUnit()),
          "total %s and refunded %s differ in currency", total, refunded);
      Require.argument(purchaseCount >= 0 && refundCount >= 0 && purchaseCount + (long) refundCount > 0,
          "counts must be >= 0 and not both 0, got %s purchases and %s refunds", purchaseCount, refundCount);
      Require.argument(!refunded.isPositive() && (refundCount > 0 || refunded.isZero()),
          "refunded must be <= 0, and 0 without refunds; got %s for %s refunds", refunded, refundCount);
      Money bought = total.minus(refunded);
      Require.argument(!bought.isNegative() && (purchaseCount > 0 || bought.isZero()),
          "purchases must add up to >= 0, and 0 without purchases; got %s for %s purchases", bought, purchaseCount);
    }

    /** The currency of every amount here. */
    public CurrencyUnit currency() {
      return total.getCurrencyUnit();
    }

    /** What was bought before refunds: {@code total - refunded}, zero or positive. */
    public Money bought() {
      return total.minus(refunded);
    }

    /**
     * The mean amount per purchase, net of refunds: {@code total / purchaseCount}, rounded half
     * to even to the currency's decimal places (for example EUR 33.33 for EUR 100.00 over three
     * purchases). Empty when there are refunds only.
     */
    public Optional<Money> mean() {
      return purchaseCount == 0 ? Optional.empty()
          : Optional.of(total.dividedBy(purchaseCount, RoundingMode.HALF_EVEN));
    }
  }

  /** Builds a {@link PurchaseSummary}; for adapters that compute the figures themselves. */
  class Builder extends ImmutablePurchaseSummary.Builder {}
}
