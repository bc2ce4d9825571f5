package io.crmkit.segmentation.value;

import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.PurchaseSummary;
import io.crmkit.core.activity.PurchaseSummary.CurrencyTotals;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.CustomerId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Computes customers' {@link HistoricalValue}s over a window: purchases, refunds, net value,
 * counts and, when a {@link Margin} is given, the margin, per currency. A purchase counts if it
 * happened in the window (from its start up to but excluding its end: "as of a date" is
 * {@link TimeRange#until}); a refund (negative amount) counts in the window it happened in, whatever
 * it refunds.
 *
 * <p><b>Reading a store.</b> Without a margin, {@link #of(Purchases, Iterable, TimeRange)} reads
 * {@link Purchases#summaries(Collection, TimeRange)} {@value #CHUNK} customers at a time (one
 * statement per chunk on a database), as {@code RfmAnalysis} does. A margin needs each purchase's
 * category, channel or the caller's cost, so with a margin the store's purchases in the window are
 * read once through {@link Purchases#stream(TimeRange)} (ordered by time, not by customer, so a
 * running tally is kept for every customer asked about), never one query per customer. For a
 * handful of customers in a large store, {@link #of(CustomerId, Collection, TimeRange)} over
 * {@link Purchases#forCustomer} reads less. Purchases from a file go to
 * {@link #of(Collection, TimeRange)}; both paths give equal results.
 *
 * <p>Immutable and thread-safe, given a thread-safe {@link PurchaseMargins}.
 */
public final class HistoricalValues {
  /** Customers per bulk summary read. */
  public static final int CHUNK = 1_000;

  private final Optional<Margin> margin;

  private HistoricalValues(Optional<Margin> margin) {
    this.margin = margin;
  }

  /** Totals only: every margin is unknown. */
  public static HistoricalValues withoutMargin() {
    return new HistoricalValues(Optional.empty());
  }

  /** Totals and the margin {@code margin} defines. */
  public static HistoricalValues withMargin(Margin margin) {
    return new HistoricalValues(Optional.of(Objects.requireNonNull(margin, "margin")));
  }

  /**
   * The value of {@code customerId}'s purchases among {@code purchases} in {@code window}; other
   * customers' purchases and those outside the window are ignored, and order does not matter.
   *
   * @throws IllegalArgumentException if the margin function answers in another currency or more
   *     than a purchase's amount, naming the purchase and the customer
   */
  public HistoricalValue of(CustomerId customerId, Collection<Purchase> purchases, TimeRange window) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(purchases, "purchases");
    Objects.requireNonNull(window, "window");
    ValueTally tally = new ValueTally(customerId, window, margin.orElse(null));
    purchases.forEach(tally::add);
    return tally.result();
  }

  /**
   * The value of every customer among {@code purchases} in {@code window} (a file's purchases), in
   * order of first appearance; a customer whose purchases all lie outside the window has an empty
   * value.
   *
   * @throws IllegalArgumentException as {@link #of(CustomerId, Collection, TimeRange)}
   */
  public Map<CustomerId, HistoricalValue> of(Collection<Purchase> purchases, TimeRange window) {
    Objects.requireNonNull(purchases, "purchases");
    Objects.requireNonNull(window, "window");
    Map<CustomerId, ValueTally> tallies = new LinkedHashMap<>();
    for (Purchase purchase : purchases) {
      tallies.computeIfAbsent(purchase.customerId(), id -> new ValueTally(id, window, margin.orElse(null)))
          .add(purchase);
    }
    return results(tallies);
  }

  /**
   * The value of each of {@code customers} in {@code window}, read from {@code purchases} in bulk
   * (see the class comment), in the order given; a repeated id is read once, a customer without
   * purchases has an empty value.
   *
   * @throws IllegalArgumentException as {@link #of(CustomerId, Collection, TimeRange)}
   */
  public Map<CustomerId, HistoricalValue> of(Purchases purchases, Iterable<CustomerId> customers, TimeRange window) {
    Objects.requireNonNull(purchases, "purchases");
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(window, "window");
    return margin.isPresent() ? streamed(purchases, customers, window) : summarised(purchases, customers, window);
  }

  private Map<CustomerId, HistoricalValue> summarised(Purchases purchases, Iterable<CustomerId> customers,
      TimeRange window) {
    Map<CustomerId, HistoricalValue> values = new LinkedHashMap<>();
    Iterator<CustomerId> ids = customers.iterator();
    List<CustomerId> chunk = new ArrayList<>(CHUNK);
    while (ids.hasNext()) {
      CustomerId id = Objects.requireNonNull(ids.next(), "customer id");
      if (!values.containsKey(id)) {
        values.put(id, null);
        chunk.add(id);
      }
      if (chunk.size() == CHUNK || !ids.hasNext() && !chunk.isEmpty()) {
        purchases.summaries(chunk, window).forEach((customer, summary) -> values.put(customer, fromSummary(summary,
            window)));
        chunk.clear();
      }
    }
    return values;
  }

  private Map<CustomerId, HistoricalValue> streamed(Purchases purchases, Iterable<CustomerId> customers,
      TimeRange window) {
    Map<CustomerId, ValueTally> tallies = new LinkedHashMap<>();
    for (CustomerId id : customers) {
      Objects.requireNonNull(id, "customer id");
      tallies.computeIfAbsent(id, c -> new ValueTally(c, window, margin.orElseThrow()));
    }
    if (!tallies.isEmpty()) {
      try (Stream<Purchase> rows = purchases.stream(window)) {
        rows.forEach(purchase -> {
          ValueTally tally = tallies.get(purchase.customerId());
          if (tally != null) {
            tally.add(purchase);
          }
        });
      }
    }
    return results(tallies);
  }

  /** The margin-less value a summary's totals give; refunds there are zero or negative. */
  private static HistoricalValue fromSummary(PurchaseSummary summary, TimeRange window) {
    Map<CurrencyUnit, CurrencyValue> values = new LinkedHashMap<>();
    for (CurrencyTotals totals : summary.byCurrency().values()) {
      Money refunds = totals.refunded().negated();
      values.put(totals.currency(), new CurrencyValue(totals.bought(), refunds, totals.purchaseCount(),
          totals.refundCount(), Optional.empty()));
    }
    return new HistoricalValue(summary.customerId(), window, values, false);
  }

  private static Map<CustomerId, HistoricalValue> results(Map<CustomerId, ValueTally> tallies) {
    Map<CustomerId, HistoricalValue> values = new LinkedHashMap<>();
    tallies.forEach((id, tally) -> values.put(id, tally.result()));
    return values;
  }
}
