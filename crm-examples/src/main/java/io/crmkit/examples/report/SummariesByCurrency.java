package io.crmkit.examples.report;

import io.crmkit.core.activity.PurchaseSummary;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.segmentation.rfm.RfmAnalysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.joda.money.CurrencyUnit;

/**
 * The purchase summaries of a store's customers split by the one currency each bought in, so that
 * RFM runs in one currency and a customer in another, or in several, is left out and counted
 * instead of failing the whole analysis: what the HTML report and {@code crmkit segment} share.
 * Holds the summaries of the customers who bought in one currency, not the customers.
 */
public final class SummariesByCurrency {
  private final Map<CurrencyUnit, List<PurchaseSummary>> byCurrency;
  private final long withoutPurchases;
  private final long severalCurrencies;

  private SummariesByCurrency(Map<CurrencyUnit, List<PurchaseSummary>> byCurrency, long withoutPurchases,
      long severalCurrencies) {
    this.byCurrency = byCurrency;
    this.withoutPurchases = withoutPurchases;
    this.severalCurrencies = severalCurrencies;
  }

  /**
   * Reads the summaries of {@code ids} over {@code window}, {@link RfmAnalysis#CHUNK} customers a
   * query, telling {@code advanced} how many customers were read before each chunk.
   */
  public static SummariesByCurrency read(Purchases purchases, List<CustomerId> ids, TimeRange window,
      LongConsumer advanced) {
    Objects.requireNonNull(purchases, "purchases");
    Objects.requireNonNull(window, "window");
    Map<CurrencyUnit, List<PurchaseSummary>> byCurrency = new HashMap<>();
    long withoutPurchases = 0;
    long severalCurrencies = 0;
    for (int from = 0; from < ids.size(); from += RfmAnalysis.CHUNK) {
      advanced.accept(from);
      List<CustomerId> chunk = ids.subList(from, Math.min(ids.size(), from + RfmAnalysis.CHUNK));
      for (PurchaseSummary summary : purchases.summaries(chunk, window).values()) {
        if (summary.byCurrency().isEmpty()) {
          withoutPurchases++;
        } else if (summary.byCurrency().size() > 1) {
          severalCurrencies++;
        } else {
          byCurrency.computeIfAbsent(summary.byCurrency().keySet().iterator().next(), c -> new ArrayList<>())
              .add(summary);
        }
      }
    }
    return new SummariesByCurrency(byCurrency, withoutPurchases, severalCurrencies);
  }

  /** The currency most customers bought in (ties to the first code in alphabetical order); empty when nobody bought. */
  public Optional<CurrencyUnit> mostBoughtIn() {
    return byCurrency.entrySet().stream()
        .max(Comparator.<Map.Entry<CurrencyUnit, List<PurchaseSummary>>>comparingInt(e -> e.getValue().size())
            .thenComparing(e -> e.getKey().getCode(), Comparator.reverseOrder()))
        .map(Map.Entry::getKey);
  }

  /** The summaries of the customers whose amounts are all in {@code currency}. */
  public List<PurchaseSummary> in(CurrencyUnit currency) {
    return byCurrency.getOrDefault(Objects.requireNonNull(currency, "currency"), List.of());
  }

  /** Customers with no purchase and no refund in the window. */
  public long withoutPurchases() {
    return withoutPurchases;
  }

  /** Customers with amounts in another currency than {@code currency}, or in several. */
  public long otherThan(CurrencyUnit currency) {
    Objects.requireNonNull(currency, "currency");
    return severalCurrencies + byCurrency.entrySet().stream()
        .filter(e -> !e.getKey().equals(currency)).mapToLong(e -> e.getValue().size()).sum();
  }

  /** Customers with amounts in some currency: everyone but those {@link #withoutPurchases()}. */
  public long buyers() {
    return severalCurrencies + byCurrency.values().stream().mapToLong(List::size).sum();
  }
}
