package io.crmkit.segmentation.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.Crm;
import io.crmkit.core.activity.PurchaseSummary;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.lifecycle.ChurnSignal;
import io.crmkit.core.lifecycle.DueMove;
import io.crmkit.core.lifecycle.LifecycleEngine;
import io.crmkit.core.lifecycle.LifecycleRules;
import io.crmkit.core.lifecycle.LifecycleStore;
import io.crmkit.core.lifecycle.Trigger;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.memory.InMemoryExtensions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class ChurnFlaggerTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final CustomerId ALICE = CustomerId.of(new UUID(3, 1));
  private final ChurnFlagger flagger = ChurnFlagger.builder().build();

  private static Instant day(int n) {
    return T0.plus(Duration.ofDays(n));
  }

  /** Purchases on the given days, summarised as of {@code asOf}. */
  private static PurchaseSummary boughtOn(Instant asOf, int... days) {
    PurchaseSummary.Tally tally = new PurchaseSummary.Tally(ALICE, asOf);
    for (int d : days) {
      tally.add(day(d), Money.of(CurrencyUnit.EUR, 10));
    }
    return tally.summary();
  }

  @Test
  void aWeeklyBuyerSilentForMoreThanThreeWeeksIsFlaggedByCadence() {
    PurchaseSummary onTime = boughtOn(day(36), 1, 8, 15);
    PurchaseSummary overdue = boughtOn(day(37), 1, 8, 15);

    assertThat(flagger.flag(onTime, OptionalDouble.empty())).isEmpty();
    ChurnFlag flag = flagger.flag(overdue, OptionalDouble.empty()).orElseThrow();
    assertThat(flag.reasons()).containsExactly(ChurnFlag.Reason.CADENCE);
    assertThat(flag.probabilityAlive()).isZero();
    assertThat(flag.asOf()).isEqualTo(day(37));
    assertThat(flag.explanation()).isEqualTo("no purchase for 22.0 days, over 3.0 times the typical gap of 7.0 days");
  }

  @Test
  void aCustomerWithTooFewOccasionsHasNoRhythmToBeLateFor() {
    assertThat(flagger.flag(boughtOn(day(300), 1, 8), OptionalDouble.empty())).isEmpty();
    assertThat(ChurnFlagger.builder().minimumOccasions(2).build().flag(boughtOn(day(300), 1, 8),
        OptionalDouble.empty())).isPresent();
  }

  @Test
  void aLowProbabilityOfBeingAliveFlagsAndIsRecordedAsGiven() {
    PurchaseSummary recent = boughtOn(day(16), 1, 8, 15);

    ChurnFlag flag = flagger.flag(recent, OptionalDouble.of(0.12)).orElseThrow();

    assertThat(flag.reasons()).containsExactly(ChurnFlag.Reason.P_ALIVE);
    assertThat(flag.probabilityAlive()).isEqualTo(0.12);
    assertThat(flag.explanation()).isEqualTo("P(alive) 0.1200 below 0.3");
    assertThat(flagger.signal(flag)).isEqualTo(new ChurnSignal(ALICE, 0.12, day(16), "segmentation"));
    assertThat(flagger.flag(recent, OptionalDouble.of(0.3))).isEmpty();
  }

  @Test
  void bothReasonsAreKeptAndTheLowerProbabilityRecorded() {
    ChurnFlag flag = ChurnFlagger.builder().cadenceProbability(0.2).build()
        .flag(boughtOn(day(60), 1, 8, 15), OptionalDouble.of(0.25)).orElseThrow();

    assertThat(flag.reasons()).containsExactlyInAnyOrder(ChurnFlag.Reason.P_ALIVE, ChurnFlag.Reason.CADENCE);
    assertThat(flag.probabilityAlive()).isEqualTo(0.2);
  }

  @Test
  void settingsOutsideTheirRangeAreRefused() {
    assertThatThrownBy(() -> ChurnFlagger.builder().probabilityThreshold(1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChurnFlagger.builder().cadenceFactor(0.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cadence factor must be >= 1");
    assertThatThrownBy(() -> flagger.flag(boughtOn(day(16), 1), OptionalDouble.of(1.2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recordedFlagsMoveActiveCustomersToAtRiskAtTheNextLifecycleEvaluation() {
    MutableClock clock = new MutableClock(T0);
    InMemoryCrmStore store = InMemoryCrmStore.create();
    LifecycleStore lifecycle = store.attach(InMemoryExtensions.lifecycle());
    Crm crm = Crm.builder().store(store).clock(clock).build();
    LifecycleEngine engine = LifecycleEngine.builder().store(lifecycle).clock(clock)
        .rules(List.of(LifecycleRules.firstPurchase(), LifecycleRules.purchaseSinceStageEntered(Trigger.REPEAT_PURCHASE),
            LifecycleRules.churnSignal(0.3)))
        .build();
    Customer weekly = crm.register(NewCustomer.person("Smith", "Mary").build());
    Customer modelled = crm.register(NewCustomer.person("Zhang", "Wei").build());
    Customer steady = crm.register(NewCustomer.person("Sato", "Yuki").build());
    for (Customer c : List.of(weekly, modelled, steady)) {
      for (int d : new int[] {1, 8, 15}) {
        crm.recordPurchase(crm.newPurchase(c.id()).occurredAt(day(d)).amount(Money.of(CurrencyUnit.EUR, 10))
            .channel("online").build());
      }
    }
    clock.now = day(16);
    engine.applyAll(day(16), "nightly");
    assertThat(crm.get(weekly.id()).stage()).isEqualTo(LifecycleStage.ACTIVE);

    clock.now = day(40);
    List<ChurnFlag> flags = ChurnFlagger.builder().minimumOccasions(3).build().flagAndRecord(store.purchases(),
        lifecycle.churnSignals(), List.of(weekly.id(), modelled.id()), day(20),
        id -> id.equals(modelled.id()) ? OptionalDouble.of(0.05) : OptionalDouble.empty());
    assertThat(flags).extracting(ChurnFlag::customerId).containsExactly(modelled.id());
    flags = ChurnFlagger.builder().build().flagAndRecord(store.purchases(), lifecycle.churnSignals(),
        List.of(weekly.id()), day(40), id -> OptionalDouble.of(0.9));
    assertThat(flags).extracting(ChurnFlag::customerId).containsExactly(weekly.id());
    // steady is just as overdue but was not flagged: no signal, and these rules do not move it
    clock.now = day(41);
    LifecycleEngine.Report report = engine.applyAll(day(41), "nightly");

    assertThat(report.applied()).extracting(DueMove::customerId, DueMove::trigger).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(weekly.id(), Trigger.CHURN_SIGNAL),
        org.assertj.core.groups.Tuple.tuple(modelled.id(), Trigger.CHURN_SIGNAL));
    assertThat(crm.get(weekly.id()).stage()).isEqualTo(LifecycleStage.AT_RISK);
    assertThat(crm.get(modelled.id()).stage()).isEqualTo(LifecycleStage.AT_RISK);
    assertThat(crm.get(steady.id()).stage()).isEqualTo(LifecycleStage.ACTIVE);
    assertThat(lifecycle.churnSignals().latest(weekly.id(), day(41)))
        .contains(new ChurnSignal(weekly.id(), 0, day(40), "segmentation"));
  }

  @Test
  void theFlagsOfManySummariesKeepTheirOrderAndSkipTheUnflagged() {
    PurchaseSummary overdue = boughtOn(day(60), 1, 8, 15);
    PurchaseSummary other = PurchaseSummary.none(CustomerId.of(new UUID(3, 2)), day(60));

    List<ChurnFlag> flags = flagger.flag(List.of(other, overdue), id -> Optional.ofNullable(Map.of(ALICE, 0.9)
        .get(id)).map(OptionalDouble::of).orElse(OptionalDouble.empty()));

    assertThat(flags).extracting(ChurnFlag::customerId).containsExactly(ALICE);
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
