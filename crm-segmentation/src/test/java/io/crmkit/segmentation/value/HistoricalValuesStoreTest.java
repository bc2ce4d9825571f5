package io.crmkit.segmentation.value;

import static io.crmkit.segmentation.value.Rows.EUR;
import static io.crmkit.segmentation.value.Rows.USD;
import static io.crmkit.segmentation.value.Rows.YEAR;
import static io.crmkit.segmentation.value.Rows.customer;
import static io.crmkit.segmentation.value.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.PurchaseSummary;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.memory.InMemoryCrmStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HistoricalValuesStoreTest {
  private static final List<CustomerId> CUSTOMERS = IntStream.range(0, 2_500).mapToObj(Rows::customer).toList();
  private static final Margin MARGIN = Margin.rates(new BigDecimal("0.2")).category("books", new BigDecimal("0.35"))
      .channel("store", new BigDecimal("0.1")).build();

  private final List<Purchase> history = history();
  private final CountingPurchases purchases = new CountingPurchases(InMemoryCrmStore.create().purchases());

  HistoricalValuesStoreTest() {
    purchases.recordAll(history);
  }

  @Test
  void withoutAMarginTheStoreIsReadAsSummariesInChunksAndEqualsTheFilePath() {
    HistoricalValues totals = HistoricalValues.withoutMargin();

    Map<CustomerId, HistoricalValue> fromStore = totals.of(purchases, CUSTOMERS, YEAR);

    assertThat(purchases.summaryReads.get()).isEqualTo(3);
    assertThat(purchases.otherReads.get()).isZero();
    assertThat(fromStore.keySet()).containsExactlyElementsOf(CUSTOMERS);
    assertThat(fromStore).isEqualTo(fromFile(totals));
  }

  @Test
  void withAMarginTheStoresWindowIsStreamedOnceAndEqualsTheFilePath() {
    HistoricalValues withMargin = HistoricalValues.withMargin(MARGIN);

    Map<CustomerId, HistoricalValue> fromStore = withMargin.of(purchases, CUSTOMERS, YEAR);

    assertThat(purchases.streams.get()).isEqualTo(1);
    assertThat(purchases.otherReads.get()).isZero();
    assertThat(fromStore.keySet()).containsExactlyElementsOf(CUSTOMERS);
    assertThat(fromStore).isEqualTo(fromFile(withMargin));
    assertThat(fromStore.get(customer(6)).in(EUR).margin()).isPresent();
  }

  @Test
  void aCallersMarginsGiveTheSameValuesFromTheStoreAsFromTheFile() {
    HistoricalValues fromCosts = HistoricalValues.withMargin(
        Margin.from(p -> p.amount().multipliedBy(new BigDecimal("0.4"), RoundingMode.DOWN)));

    Map<CustomerId, HistoricalValue> fromStore = fromCosts.of(purchases, CUSTOMERS, YEAR);

    assertThat(fromStore).isEqualTo(fromFile(fromCosts));
    assertThat(fromStore.get(customer(4)).in(EUR).refundCount()).isEqualTo(1);
  }

  @Test
  void repeatedIdsAreReadOnceAndCustomersWithoutPurchasesHaveAnEmptyValue() {
    List<CustomerId> asked = List.of(customer(1), customer(9_999), customer(1));

    for (HistoricalValues values : List.of(HistoricalValues.withoutMargin(), HistoricalValues.withMargin(MARGIN))) {
      Map<CustomerId, HistoricalValue> read = values.of(purchases, asked, YEAR);

      assertThat(read.keySet()).containsExactly(customer(1), customer(9_999));
      assertThat(read.get(customer(9_999)).byCurrency()).isEmpty();
    }
  }

  /** The file path over the same rows: every customer asked about, none left out. */
  private Map<CustomerId, HistoricalValue> fromFile(HistoricalValues values) {
    Map<CustomerId, HistoricalValue> all = values.of(history, YEAR);
    Map<CustomerId, HistoricalValue> expected = new LinkedHashMap<>();
    for (CustomerId id : CUSTOMERS) {
      expected.put(id, all.containsKey(id) ? all.get(id) : values.of(id, List.of(), YEAR));
    }
    return expected;
  }

  /** Purchases, refunds, categories, channels, a second currency, and rows outside the window. */
  private static List<Purchase> history() {
    List<Purchase> rows = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS.size(); i++) {
      for (int p = 0; p <= i % 5; p++) {
        rows.add(row(i, (7 * p + i) % 365, EUR, (3 + i % 11) + "." + (10 + p), p % 2 == 0 ? "online" : "store",
            p % 3 == 0 ? "books" : null));
      }
      if (i % 4 == 0) {
        rows.add(row(i, 200, EUR, "-1.50"));
      }
      if (i % 9 == 0) {
        rows.add(row(i, 100, USD, "20.00"));
      }
      if (i % 7 == 0) {
        rows.add(row(i, -5, EUR, "999.00"));
        rows.add(row(i, 365, EUR, "999.00"));
      }
    }
    return rows;
  }

  /** Counts how the store is read. */
  private static final class CountingPurchases implements Purchases {
    private final Purchases delegate;
    private final AtomicInteger summaryReads = new AtomicInteger();
    private final AtomicInteger streams = new AtomicInteger();
    private final AtomicInteger otherReads = new AtomicInteger();

    CountingPurchases(Purchases delegate) {
      this.delegate = delegate;
    }

    @Override
    public Map<CustomerId, PurchaseSummary> summaries(Collection<CustomerId> customerIds, TimeRange window) {
      summaryReads.incrementAndGet();
      return delegate.summaries(customerIds, window);
    }

    @Override
    public Map<CustomerId, PurchaseSummary> summaries(Collection<CustomerId> customerIds, Instant asOf) {
      otherReads.incrementAndGet();
      return delegate.summaries(customerIds, asOf);
    }

    @Override
    public void record(Purchase activity) {
      delegate.record(activity);
    }

    @Override
    public void recordAll(Collection<? extends Purchase> activities) {
      delegate.recordAll(activities);
    }

    @Override
    public List<Purchase> forCustomer(CustomerId customerId, TimeRange range) {
      otherReads.incrementAndGet();
      return delegate.forCustomer(customerId, range);
    }

    @Override
    public Stream<Purchase> stream(TimeRange range) {
      streams.incrementAndGet();
      return delegate.stream(range);
    }
  }
}
