package io.crmkit.core.lifecycle;

import static io.crmkit.core.customer.LifecycleStage.ACTIVE;
import io.crmkit.core.memory.InMemoryExtensions;
import static io.crmkit.core.customer.LifecycleStage.AT_RISK;
import static io.crmkit.core.customer.LifecycleStage.CHURNED;
import static io.crmkit.core.customer.LifecycleStage.DECIDING;
import static io.crmkit.core.customer.LifecycleStage.DISQUALIFIED;
import static io.crmkit.core.customer.LifecycleStage.NEW;
import static io.crmkit.core.customer.LifecycleStage.PROSPECT;
import static io.crmkit.core.customer.LifecycleStage.WON_BACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.Crm;
import io.crmkit.core.common.ConcurrentUpdateException;
import io.crmkit.core.common.Page;
import io.crmkit.core.common.PageRequest;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Sort;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.memory.InMemoryCrmStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LifecycleEvaluationTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private final TestClock clock = new TestClock(T0);
  private final AtomicLong sequence = new AtomicLong();
  private final InMemoryCrmStore store = InMemoryCrmStore.create();
  private final LifecycleHistory history = InMemoryCrmStore.create().attach(InMemoryExtensions.lifecycle()).lifecycleHistory();
  private final ChurnSignals signals = InMemoryCrmStore.create().attach(InMemoryExtensions.lifecycle()).churnSignals();
  private Crm crm;
  private LifecycleEngine engine;

  @BeforeEach
  void setUp() {
    crm = Crm.builder().store(store).clock(clock).ids(() -> new UUID(0, sequence.incrementAndGet())).build();
    engine = LifecycleEngine.builder().store(store.attach(InMemoryExtensions.lifecycle())).history(history).churnSignals(signals).clock(clock)
        .ids(() -> new UUID(1, sequence.incrementAndGet())).build();
  }

  @Test
  void aFirstPurchaseMovesAProspectToNewDatedAtThePurchase() {
    Customer prospect = register();
    buy(prospect.id(), day(5));

    assertThat(engine.evaluate(prospect.id(), day(10))).containsExactly(new DueMove(prospect.id(), 1,
        PROSPECT, NEW, Trigger.FIRST_PURCHASE, day(5), "first purchase at " + day(5)));
  }

  @Test
  void theLinesOfOneCheckoutMinutesApartAreOnePurchaseNotARepeatCustomerOverdueByMinutes() {
    Customer prospect = register();
    buy(prospect.id(), day(1));
    buy(prospect.id(), day(1).plusSeconds(60));
    buy(prospect.id(), day(1).plusSeconds(120));

    assertThat(engine.evaluate(prospect.id(), day(2))).extracting(DueMove::from, DueMove::to)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(PROSPECT, NEW));
  }

  @Test
  void aSilentActiveCustomerBecomesAtRiskAfter90DaysAndChurnedAfter90MoreInOneEvaluation() {
    Customer c = register();
    buy(c.id(), day(1));
    buy(c.id(), day(11));
    applyAllAt(day(12));
    assertThat(crm.get(c.id()).stage()).isEqualTo(ACTIVE);

    List<DueMove> due = engine.evaluate(c.id(), day(211));

    assertThat(due).extracting(DueMove::from, DueMove::to, DueMove::trigger, DueMove::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ACTIVE, AT_RISK, Trigger.INACTIVITY, day(101)),
            org.assertj.core.groups.Tuple.tuple(AT_RISK, CHURNED, Trigger.STAGE_TIMEOUT, day(191)));
    assertThat(due.get(0).reason()).isEqualTo("no purchase since " + day(11) + ", over the limit of 90 days");
    assertThat(due.get(1).reason()).isEqualTo("in AT_RISK since " + day(101) + ", over the limit of 90 days");
    assertThat(due).extracting(DueMove::expectedVersion).containsExactly(3L, 4L);
  }

  @Test
  void aFrequentBuyerIsOverdueByTheirOwnCadenceBeforeTheAbsoluteLimit() {
    Customer c = register();
    for (int d : new int[] {1, 8, 15, 22}) {
      buy(c.id(), day(d));
    }
    applyAllAt(day(23));
    assertThat(crm.get(c.id()).stage()).isEqualTo(ACTIVE);

    assertThat(engine.evaluate(c.id(), day(40))).isEmpty();
    assertThat(engine.evaluate(c.id(), day(50))).singleElement().satisfies(change -> {
      assertThat(change.trigger()).isEqualTo(Trigger.INACTIVITY);
      assertThat(change.to()).isEqualTo(AT_RISK);
      assertThat(change.at()).isEqualTo(day(43));
      assertThat(change.reason()).isEqualTo("overdue: no purchase since " + day(22)
          + ", more than 3 times the customer's typical gap of 7 days");
    });
  }

  @Test
  void aProspectWithoutProgressFor60DaysIsDisqualified() {
    Customer prospect = register();

    assertThat(engine.evaluate(prospect.id(), day(59))).isEmpty();
    assertThat(engine.evaluate(prospect.id(), day(61))).singleElement().satisfies(change -> {
      assertThat(change.to()).isEqualTo(DISQUALIFIED);
      assertThat(change.trigger()).isEqualTo(Trigger.STAGE_TIMEOUT);
      assertThat(change.at()).isEqualTo(day(60));
    });
  }

  @Test
  void aStalledEvaluationFallsBackToProspectAndThenTimesOutFromThere() {
    Customer prospect = register();
    clock.set(day(5));
    engine.fire(prospect.id(), Trigger.EVALUATION_STARTED, "sales", null);

    assertThat(engine.evaluate(prospect.id(), day(130)))
        .extracting(DueMove::to, DueMove::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(PROSPECT, day(65)),
            org.assertj.core.groups.Tuple.tuple(DISQUALIFIED, day(125)));
  }

  @Test
  void aLowChurnSignalMovesAnActiveCustomerAtRiskAsOfItsMeasurement() {
    Customer c = activeCustomer();
    signals.record(new ChurnSignal(c.id(), 0.5, day(30), "bg-nbd"));
    signals.record(new ChurnSignal(c.id(), 0.12, day(40), "bg-nbd"));

    assertThat(engine.evaluate(c.id(), day(35))).isEmpty();
    assertThat(engine.evaluate(c.id(), day(40))).as("a signal counts only once measured before as-of").isEmpty();
    assertThat(engine.evaluate(c.id(), day(41))).singleElement().satisfies(change -> {
      assertThat(change.trigger()).isEqualTo(Trigger.CHURN_SIGNAL);
      assertThat(change.at()).isEqualTo(day(40));
      assertThat(change.reason()).isEqualTo("P(alive) 0.12 from bg-nbd at " + day(40) + ", below 0.3");
    });
  }

  @Test
  void aPurchaseAfterChurnWinsTheCustomerBackAndTheNextMakesThemActive() {
    Customer c = activeCustomer();
    applyAllAt(day(250));
    assertThat(crm.get(c.id()).stage()).isEqualTo(CHURNED);
    buy(c.id(), day(260));
    buy(c.id(), day(270));

    assertThat(engine.evaluate(c.id(), day(271))).extracting(DueMove::to, DueMove::trigger, DueMove::at)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(WON_BACK, Trigger.WIN_BACK_PURCHASE, day(270)));
  }

  @Test
  void batchEvaluationReturnsEveryChangeWithItsReasonAndSkipsTerminalStages() {
    Customer buyer = register();
    buy(buyer.id(), day(3));
    Customer idle = register();
    Customer gone = register();
    clock.set(day(1));
    engine.fire(gone.id(), Trigger.MANUAL, "sales", "competitor's employee");

    List<DueMove> changes;
    try (Stream<DueMove> all = engine.evaluateAll(day(100))) {
      changes = all.toList();
    }

    assertThat(changes).extracting(DueMove::customerId, DueMove::to)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(buyer.id(), NEW),
            org.assertj.core.groups.Tuple.tuple(buyer.id(), AT_RISK),
            org.assertj.core.groups.Tuple.tuple(idle.id(), DISQUALIFIED));
    assertThat(changes).allSatisfy(change -> assertThat(change.reason()).isNotBlank());
    assertThat(crm.get(buyer.id()).stage()).as("evaluation alone writes nothing").isEqualTo(PROSPECT);
  }

  @Test
  void applyingABatchMovesEveryoneDueReportsItAndASecondRunFindsNothing() {
    Customer buyer = register();
    buy(buyer.id(), day(3));
    Customer idle = register();

    LifecycleEngine.Report report = applyAllAt(day(100));

    assertThat(report.customersEvaluated()).isEqualTo(2);
    assertThat(report.applied()).hasSize(3);
    assertThat(report.rejected()).isEmpty();
    assertThat(crm.get(buyer.id()).stage()).isEqualTo(AT_RISK);
    assertThat(crm.get(idle.id()).stage()).isEqualTo(DISQUALIFIED);
    assertThat(engine.history(buyer.id())).extracting(HistoryEntry::actor).containsOnly("nightly");
    assertThat(engine.history(buyer.id())).extracting(m -> m.reason().orElseThrow())
        .containsExactlyElementsOf(report.applied().stream()
            .filter(c -> c.customerId().equals(buyer.id())).map(DueMove::reason).toList());
    assertThat(engine.replay(buyer.id())).isEqualTo(AT_RISK);

    LifecycleEngine.Report again = applyAllAt(day(100));
    assertThat(again.applied()).isEmpty();
    assertThat(again.customersEvaluated()).as("the disqualified customer is not read again").isEqualTo(1);
  }

  @Test
  void aBatchReportsACustomerWhoseMoveFailsAndGoesOnWithTheOthers() {
    Lifecycle picky = Lifecycle.builder().stages(PROSPECT, NEW, DISQUALIFIED).terminal(NEW, DISQUALIFIED)
        .transition(Transition.of(PROSPECT, Trigger.FIRST_PURCHASE, NEW)
            .withAction((customer, move) -> customer.tags().contains("broken") ? customer.withOwner("") : customer))
        .transition(PROSPECT, Trigger.STAGE_TIMEOUT, DISQUALIFIED)
        .build();
    engine = LifecycleEngine.builder().lifecycle(picky).store(store.attach(InMemoryExtensions.lifecycle())).history(history).clock(clock).build();
    Customer fine = register();
    Customer broken = crm.register(NewCustomer.person("Wang", "Fang").addTag("broken").build());
    buy(fine.id(), day(2));
    buy(broken.id(), day(2));

    LifecycleEngine.Report report = applyAllAt(day(3));

    assertThat(report.applied()).extracting(DueMove::customerId).containsExactly(fine.id());
    assertThat(report.rejected()).singleElement().satisfies(rejection -> {
      assertThat(rejection.subject()).isEqualTo(broken.id().toString());
      assertThat(rejection.position()).isEmpty();
      assertThat(rejection.violations()).singleElement()
          .satisfies(v -> assertThat(v.path()).as("the invalid customer's own violation").isEqualTo("owner"));
    });
    assertThat(crm.get(broken.id()).stage()).isEqualTo(PROSPECT);
    assertThat(engine.history(broken.id())).isEmpty();
    assertThat(engine.evaluate(broken.id(), day(3))).as("the due move is found again")
        .extracting(DueMove::to).containsExactly(NEW);
  }

  @Test
  void aBatchReportsACustomerChangedBetweenEvaluationAndApplyingAsAConcurrentUpdate() {
    LifecycleRule racing = new LifecycleRule() {
      @Override
      public Trigger trigger() {
        return Trigger.FIRST_PURCHASE;
      }

      @Override
      public Optional<Due> due(Context context) {
        Customer seen = context.customer();
        if (seen.tags().contains("contested")) {
          // Someone else saves the customer after the evaluation read it.
          crm.update(crm.get(seen.id()).withOwner("sales-7"));
        }
        return context.activity().firstPurchaseAt().map(at -> Due.of(at, "bought"));
      }
    };
    engine = LifecycleEngine.builder().rules(List.of(racing)).store(store.attach(InMemoryExtensions.lifecycle())).history(history).clock(clock).build();
    Customer contested = crm.register(NewCustomer.person("Wang", "Fang").addTag("contested").build());
    Customer fine = register();
    buy(contested.id(), day(2));
    buy(fine.id(), day(2));

    LifecycleEngine.Report report = applyAllAt(day(3));

    assertThat(report.applied()).extracting(DueMove::customerId).containsExactly(fine.id());
    assertThat(report.rejected()).singleElement().satisfies(rejection -> {
      assertThat(rejection.subject()).isEqualTo(contested.id().toString());
      assertThat(rejection.violations()).singleElement().satisfies(v -> {
        assertThat(v.path()).isEmpty();
        assertThat(v.rule()).isEqualTo(LifecycleEngine.Report.CONCURRENT_UPDATE);
        assertThat(v.message()).contains("found version 2");
      });
    });
    assertThat(crm.get(contested.id()).stage()).isEqualTo(PROSPECT);
    assertThat(crm.get(contested.id()).owner()).contains("sales-7");
  }

  @Test
  void aPurchaseNearTheStartOfTimeDoesNotOverflowTheCadenceRule() {
    Customer c = register();
    buy(c.id(), Instant.MIN.plusSeconds(10));
    buy(c.id(), day(1));
    buy(c.id(), day(2));

    assertThat(engine.evaluate(c.id(), day(3))).extracting(DueMove::to).containsExactly(NEW, ACTIVE);
  }

  @Test
  void aBatchReportsACustomerWhoseRuleFailsAndGoesOnWithTheOthers() {
    LifecycleRule fragile = new LifecycleRule() {
      @Override
      public Trigger trigger() {
        return Trigger.FIRST_PURCHASE;
      }

      @Override
      public Optional<Due> due(Context context) {
        if (context.customer().tags().contains("broken")) {
          throw new ArithmeticException("long overflow");
        }
        return context.activity().firstPurchaseAt().map(at -> Due.of(at, "bought"));
      }
    };
    engine = LifecycleEngine.builder().rules(List.of(fragile)).store(store.attach(InMemoryExtensions.lifecycle())).history(history).clock(clock).build();
    Customer broken = crm.register(NewCustomer.person("Wang", "Fang").addTag("broken").build());
    Customer fine = register();
    buy(broken.id(), day(2));
    buy(fine.id(), day(2));

    LifecycleEngine.Report report = applyAllAt(day(3));

    assertThat(report.applied()).extracting(DueMove::customerId).containsExactly(fine.id());
    assertThat(report.customersEvaluated()).isEqualTo(2);
    assertThat(report.rejected()).singleElement().satisfies(rejection -> {
      assertThat(rejection.subject()).isEqualTo(broken.id().toString());
      assertThat(rejection.violations()).singleElement().isEqualTo(
          new Violation("", LifecycleEngine.Report.EVALUATION_FAILED, "long overflow"));
    });
    assertThat(crm.get(fine.id()).stage()).isEqualTo(NEW);
  }

  @Test
  void aFailedBatchInsideTheCallersTransactionLeavesNothingOfTheFailingCustomerAndMovesTheOthers() {
    LifecycleStore lifecycle = store.attach(InMemoryExtensions.lifecycle());
    engine = LifecycleEngine.builder().store(lifecycle).clock(clock).build();
    Customer clashing = register();
    Customer fine = register();
    buy(clashing.id(), day(2));
    buy(fine.id(), day(2));
    // An entry already at the version the move would write: the batch's history append fails after its customer writes.
    HistoryEntry taken = new HistoryEntry(clashing.id(), clashing.version() + 1, PROSPECT, DECIDING, Trigger.MANUAL,
        day(1), "someone", Optional.of("already here"));
    lifecycle.lifecycleHistory().append(taken);
    clock.set(day(3));

    LifecycleEngine.Report report = store.transactions().inTransaction(() -> engine.applyAll(day(3), "nightly"));

    assertThat(report.applied()).extracting(DueMove::customerId).containsExactly(fine.id());
    assertThat(report.rejected()).singleElement()
        .satisfies(rejection -> assertThat(rejection.subject()).isEqualTo(clashing.id().toString()));
    assertThat(crm.get(fine.id()).stage()).isEqualTo(NEW);
    assertThat(crm.get(clashing.id())).isEqualTo(clashing);
    assertThat(lifecycle.lifecycleHistory().forCustomer(clashing.id())).containsExactly(taken);
  }

  @Test
  void inAChainALaterGuardSeesTheCustomerAsTheEarlierMovesActionsLeftThem() {
    Lifecycle onboarding = Lifecycle.builder().stages(PROSPECT, NEW, ACTIVE, DISQUALIFIED).terminal(ACTIVE, DISQUALIFIED)
        .transition(Transition.of(PROSPECT, Trigger.FIRST_PURCHASE, NEW)
            .withAction((customer, move) -> customer.withOwner("onboarding")))
        .transition(Transition.of(NEW, Trigger.REPEAT_PURCHASE, ACTIVE)
            .guardedBy("not while onboarding", (customer, activity) -> customer.owner().isEmpty()))
        .transition(Transition.of(PROSPECT, Trigger.MANUAL, DISQUALIFIED).requiringReason())
        .transition(Transition.of(NEW, Trigger.MANUAL, DISQUALIFIED).requiringReason())
        .build();
    engine = LifecycleEngine.builder().lifecycle(onboarding).store(store.attach(InMemoryExtensions.lifecycle())).history(history).clock(clock).build();
    Customer c = register();
    buy(c.id(), day(1));
    buy(c.id(), day(5));
    clock.set(day(6));

    List<DueMove> due = engine.evaluate(c.id(), day(6));

    assertThat(due).extracting(DueMove::to).containsExactly(NEW);
    engine.apply(due, "nightly");
    assertThat(crm.get(c.id()).stage()).isEqualTo(NEW);
    assertThat(engine.fire(c.id(), Trigger.REPEAT_PURCHASE, "shop", null).moved())
        .as("fire agrees: the guard blocks").isFalse();
  }

  @Test
  void applyingChangesToACustomerChangedSinceTheEvaluationFails() {
    Customer prospect = register();
    buy(prospect.id(), day(5));
    clock.set(day(10));
    List<DueMove> due = engine.evaluate(prospect.id(), day(10));
    engine.fire(prospect.id(), Trigger.EVALUATION_STARTED, "sales", null);

    assertThatThrownBy(() -> engine.apply(due, "nightly"))
        .isInstanceOf(ConcurrentUpdateException.class).hasMessageContaining("in stage DECIDING");
    assertThat(engine.history(prospect.id())).hasSize(1);
  }

  @Test
  void movesAreNotAppliedAsOfAFutureInstant() {
    assertThatThrownBy(() -> engine.applyAll(T0.plusSeconds(1), "nightly"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after now");
  }

  @Test
  void changesDatedAfterNowAreNotAppliedAndNothingIsWritten() {
    Customer prospect = register();
    clock.set(day(2));
    List<DueMove> future = engine.evaluate(prospect.id(), day(400));

    assertThatThrownBy(() -> engine.apply(future, "nightly"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after now");
    assertThat(crm.get(prospect.id()).stage()).isEqualTo(PROSPECT);
    assertThat(engine.history(prospect.id())).isEmpty();
  }

  @Test
  void evaluationAsOfADateIgnoresLaterPurchasesAndGivesTheSameAnswerTwice() {
    Customer prospect = register();
    buy(prospect.id(), day(20));

    assertThat(engine.evaluate(prospect.id(), day(20))).isEmpty();
    assertThat(engine.evaluate(prospect.id(), day(21))).isEqualTo(engine.evaluate(prospect.id(), day(21)))
        .hasSize(1);
  }

  @Test
  void closingTheBatchStreamClosesTheCustomerStreamBehindIt() {
    register();
    AtomicBoolean closed = new AtomicBoolean();
    Customers customers = store.customers();
    Customers watched = new Customers() {
      @Override
      public Customer save(Customer customer) {
        return customers.save(customer);
      }

      @Override
      public Optional<Customer> findById(CustomerId id) {
        return customers.findById(id);
      }

      @Override
      public Optional<Customer> findByExternalReference(ExternalReference reference) {
        return customers.findByExternalReference(reference);
      }

      @Override
      public Page<Customer> find(Criteria criteria, Sort sort, PageRequest page) {
        return customers.find(criteria, sort, page);
      }

      @Override
      public long count(Criteria criteria) {
        return customers.count(criteria);
      }

      @Override
      public Stream<Customer> stream(Criteria criteria) {
        return customers.stream(criteria).onClose(() -> closed.set(true));
      }
    };
    LifecycleEngine watching = LifecycleEngine.builder().customers(watched).purchases(store.purchases())
        .history(history).clock(clock).build();

    try (Stream<DueMove> changes = watching.evaluateAll(day(100))) {
      assertThat(changes).hasSize(1);
    }

    assertThat(closed).isTrue();
  }

  private Customer activeCustomer() {
    Customer c = register();
    buy(c.id(), day(1));
    buy(c.id(), day(11));
    applyAllAt(day(12));
    return crm.get(c.id());
  }

  private LifecycleEngine.Report applyAllAt(Instant asOf) {
    clock.set(asOf);
    return engine.applyAll(asOf, "nightly");
  }

  private Customer register() {
    return crm.register(NewCustomer.person("Li", "Na").build());
  }

  private void buy(CustomerId id, Instant at) {
    crm.recordPurchase(crm.newPurchase(id).amount(Money.of(CurrencyUnit.of("CNY"), 100)).occurredAt(at)
        .channel("online").build());
  }

  private static Instant day(int n) {
    return T0.plus(Duration.ofDays(n));
  }
}
