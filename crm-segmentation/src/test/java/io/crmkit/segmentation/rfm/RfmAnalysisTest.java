package io.crmkit.segmentation.rfm;

import static io.crmkit.segmentation.rfm.Summaries.AS_OF;
import static io.crmkit.segmentation.rfm.Summaries.EUR;
import static io.crmkit.segmentation.rfm.Summaries.USD;
import static io.crmkit.segmentation.rfm.Summaries.add;
import static io.crmkit.segmentation.rfm.Summaries.bought;
import static io.crmkit.segmentation.rfm.Summaries.customer;
import static io.crmkit.segmentation.rfm.Summaries.tally;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.PurchaseSummary;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.memory.InMemoryCrmStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class RfmAnalysisTest {
  private final RfmAnalysis euros = RfmAnalysis.builder().currency(CurrencyPolicy.only(EUR)).build();

  @Test
  void aRefundLowersMonetaryValueButIsNeitherAVisitNorTheLastPurchase() {
    PurchaseSummary summary = add(add(add(tally(1), 40, EUR, "100.00"), 20, EUR, "60.00"), 5, EUR, "-30.00")
        .summary();

    RfmValues values = euros.values(summary).orElseThrow();

    assertThat(values.monetary()).isEqualByComparingTo("130.00");
    assertThat(values.frequency()).isEqualTo(2);
    assertThat(values.recency()).isEqualTo(Duration.ofDays(20));
  }

  @Test
  void customersWithRefundsOnlyOrNothingAreListedApartNotScored() {
    PurchaseSummary refundOnly = add(tally(1), 3, EUR, "-10.00").summary();
    PurchaseSummary nothing = PurchaseSummary.none(customer(2), AS_OF);
    PurchaseSummary buyer = bought(3, 1, 1, "5.00");

    RfmResult result = euros.analyse(List.of(refundOnly, nothing, buyer));

    assertThat(result.withoutPurchases()).containsExactly(customer(1), customer(2));
    assertThat(result.customers()).extracting(RfmResult.CustomerRfm::customerId).containsExactly(customer(3));
  }

  @Test
  void monetaryMayBeTheMeanPerOccasion() {
    RfmAnalysis mean = RfmAnalysis.builder().currency(CurrencyPolicy.only(EUR))
        .monetary(MonetaryMeasure.MEAN_PER_OCCASION).build();

    assertThat(mean.values(bought(1, 1, 3, "10.00")).orElseThrow().monetary()).isEqualByComparingTo("10.00");
    assertThat(mean.values(add(add(tally(2), 1, EUR, "10.00"), 2, EUR, "0.01").summary()).orElseThrow().monetary())
        .isEqualByComparingTo("5.00");
  }

  @Test
  void amountsInAnotherCurrencyAreRefusedNamingTheCustomerAndTheCurrencies() {
    PurchaseSummary mixed = add(add(tally(7), 1, EUR, "10.00"), 2, USD, "10.00").summary();

    assertThatThrownBy(() -> euros.analyse(List.of(mixed)))
        .isInstanceOfSatisfying(CurrencyMismatchException.class, e -> {
          assertThat(e.customerId()).isEqualTo(customer(7));
          assertThat(e.currencies()).containsExactlyInAnyOrder(EUR, USD);
        })
        .hasMessageContaining(customer(7).toString()).hasMessageContaining("[EUR, USD]")
        .hasMessageContaining("convertedTo");
  }

  @Test
  void amountsAreConvertedAtTheCallersRatesAndAMissingRateIsAnError() {
    ExchangeRates rates = ExchangeRates.fixed(EUR, Map.of(USD, new BigDecimal("0.9")));
    RfmAnalysis converted = RfmAnalysis.builder().currency(CurrencyPolicy.convertedTo(EUR, rates)).build();
    PurchaseSummary mixed = add(add(tally(7), 1, EUR, "10.00"), 2, USD, "10.05").summary();
    PurchaseSummary yen = add(tally(8), 1, org.joda.money.CurrencyUnit.JPY, "1000").summary();

    assertThat(converted.values(mixed).orElseThrow().monetary()).isEqualTo(new BigDecimal("19.04"));
    assertThatThrownBy(() -> converted.values(yen)).isInstanceOf(CurrencyMismatchException.class)
        .hasMessageContaining("no rate from JPY to EUR");
  }

  @Test
  void customersAreGroupedByTheirOneCurrencyForAnAnalysisPerCurrency() {
    PurchaseSummary euro = bought(1, 1, 1, "1.00");
    PurchaseSummary dollar = add(tally(2), 1, USD, "2.00").summary();
    PurchaseSummary mixed = add(add(tally(3), 1, EUR, "10.00"), 2, USD, "10.00").summary();

    Map<org.joda.money.CurrencyUnit, List<PurchaseSummary>> groups = RfmAnalysis.byCurrency(List.of(euro, dollar));

    assertThat(groups).containsOnlyKeys(EUR, USD);
    assertThat(groups.get(USD)).containsExactly(dollar);
    assertThatThrownBy(() -> RfmAnalysis.byCurrency(List.of(euro, mixed)))
        .isInstanceOf(CurrencyMismatchException.class).hasMessageContaining(customer(3).toString());
  }

  @Test
  void summariesAsOfDifferentInstantsCannotBeScoredTogether() {
    PurchaseSummary later = PurchaseSummary.none(customer(2), AS_OF.plusSeconds(1));

    assertThatThrownBy(() -> euros.analyse(List.of(bought(1, 1, 1, "1.00"), later)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every summary must be as of");
  }

  @Test
  void aStoreIsReadInChunksOverTheWindowAndGivesTheFiguresOfItsSummaries() {
    InMemoryCrmStore store = InMemoryCrmStore.create();
    CountingPurchases purchases = new CountingPurchases(store.purchases());
    List<CustomerId> customers = IntStream.range(0, 2_500).mapToObj(Summaries::customer).toList();
    List<Purchase> history = new ArrayList<>();
    for (int i = 0; i < customers.size(); i++) {
      for (int p = 0; p <= i % 7; p++) {
        history.add(purchase(history.size(), customers.get(i), AS_OF.minus(1 + 11 * p + i % 13, ChronoUnit.DAYS),
            Money.of(EUR, new BigDecimal(5 + i % 17 + ".50"))));
      }
    }
    history.add(purchase(history.size(), customers.get(0), AS_OF.minus(400, ChronoUnit.DAYS), Money.of(EUR, 1_000)));
    purchases.recordAll(history);
    TimeRange lastYear = TimeRange.between(AS_OF.minus(365, ChronoUnit.DAYS), AS_OF);

    RfmResult result = euros.analyse(purchases, customers, lastYear);

    assertThat(purchases.bulkReads.get()).isEqualTo(3);
    assertThat(result.customers()).hasSize(2_500);
    assertThat(result.asOf()).isEqualTo(AS_OF);
    assertThat(result).isEqualTo(euros.analyse(purchases.summaries(customers, lastYear).values()));
    // the purchase 400 days ago is outside the window
    assertThat(result.byCustomer().get(customers.get(0)).values().monetary()).isEqualByComparingTo("5.50");
    assertThat(result.segmentSizes().values().stream().mapToLong(RfmResult.SegmentSize::customers).sum())
        .isEqualTo(2_500);
  }

  @Test
  void segmentSizesAreLargestFirstWithTheirValue() {
    RfmResult result = euros.analyse(List.of(bought(1, 1, 5, "10.00"), bought(2, 1, 5, "10.00"),
        bought(3, 300, 1, "1.00")));

    Map<RfmSegment, RfmResult.SegmentSize> sizes = result.segmentSizes();

    assertThat(sizes.keySet()).first().isEqualTo(result.byCustomer().get(customer(1)).segment());
    assertThat(sizes.values()).first().isEqualTo(new RfmResult.SegmentSize(2, new BigDecimal("100.00")));
  }

  private static Purchase purchase(int n, CustomerId customer, Instant at, Money amount) {
    return new Purchase.Builder().id(ActivityId.of(new UUID(9, n))).customerId(customer).occurredAt(at)
        .amount(amount).channel("online").build();
  }

  /** Counts bulk reads. */
  private static final class CountingPurchases implements Purchases {
    private final Purchases delegate;
    private final AtomicInteger bulkReads = new AtomicInteger();

    CountingPurchases(Purchases delegate) {
      this.delegate = delegate;
    }

    @Override
    public Map<CustomerId, PurchaseSummary> summaries(Collection<CustomerId> customerIds, TimeRange window) {
      bulkReads.incrementAndGet();
      return delegate.summaries(customerIds, window);
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
      return delegate.forCustomer(customerId, range);
    }

    @Override
    public Stream<Purchase> stream(TimeRange range) {
      return delegate.stream(range);
    }
  }
}
