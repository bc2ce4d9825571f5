package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.PurchaseSummary;
import io.crmkit.core.activity.PurchaseSummary.CurrencyTotals;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.testkit.CrmArbitraries;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The contract of {@link Purchases#summaries}, the bulk read of purchase figures: for every
 * customer asked for, exactly the {@link PurchaseSummary} that {@link PurchaseSummary#of} computes
 * from the customer's {@code forCustomer} list, whatever the adapter does to get there (crmkit's
 * JDBC adapter aggregates in SQL). Extend it as you extend {@link PurchasesContract}:
 *
 * <pre>{@code
 * class ErpPurchaseSummariesTest extends PurchaseSummariesContract {
 *   protected Purchases newPurchases() { erpTables.truncate(); return new ErpPurchases(dataSource); }
 * }
 * }</pre>
 *
 * <p>It pins down: a summary for every distinct id (empty for a customer without purchases),
 * purchases strictly before {@code asOf}, refunds counted apart and netted into the totals but
 * making no occasion, currencies totalled apart and exactly, one occasion per UTC day dated at its
 * first purchase whatever the database session's time zone, the median gap in whole or half days,
 * instants from year 1 to 9999, and thousands of customers or purchases at once. Instants are
 * whole microseconds.
 */
public abstract class PurchaseSummariesContract {
  private static final CustomerId ALICE = CustomerId.of(new UUID(0, 1));
  private static final CustomerId BOB = CustomerId.of(new UUID(-1L, -1L));
  private static final CustomerId CAROL = CustomerId.of(new UUID(Long.MIN_VALUE, 7));
  private static final CustomerId NOBODY = CustomerId.of(new UUID(0x0123_4567_89ab_cdefL, 42));
  private static final List<CustomerId> CUSTOMERS = List.of(ALICE, BOB, CAROL);
  private static final CurrencyUnit CNY = CurrencyUnit.of("CNY");
  private static final CurrencyUnit JPY = CurrencyUnit.JPY;
  private static final CurrencyUnit BHD = CurrencyUnit.of("BHD");
  private static final Instant AS_OF = Instant.parse("2025-07-01T00:00:00Z");
  /** Instants where days, the epoch and storage formats end, and ordinary ones. */
  private static final List<Instant> INSTANTS = List.of(
      Instant.parse("2024-02-28T23:59:59.999999Z"), Instant.parse("2024-02-29T00:00:00Z"),
      Instant.parse("2024-02-29T00:00:00.000001Z"), Instant.parse("2024-02-29T13:30:00Z"),
      Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-03-04T18:45:10.5Z"),
      Instant.parse("2024-05-17T09:00:00Z"), Instant.parse("1969-12-31T23:59:59.999999Z"),
      Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("0001-01-01T00:00:00Z"),
      Instant.parse("9999-12-31T23:59:59.999999Z"));

  private final AtomicLong ids = new AtomicLong();

  /** Subclasses implement {@link #newPurchases()}. */
  protected PurchaseSummariesContract() {}

  /** A new, empty purchase store; called at the start of every example and every try. */
  protected abstract Purchases newPurchases();

  @Example
  public void everyCustomerAskedForHasASummaryEmptyWithoutPurchases() {
    Purchases store = newPurchases();
    store.record(buy(ALICE, "2025-01-01T10:00:00Z", cny("10.00")));

    Map<CustomerId, PurchaseSummary> summaries = store.summaries(List.of(ALICE, NOBODY), AS_OF);

    assertThat(summaries).containsOnlyKeys(ALICE, NOBODY);
    assertThat(summaries.get(NOBODY)).isEqualTo(PurchaseSummary.none(NOBODY, AS_OF));
    assertThat(summaries.get(ALICE).purchaseCount()).isEqualTo(1);
    assertThat(store.summaries(List.of(), AS_OF)).isEmpty();
  }

  @Example
  public void aRepeatedIdIsSummarisedOnce() {
    Purchases store = newPurchases();
    store.record(buy(ALICE, "2025-01-01T10:00:00Z", cny("10.00")));

    Map<CustomerId, PurchaseSummary> summaries = store.summaries(List.of(ALICE, BOB, ALICE), AS_OF);

    assertThat(summaries).containsOnlyKeys(ALICE, BOB);
    assertThat(summaries.get(ALICE).purchaseCount()).isEqualTo(1);
  }

  @Example
  public void nullArgumentsAreRejected() {
    Purchases store = newPurchases();

    assertThatThrownBy(() -> store.summaries(null, AS_OF)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.summaries(Arrays.asList(ALICE, null), AS_OF))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.summaries(List.of(ALICE), (Instant) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.summaries(List.of(ALICE), (TimeRange) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.summaries(null, TimeRange.until(AS_OF))).isInstanceOf(NullPointerException.class);
  }

  @Example
  public void refundsAreCountedApartAndNettedIntoTheTotalButMakeNoOccasion() {
    Purchases store = newPurchases();
    store.recordAll(List.of(
        buy(ALICE, "2025-01-01T09:00:00Z", cny("-5.00")),
        buy(ALICE, "2025-01-02T10:00:00Z", cny("100.00")),
        buy(ALICE, "2025-01-02T11:00:00Z", cny("0.00")),
        buy(ALICE, "2025-01-03T11:00:00Z", cny("-40.00")),
        buy(BOB, "2025-01-03T11:00:00Z", cny("-7.50"))));

    Map<CustomerId, PurchaseSummary> summaries = store.summaries(List.of(ALICE, BOB), AS_OF);

    Instant bought = Instant.parse("2025-01-02T10:00:00Z");
    assertThat(summaries.get(ALICE)).isEqualTo(new PurchaseSummary.Builder().customerId(ALICE).asOf(AS_OF)
        .occasions(1).firstPurchaseAt(bought).lastOccasionAt(bought)
        .lastPurchaseAt(Instant.parse("2025-01-02T11:00:00Z"))
        .putByCurrency(CNY, new CurrencyTotals(cny("55.00"), cny("-45.00"), 2, 2))
        .build());
    assertThat(summaries.get(ALICE).in(CNY).orElseThrow().mean()).contains(cny("27.50"));
    assertThat(summaries.get(BOB)).isEqualTo(new PurchaseSummary.Builder().customerId(BOB).asOf(AS_OF)
        .occasions(0).putByCurrency(CNY, new CurrencyTotals(cny("-7.50"), cny("-7.50"), 0, 1)).build());
  }

  @Example
  public void eachCurrencyIsTotalledApartInItsOwnScale() {
    Purchases store = newPurchases();
    store.recordAll(List.of(
        buy(ALICE, "2025-01-01T09:00:00Z", cny("10.01")),
        buy(ALICE, "2025-01-05T09:00:00Z", cny("10.02")),
        buy(ALICE, "2025-01-06T09:00:00Z", cny("10.02")),
        buy(ALICE, "2025-01-01T09:30:00Z", Money.ofMajor(JPY, 1001)),
        buy(ALICE, "2025-01-01T09:40:00Z", Money.ofMajor(JPY, 1000)),
        buy(ALICE, "2025-01-07T09:00:00Z", Money.of(BHD, new BigDecimal("1.235")))));

    PurchaseSummary summary = store.summaries(List.of(ALICE), AS_OF).get(ALICE);

    assertThat(summary.byCurrency()).containsOnlyKeys(CNY, JPY, BHD);
    assertThat(summary.in(CNY).orElseThrow()).isEqualTo(new CurrencyTotals(cny("30.05"), cny("0"), 3, 0));
    assertThat(summary.in(CNY).orElseThrow().mean()).contains(cny("10.02"));
    assertThat(summary.in(JPY).orElseThrow().total()).isEqualTo(Money.ofMajor(JPY, 2001));
    assertThat(summary.in(JPY).orElseThrow().mean()).contains(Money.ofMajor(JPY, 1000));
    assertThat(summary.in(BHD).orElseThrow().total()).isEqualTo(Money.of(BHD, new BigDecimal("1.235")));
    assertThat(summary.purchaseCount()).isEqualTo(6);
    assertThat(summary.occasions()).isEqualTo(4);
  }

  @Example
  public void purchasesOnOneUtcDayAreOneOccasionDatedAtTheFirstOfThem() {
    Purchases store = newPurchases();
    store.recordAll(List.of(
        buy(ALICE, "2025-03-05T18:00:00Z", cny("1.00")),
        buy(ALICE, "2025-03-05T00:00:00.000001Z", cny("1.00")),
        buy(ALICE, "2025-03-05T23:59:59.999999Z", cny("1.00")),
        buy(ALICE, "2025-03-01T12:00:00Z", cny("1.00"))));

    PurchaseSummary summary = store.summaries(List.of(ALICE), AS_OF).get(ALICE);

    assertThat(summary.purchaseCount()).isEqualTo(4);
    assertThat(summary.occasions()).isEqualTo(2);
    assertThat(summary.firstPurchaseAt()).contains(Instant.parse("2025-03-01T12:00:00Z"));
    assertThat(summary.lastOccasionAt()).contains(Instant.parse("2025-03-05T00:00:00.000001Z"));
    assertThat(summary.lastPurchaseAt()).contains(Instant.parse("2025-03-05T23:59:59.999999Z"));
    assertThat(summary.typicalGap()).contains(Duration.ofDays(4));
  }

  @Example
  public void aPurchaseExactlyAtAsOfIsLeftOutAndOneAMicrosecondBeforeCounts() {
    Purchases store = newPurchases();
    Instant asOf = Instant.parse("2025-06-15T08:00:00Z");
    store.recordAll(List.of(
        buy(ALICE, "2025-06-15T07:59:59.999999Z", cny("1.00")),
        buy(ALICE, "2025-06-15T08:00:00Z", cny("2.00")),
        buy(BOB, "2025-06-15T08:00:00Z", cny("4.00"))));

    Map<CustomerId, PurchaseSummary> summaries = store.summaries(List.of(ALICE, BOB), asOf);

    assertThat(summaries.get(ALICE).in(CNY).orElseThrow().total()).isEqualTo(cny("1.00"));
    assertThat(summaries.get(ALICE).lastPurchaseAt()).contains(Instant.parse("2025-06-15T07:59:59.999999Z"));
    assertThat(summaries.get(BOB)).isEqualTo(PurchaseSummary.none(BOB, asOf));
  }

  @Example
  public void theLastMicrosecondOfAUtcDayAndTheFirstOfTheNextAreTwoOccasionsInAnyEra() {
    Purchases store = newPurchases();
    store.recordAll(List.of(
        buy(ALICE, "1969-12-31T23:59:59.999999Z", cny("1.00")),
        buy(ALICE, "1970-01-01T00:00:00Z", cny("1.00")),
        buy(BOB, "0001-01-01T00:00:00Z", cny("1.00")),
        buy(BOB, "0001-01-01T23:59:59.999999Z", cny("1.00")),
        buy(BOB, "0001-01-02T00:00:00Z", cny("1.00")),
        buy(CAROL, "9999-12-30T23:59:59.999999Z", cny("1.00")),
        buy(CAROL, "9999-12-31T23:59:59.999999Z", cny("1.00"))));

    Map<CustomerId, PurchaseSummary> summaries = store.summaries(CUSTOMERS, Instant.MAX);

    assertThat(summaries.get(ALICE).occasions()).isEqualTo(2);
    assertThat(summaries.get(ALICE).typicalGap()).contains(Duration.ofDays(1));
    assertThat(summaries.get(BOB).occasions()).isEqualTo(2);
    assertThat(summaries.get(BOB).lastOccasionAt()).contains(Instant.parse("0001-01-02T00:00:00Z"));
    assertThat(summaries.get(CAROL).occasions()).isEqualTo(2);
    assertThat(summaries.get(CAROL).lastPurchaseAt()).contains(Instant.parse("9999-12-31T23:59:59.999999Z"));
  }

  @Example
  public void theTypicalGapIsTheMedianGapBetweenOccasionsInWholeOrHalfDays() {
    Purchases store = newPurchases();
    store.recordAll(List.of(
        buy(ALICE, "2025-01-01T10:00:00Z", cny("1.00")), buy(ALICE, "2025-01-02T23:00:00Z", cny("1.00")),
        buy(ALICE, "2025-01-04T01:00:00Z", cny("1.00")), buy(ALICE, "2025-01-08T10:00:00Z", cny("1.00")),
        buy(ALICE, "2025-03-01T10:00:00Z", cny("1.00")),
        buy(BOB, "2025-01-01T10:00:00Z", cny("1.00")), buy(BOB, "2025-01-02T10:00:00Z", cny("1.00")),
        buy(BOB, "2025-01-04T10:00:00Z", cny("1.00"))));

    Map<CustomerId, PurchaseSummary> summaries = store.summaries(List.of(ALICE, BOB), AS_OF);

    // Alice's gaps: 1, 2, 4 and 52 days; Bob's: 1 and 2.
    assertThat(summaries.get(ALICE).typicalGap()).contains(Duration.ofDays(3));
    assertThat(summaries.get(BOB).typicalGap()).contains(Duration.ofHours(36));
  }

  @Example
  public void asOfBeyondTheStorableInstantsCountsEverythingOrNothing() {
    Purchases store = newPurchases();
    store.recordAll(List.of(buy(ALICE, "0001-01-01T00:00:00Z", cny("1.00")),
        buy(ALICE, "9999-12-31T23:59:59.999999Z", cny("2.00"))));

    assertThat(store.summaries(List.of(ALICE), Instant.MAX).get(ALICE).in(CNY).orElseThrow().total())
        .isEqualTo(cny("3.00"));
    assertThat(store.summaries(List.of(ALICE), Instant.MIN).get(ALICE))
        .isEqualTo(PurchaseSummary.none(ALICE, Instant.MIN));
    assertThat(store.summaries(List.of(ALICE), Instant.parse("0001-01-01T00:00:00Z")).get(ALICE).purchaseCount())
        .isZero();
  }

  @Example
  public void thousandsOfPurchasesAddUpExactlyAndThousandsOfCustomersAreReadAtOnce() {
    Purchases store = newPurchases();
    Money large = Money.of(CurrencyUnit.EUR, new BigDecimal("9999999999999999999999999999999.99"));
    Instant start = Instant.parse("2020-01-01T06:00:00Z");
    List<Purchase> purchases = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      purchases.add(buy(ALICE, start.plus(i / 3, ChronoUnit.DAYS).plus(i % 3, ChronoUnit.HOURS), large));
    }
    List<CustomerId> many = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      CustomerId customer = CustomerId.of(new UUID(42, i));
      many.add(customer);
      purchases.add(buy(customer, start.plus(i, ChronoUnit.MINUTES), cny(i + ".00")));
    }
    store.recordAll(purchases);
    many.add(ALICE);

    Map<CustomerId, PurchaseSummary> summaries = store.summaries(many, AS_OF);

    assertThat(summaries).hasSize(2_501);
    PurchaseSummary alice = summaries.get(ALICE);
    assertThat(alice.purchaseCount()).isEqualTo(3_000);
    assertThat(alice.occasions()).isEqualTo(1_000);
    assertThat(alice.typicalGap()).contains(Duration.ofDays(1));
    assertThat(alice.in(CurrencyUnit.EUR).orElseThrow().total())
        .isEqualTo(large.multipliedBy(3_000));
    for (int i = 0; i < 2_500; i++) {
      CurrencyTotals cny = summaries.get(many.get(i)).in(CNY).orElseThrow();
      assertThat(cny.total()).as("customer %d", i).isEqualTo(cny(i + ".00"));
    }
  }

  @Property(tries = 50)
  public void theBulkSummaryOfEachCustomerIsTheSummaryOfTheirPurchaseList(
      @ForAll("history") List<Purchase> history, @ForAll("asOf") Instant asOf) {
    Purchases store = newPurchases();
    store.recordAll(history);
    List<CustomerId> asked = List.of(ALICE, BOB, CAROL, NOBODY);

    Map<CustomerId, PurchaseSummary> expected = new LinkedHashMap<>();
    for (CustomerId customer : asked) {
      expected.put(customer, PurchaseSummary.of(customer, store.forCustomer(customer, TimeRange.all()), asOf));
    }

    assertThat(store.summaries(asked, asOf)).isEqualTo(expected);
  }

  @Property(tries = 50)
  public void theBulkSummaryOfAWindowIsTheSummaryOfThePurchasesWithinIt(
      @ForAll("history") List<Purchase> history, @ForAll("windowStart") Instant since, @ForAll("asOf") Instant asOf) {
    Assume.that(since.isBefore(asOf));
    Purchases store = newPurchases();
    store.recordAll(history);
    List<CustomerId> asked = List.of(ALICE, BOB, CAROL, NOBODY);
    TimeRange window = TimeRange.between(since, asOf);

    Map<CustomerId, PurchaseSummary> expected = new LinkedHashMap<>();
    for (CustomerId customer : asked) {
      expected.put(customer, PurchaseSummary.of(customer, store.forCustomer(customer, TimeRange.all()), window));
    }

    assertThat(store.summaries(asked, window)).isEqualTo(expected);
  }

  @Example
  public void aWindowCountsPurchasesFromItsStartAndLeavesOutEarlierOnesAndRefunds() {
    Purchases store = newPurchases();
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    store.recordAll(List.of(
        buy(ALICE, "2024-12-31T23:59:59.999999Z", cny("1.00")),
        buy(ALICE, "2025-01-01T00:00:00Z", cny("2.00")),
        buy(ALICE, "2025-02-01T00:00:00Z", cny("-0.50")),
        buy(BOB, "2024-06-01T00:00:00Z", cny("4.00"))));
    TimeRange window = TimeRange.between(start, Instant.parse("2025-06-01T00:00:00Z"));

    Map<CustomerId, PurchaseSummary> summaries = store.summaries(List.of(ALICE, BOB), window);

    assertThat(summaries.get(ALICE).since()).contains(start);
    assertThat(summaries.get(ALICE).firstPurchaseAt()).contains(start);
    assertThat(summaries.get(ALICE).occasions()).isEqualTo(1);
    assertThat(summaries.get(ALICE).in(CNY).orElseThrow().total()).isEqualTo(cny("1.50"));
    assertThat(summaries.get(BOB)).isEqualTo(PurchaseSummary.none(BOB, window));
    assertThat(store.summaries(List.of(ALICE), TimeRange.until(window.to())))
        .isEqualTo(store.summaries(List.of(ALICE), window.to()));
  }

  @Provide
  Arbitrary<Instant> windowStart() {
    return Arbitraries.frequencyOf(Tuple.of(4, times()), Tuple.of(1, Arbitraries.of(Instant.MIN)));
  }

  @Provide
  Arbitrary<List<Purchase>> history() {
    return CrmArbitraries.purchases(Arbitraries.of(CUSTOMERS), times()).list().ofMaxSize(40)
        .uniqueElements(Purchase::id);
  }

  @Provide
  Arbitrary<Instant> asOf() {
    return Arbitraries.frequencyOf(Tuple.of(4, times()), Tuple.of(1, Arbitraries.of(Instant.MAX, Instant.MIN)));
  }

  private static Arbitrary<Instant> times() {
    return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(INSTANTS)), Tuple.of(1, CrmArbitraries.instants()));
  }

  private Purchase buy(CustomerId customer, String at, Money amount) {
    return buy(customer, Instant.parse(at), amount);
  }

  private Purchase buy(CustomerId customer, Instant at, Money amount) {
    return new Purchase.Builder().id(ActivityId.of(new UUID(7, ids.incrementAndGet()))).customerId(customer)
        .occurredAt(at).amount(amount).channel("store").build();
  }

  private static Money cny(String amount) {
    return Money.of(CNY, new BigDecimal(amount));
  }
}
