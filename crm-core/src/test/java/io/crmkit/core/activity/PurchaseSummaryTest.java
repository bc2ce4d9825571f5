package io.crmkit.core.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.PurchaseSummary.CurrencyTotals;
import io.crmkit.core.customer.CustomerId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class PurchaseSummaryTest {
  private static final CustomerId ME = CustomerId.of(new UUID(0, 1));
  private static final CustomerId SOMEONE_ELSE = CustomerId.of(new UUID(0, 2));
  private static final CurrencyUnit CNY = CurrencyUnit.of("CNY");
  private static final CurrencyUnit JPY = CurrencyUnit.JPY;
  private final AtomicLong ids = new AtomicLong();

  @Test
  void refundsAreCountedApartAndLowerTheTotalButMakeNoOccasionAndAreNeverTheFirstOrLastPurchase() {
    List<Purchase> purchases = List.of(
        buy(ME, "2025-01-01T09:00:00Z", "-5.00"),
        buy(ME, "2025-01-02T10:00:00Z", "100.00"),
        buy(ME, "2025-01-03T11:00:00Z", "-40.00"),
        buy(ME, "2025-01-04T12:00:00Z", "-1.00"));

    PurchaseSummary summary = PurchaseSummary.of(ME, purchases, at("2025-02-01T00:00:00Z"));

    assertThat(summary.purchaseCount()).isEqualTo(1);
    assertThat(summary.refundCount()).isEqualTo(3);
    assertThat(summary.occasions()).isEqualTo(1);
    assertThat(summary.firstPurchaseAt()).contains(at("2025-01-02T10:00:00Z"));
    assertThat(summary.lastPurchaseAt()).contains(at("2025-01-02T10:00:00Z"));
    assertThat(summary.lastOccasionAt()).contains(at("2025-01-02T10:00:00Z"));
    CurrencyTotals cny = summary.in(CNY).orElseThrow();
    assertThat(cny.total()).isEqualTo(cny("54.00"));
    assertThat(cny.refunded()).isEqualTo(cny("-46.00"));
    assertThat(cny.bought()).isEqualTo(cny("100.00"));
    assertThat(cny.mean()).contains(cny("54.00"));
  }

  @Test
  void purchasesOnOneUtcDayAreOneOccasionDatedAtItsFirstPurchase() {
    List<Purchase> purchases = List.of(
        buy(ME, "2025-03-01T00:00:00Z", "10.00"),
        buy(ME, "2025-03-05T18:00:00Z", "10.00"),
        buy(ME, "2025-03-05T08:30:00.000000001Z", "10.00"),
        buy(ME, "2025-03-05T23:59:59.999999999Z", "10.00"));

    PurchaseSummary summary = PurchaseSummary.of(ME, purchases, at("2025-04-01T00:00:00Z"));

    assertThat(summary.purchaseCount()).isEqualTo(4);
    assertThat(summary.occasions()).isEqualTo(2);
    assertThat(summary.firstPurchaseAt()).contains(at("2025-03-01T00:00:00Z"));
    assertThat(summary.lastOccasionAt()).contains(at("2025-03-05T08:30:00.000000001Z"));
    assertThat(summary.lastPurchaseAt()).contains(at("2025-03-05T23:59:59.999999999Z"));
    assertThat(summary.typicalGap()).contains(Duration.ofDays(4));
    assertThat(summary.sinceLastPurchase()).contains(Duration.between(at("2025-03-05T23:59:59.999999999Z"),
        at("2025-04-01T00:00:00Z")));
  }

  @Test
  void theLastNanosecondOfADayAndTheFirstOfTheNextAreTwoOccasionsAlsoBeforeTheEpoch() {
    List<Purchase> purchases = List.of(
        buy(ME, "1969-12-31T23:59:59.999999999Z", "1.00"),
        buy(ME, "1970-01-01T00:00:00Z", "1.00"));

    PurchaseSummary summary = PurchaseSummary.of(ME, purchases, at("1970-01-02T00:00:00Z"));

    assertThat(summary.occasions()).isEqualTo(2);
    assertThat(summary.typicalGap()).contains(Duration.ofDays(1));
  }

  @Test
  void aPurchaseExactlyAtAsOfAndOtherCustomersPurchasesAreLeftOut() {
    List<Purchase> purchases = List.of(
        buy(ME, "2025-01-01T00:00:00Z", "1.00"),
        buy(ME, "2025-01-10T00:00:00Z", "2.00"),
        buy(SOMEONE_ELSE, "2025-01-05T00:00:00Z", "4.00"));

    PurchaseSummary summary = PurchaseSummary.of(ME, purchases, at("2025-01-10T00:00:00Z"));

    assertThat(summary.purchaseCount()).isEqualTo(1);
    assertThat(summary.in(CNY).orElseThrow().total()).isEqualTo(cny("1.00"));
  }

  @Test
  void currenciesAreNeverAddedUp() {
    List<Purchase> purchases = List.of(
        buy(ME, "2025-01-01T00:00:00Z", "10.00"),
        buy(ME, "2025-01-01T01:00:00Z", Money.of(JPY, new BigDecimal("1000"))),
        buy(ME, "2025-01-02T00:00:00Z", Money.of(JPY, new BigDecimal("-300"))));

    PurchaseSummary summary = PurchaseSummary.of(ME, purchases, at("2025-02-01T00:00:00Z"));

    assertThat(summary.byCurrency()).containsOnlyKeys(CNY, JPY);
    assertThat(summary.in(JPY).orElseThrow())
        .isEqualTo(new CurrencyTotals(Money.ofMajor(JPY, 700), Money.ofMajor(JPY, -300), 1, 1));
    assertThat(summary.in(CNY).orElseThrow()).isEqualTo(new CurrencyTotals(cny("10.00"), cny("0.00"), 1, 0));
    assertThat(summary.in(CurrencyUnit.EUR)).isEmpty();
    assertThat(summary.occasions()).isEqualTo(1);
  }

  @Test
  void theMeanIsRoundedHalfToEvenToTheCurrencysDecimalPlaces() {
    assertThat(new CurrencyTotals(cny("100.00"), cny("0"), 3, 0).mean()).contains(cny("33.33"));
    assertThat(new CurrencyTotals(Money.ofMajor(JPY, 1), Money.zero(JPY), 2, 0).mean()).contains(Money.ofMajor(JPY, 0));
    assertThat(new CurrencyTotals(Money.ofMajor(JPY, 3), Money.zero(JPY), 2, 0).mean()).contains(Money.ofMajor(JPY, 2));
    assertThat(new CurrencyTotals(Money.ofMajor(JPY, -30), Money.ofMajor(JPY, -30), 0, 1).mean()).isEmpty();
  }

  @Test
  void withAnEvenNumberOfGapsTheTypicalGapIsTheMidpointOfTheTwoMiddleOnes() {
    List<Purchase> purchases = List.of(
        buy(ME, "2025-01-01T10:00:00Z", "1.00"), buy(ME, "2025-01-02T10:00:00Z", "1.00"),
        buy(ME, "2025-01-04T10:00:00Z", "1.00"), buy(ME, "2025-01-08T10:00:00Z", "1.00"),
        buy(ME, "2025-01-16T10:00:00Z", "1.00"));

    PurchaseSummary summary = PurchaseSummary.of(ME, purchases, at("2025-02-01T00:00:00Z"));

    assertThat(summary.typicalGap()).contains(Duration.ofHours(3 * 24));
    assertThat(PurchaseSummary.of(ME, purchases.subList(0, 3), at("2025-02-01T00:00:00Z")).typicalGap())
        .contains(Duration.ofHours(36));
  }

  @Test
  void aCustomerWithoutPurchasesHasTheEmptySummary() {
    PurchaseSummary none = PurchaseSummary.none(ME, at("2025-01-01T00:00:00Z"));

    assertThat(PurchaseSummary.of(ME, List.of(), at("2025-01-01T00:00:00Z"))).isEqualTo(none);
    assertThat(none.purchaseCount()).isZero();
    assertThat(none.refundCount()).isZero();
    assertThat(none.occasions()).isZero();
    assertThat(none.firstPurchaseAt()).isEmpty();
    assertThat(none.typicalGap()).isEmpty();
    assertThat(none.byCurrency()).isEmpty();
    assertThat(none.sinceLastPurchase()).isEmpty();
  }

  @Test
  void contradictoryFiguresAreRejected() {
    Instant asOf = at("2025-01-10T00:00:00Z");
    Instant day1 = at("2025-01-01T00:00:00Z");
    CurrencyTotals two = new CurrencyTotals(cny("2.00"), cny("0"), 2, 0);

    assertThatThrownBy(() -> new PurchaseSummary.Builder().customerId(ME).asOf(asOf).occasions(1).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("occasions");
    assertThatThrownBy(() -> new PurchaseSummary.Builder().customerId(ME).asOf(asOf).occasions(1)
        .putByCurrency(CNY, two).firstPurchaseAt(day1).lastOccasionAt(day1).lastPurchaseAt(asOf).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("< asOf");
    assertThatThrownBy(() -> new PurchaseSummary.Builder().customerId(ME).asOf(asOf).occasions(2)
        .putByCurrency(CNY, two).firstPurchaseAt(day1).lastOccasionAt(day1).lastPurchaseAt(day1).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("typical gap");
    assertThatThrownBy(() -> new PurchaseSummary.Builder().customerId(ME).asOf(asOf).occasions(1)
        .putByCurrency(JPY, two).firstPurchaseAt(day1).lastOccasionAt(day1).lastPurchaseAt(day1).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("filed under");
  }

  @Test
  void currencyTotalsRejectFiguresThatCannotAddUp() {
    assertThatThrownBy(() -> new CurrencyTotals(cny("1.00"), Money.zero(JPY), 1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currency");
    assertThatThrownBy(() -> new CurrencyTotals(cny("0"), cny("0"), 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both 0");
    assertThatThrownBy(() -> new CurrencyTotals(cny("5.00"), cny("5.00"), 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refunded must be <= 0");
    assertThatThrownBy(() -> new CurrencyTotals(cny("-5.00"), cny("0"), 1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("purchases must add up to >= 0");
    assertThatThrownBy(() -> new CurrencyTotals(cny("5.00"), cny("-1.00"), 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 without purchases");
  }

  private Purchase buy(CustomerId customer, String at, String amount) {
    return buy(customer, at, cny(amount));
  }

  private Purchase buy(CustomerId customer, String at, Money amount) {
    return new Purchase.Builder().id(ActivityId.of(new UUID(7, ids.incrementAndGet()))).customerId(customer)
        .occurredAt(at(at)).amount(amount).channel("store").build();
  }

  private static Money cny(String amount) {
    return Money.of(CNY, new BigDecimal(amount));
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }
}
