package io.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.customer.CustomerId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class ActivitySummaryTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final CustomerId ME = CustomerId.of(new UUID(0, 1));
  private static final CustomerId SOMEONE_ELSE = CustomerId.of(new UUID(0, 2));
  private final AtomicLong ids = new AtomicLong();

  @Test
  void theTypicalGapIsTheMedianTimeBetweenPurchasesSoOneLongPauseDoesNotSkewIt() {
    List<Purchase> purchases = List.of(buy(ME, 0, 10), buy(ME, 7, 10), buy(ME, 14, 10), buy(ME, 100, 10));

    ActivitySummary summary = ActivitySummary.of(ME, purchases, day(200));

    assertThat(summary.purchaseCount()).isEqualTo(4);
    assertThat(summary.firstPurchaseAt()).contains(day(0));
    assertThat(summary.lastPurchaseAt()).contains(day(100));
    assertThat(summary.typicalGap()).contains(Duration.ofDays(7));
    assertThat(summary.sinceLastPurchase()).contains(Duration.ofDays(100));
  }

  @Test
  void withAnEvenNumberOfGapsTheMedianIsTheMiddleOfTheTwoMiddleGaps() {
    ActivitySummary summary = ActivitySummary.of(ME, List.of(buy(ME, 0, 1), buy(ME, 2, 1), buy(ME, 8, 1)), day(9));

    assertThat(summary.typicalGap()).contains(Duration.ofDays(4));
  }

  @Test
  void refundsLaterPurchasesAndOtherCustomersPurchasesDoNotCount() {
    List<Purchase> purchases = List.of(buy(ME, 1, 10), buy(ME, 2, -10), buy(ME, 30, 10), buy(SOMEONE_ELSE, 3, 10));

    ActivitySummary summary = ActivitySummary.of(ME, purchases, day(30));

    assertThat(summary.purchaseCount()).isEqualTo(1);
    assertThat(summary.lastPurchaseAt()).contains(day(1));
    assertThat(summary.typicalGap()).isEmpty();
  }

  @Test
  void theLinesOfOneOrderCountAsOnePurchaseOccasion() {
    ActivitySummary summary = ActivitySummary.of(ME, List.of(buy(ME, 1, 10), buy(ME, 1, 20), buy(ME, 5, 10)), day(6));

    assertThat(summary.purchaseCount()).isEqualTo(2);
    assertThat(summary.typicalGap()).contains(Duration.ofDays(4));
  }

  @Test
  void purchasesOnOneUtcDayAreOneOccasionDatedAtItsFirstPurchase() {
    List<Purchase> purchases = List.of(buy(ME, day(1), 10), buy(ME, day(1).plusSeconds(60), 10),
        buy(ME, day(1).plusSeconds(120), 10), buy(ME, day(5).plus(Duration.ofHours(10)), 10),
        buy(ME, day(5).plus(Duration.ofHours(11)), 10));

    ActivitySummary summary = ActivitySummary.of(ME, purchases, day(6));

    assertThat(summary.purchaseCount()).isEqualTo(2);
    assertThat(summary.firstPurchaseAt()).contains(day(1));
    assertThat(summary.lastPurchaseAt()).contains(day(5).plus(Duration.ofHours(10)));
    assertThat(summary.typicalGap()).contains(Duration.ofDays(4));
  }

  @Test
  void theGapBetweenOccasionsCountsCalendarDaysNotTheMinutesAcrossMidnight() {
    List<Purchase> purchases = List.of(buy(ME, day(1).minusSeconds(60), 10), buy(ME, day(1).plusSeconds(60), 10));

    ActivitySummary summary = ActivitySummary.of(ME, purchases, day(2));

    assertThat(summary.purchaseCount()).isEqualTo(2);
    assertThat(summary.typicalGap()).contains(Duration.ofDays(1));
  }

  @Test
  void aDayWithOnlyARefundIsNoOccasionAndARefundDoesNotCancelTheDaysPurchase() {
    List<Purchase> purchases = List.of(buy(ME, day(1), 10), buy(ME, day(1).plusSeconds(60), -10),
        buy(ME, day(2), -10));

    ActivitySummary summary = ActivitySummary.of(ME, purchases, day(3));

    assertThat(summary.purchaseCount()).isEqualTo(1);
    assertThat(summary.lastPurchaseAt()).contains(day(1));
  }

  @Test
  void aCustomerWhoNeverBoughtHasNoDates() {
    assertThat(ActivitySummary.of(ME, List.of(), day(1))).isEqualTo(ActivitySummary.none(ME, day(1)));
  }

  @Test
  void contradictorySummariesAreRejected() {
    assertThatThrownBy(() -> new ActivitySummary(ME, day(5), 1, Optional.of(day(1)), Optional.of(day(1)),
        Optional.of(Duration.ofDays(1)))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ActivitySummary(ME, day(5), 1, Optional.of(day(6)), Optional.of(day(6)),
        Optional.empty())).hasMessageContaining("before asOf");
  }

  private Purchase buy(CustomerId customer, int day, int amount) {
    return buy(customer, day(day), amount);
  }

  private Purchase buy(CustomerId customer, Instant at, int amount) {
    return new Purchase.Builder().id(ActivityId.of(new UUID(7, ids.incrementAndGet()))).customerId(customer)
        .occurredAt(at).amount(Money.of(CurrencyUnit.EUR, new BigDecimal(amount))).channel("store").build();
  }

  private static Instant day(int n) {
    return T0.plus(Duration.ofDays(n));
  }
}
