package io.crmkit.examples.cli;

import io.crmkit.core.activity.PurchaseSummary;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.segmentation.clv.Transaction;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The customers of a transactions file as crm-core's activity model sees them: one {@link
 * PurchaseSummary} per customer key, built with {@link PurchaseSummary.Tally}, so that {@code crmkit
 * rfm} scores a file exactly as the library scores a store.
 *
 * <p>A file names customers by its own keys, the model by {@link CustomerId}s (UUIDs): the
 * {@code n}th key to appear gets the id {@code 00000000-0000-0000-0000-00000000000n}, so ids
 * ascend in order of first appearance, and where a tiering breaks ties by id (Pareto) the customer
 * seen first in the file wins. A purchase on a day happened at the start of that day, UTC.
 *
 * @param summaries one per customer key, in order of first appearance
 * @param keys each id's key in the file
 */
record FileCustomers(List<PurchaseSummary> summaries, Map<CustomerId, String> keys) {

  FileCustomers {
    summaries = List.copyOf(summaries);
    keys = Map.copyOf(keys);
  }

  /**
   * Tallies every transaction within {@code window}, in {@code currency}. Amounts with more
   * decimals than the currency has are rounded half to even (a file of cents in dollars stays exact).
   *
   * @param transactions all of one currency
   * @throws IllegalArgumentException if a transaction's currency is stated and is not {@code currency}
   */
  static FileCustomers tally(List<Transaction> transactions, CurrencyUnit currency, TimeRange window,
      Progress progress) {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(window, "window");
    Map<String, PurchaseSummary.Tally> tallies = new LinkedHashMap<>();
    Map<CustomerId, String> keys = new HashMap<>();
    progress.start("summarising purchases");
    long done = 0;
    for (Transaction transaction : transactions) {
      if (!transaction.currency().equals(Transaction.UNSTATED) && !transaction.currency().equals(currency.getCode())) {
        throw new IllegalArgumentException("transaction in " + transaction.currency() + ", analysis in " + currency);
      }
      PurchaseSummary.Tally tally = tallies.computeIfAbsent(transaction.customer(), key -> {
        CustomerId id = idOf(keys.size() + 1L);
        keys.put(id, key);
        return new PurchaseSummary.Tally(id, window);
      });
      tally.add(startOf(transaction.date()), Money.of(currency, transaction.amount(), RoundingMode.HALF_EVEN));
      progress.advance(++done);
    }
    List<PurchaseSummary> summaries = new ArrayList<>(tallies.size());
    tallies.values().forEach(tally -> summaries.add(tally.summary()));
    progress.finish(String.format(Locale.ROOT, "%,d customers", summaries.size()));
    return new FileCustomers(summaries, keys);
  }

  /** The instant a day's purchases are taken to happen at: its start, UTC. */
  static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The file's key of {@code id}. */
  String keyOf(CustomerId id) {
    String key = keys.get(id);
    if (key == null) {
      throw new IllegalArgumentException("no customer of the file has the id " + id);
    }
    return key;
  }

  private static CustomerId idOf(long ordinal) {
    return CustomerId.of(new UUID(0, ordinal));
  }
}
