package io.crmkit.core.lifecycle;

import static io.crmkit.core.customer.LifecycleStage.ACTIVE;
import io.crmkit.core.memory.InMemoryExtensions;
import static io.crmkit.core.customer.LifecycleStage.AT_RISK;
import static io.crmkit.core.customer.LifecycleStage.CHURNED;
import static io.crmkit.core.customer.LifecycleStage.DECIDING;
import static io.crmkit.core.customer.LifecycleStage.DISQUALIFIED;
import static io.crmkit.core.customer.LifecycleStage.NEW;
import static io.crmkit.core.customer.LifecycleStage.PROSPECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.Crm;
import io.crmkit.core.common.ConcurrentUpdateException;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerNotFoundException;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.event.CustomerUpdated;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.event.StageChanged;
import io.crmkit.core.memory.InMemoryCrmStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LifecycleEngineTest {
  private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
  private static final LifecycleStage LEAD = LifecycleStage.of("LEAD");
  private static final LifecycleStage CLIENT = LifecycleStage.of("CLIENT");
  private static final LifecycleStage LOST = LifecycleStage.of("LOST");

  private final TestClock clock = new TestClock(T0);
  private final AtomicLong sequence = new AtomicLong();
  private final InMemoryCrmStore store = InMemoryCrmStore.create();
  private final LifecycleHistory history = InMemoryCrmStore.create().attach(InMemoryExtensions.lifecycle()).lifecycleHistory();
  private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
  private Crm crm;
  private LifecycleEngine engine;

  @BeforeEach
  void setUp() {
    store.events().subscribe(events::add);
    crm = Crm.builder().store(store).clock(clock).ids(() -> new UUID(0, sequence.incrementAndGet())).build();
    engine = engine(Lifecycle.standard());
  }

  @Test
  void firingATriggerSavesTheNewStageRecordsTheMoveAndPublishesStageChanged() {
    Customer prospect = register();
    clock.advance(Duration.ofHours(1));

    FireResult result = engine.fire(prospect.id(), Trigger.EVALUATION_STARTED, "alice", "asked for a quote");

    assertThat(result).isInstanceOfSatisfying(FireResult.Moved.class, moved -> {
      assertThat(moved.customer().stage()).isEqualTo(DECIDING);
      assertThat(moved.customer().version()).isEqualTo(2);
      assertThat(moved.customer().updatedAt()).isEqualTo(clock.instant());
      assertThat(moved.entry()).isEqualTo(new HistoryEntry(prospect.id(), 2, PROSPECT, DECIDING,
          Trigger.EVALUATION_STARTED, clock.instant(), "alice", Optional.of("asked for a quote")));
    });
    assertThat(crm.get(prospect.id()).stage()).isEqualTo(DECIDING);
    assertThat(engine.history(prospect.id())).containsExactly(((FireResult.Moved) result).entry());
    assertThat(engine.replay(prospect.id())).isEqualTo(DECIDING);
    assertThat(events).last().isInstanceOfSatisfying(StageChanged.class, e -> {
      assertThat(e.customerId()).isEqualTo(prospect.id());
      assertThat(e.from()).isEqualTo(PROSPECT);
      assertThat(e.to()).isEqualTo(DECIDING);
      assertThat(e.trigger()).isEqualTo("EVALUATION_STARTED");
      assertThat(e.version()).isEqualTo(2);
    });
  }

  @Test
  void anIllegalTriggerFailsNamingTheCurrentStageAndTheAllowedTriggersAndWritesNothing() {
    Customer prospect = register();
    int eventsBefore = events.size();

    assertThatThrownBy(() -> engine.fire(prospect.id(), Trigger.REPEAT_PURCHASE, "alice", null))
        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
          assertThat(e.currentStage()).isEqualTo(PROSPECT);
          assertThat(e.trigger()).isEqualTo(Trigger.REPEAT_PURCHASE);
          assertThat(e.allowedTriggers()).containsExactlyInAnyOrder(Trigger.EVALUATION_STARTED,
              Trigger.FIRST_PURCHASE, Trigger.STAGE_TIMEOUT, Trigger.MANUAL);
          assertThat(e.getMessage()).isEqualTo("Trigger REPEAT_PURCHASE is not allowed for customer "
              + prospect.id() + " in stage PROSPECT; allowed from PROSPECT: EVALUATION_STARTED, FIRST_PURCHASE, "
              + "STAGE_TIMEOUT, MANUAL");
        });
    assertThat(crm.get(prospect.id())).isEqualTo(prospect);
    assertThat(engine.history(prospect.id())).isEmpty();
    assertThat(events).hasSize(eventsBefore);
  }

  @Test
  void aTerminalStageRefusesEveryTriggerAndSaysSo() {
    Customer prospect = register();
    engine.fire(prospect.id(), Trigger.MANUAL, "alice", "not a real company");

    assertThatThrownBy(() -> engine.fire(prospect.id(), Trigger.FIRST_PURCHASE, "alice", null))
        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
          assertThat(e.currentStage()).isEqualTo(DISQUALIFIED);
          assertThat(e.allowedTriggers()).isEmpty();
          assertThat(e.getMessage()).contains("stage DISQUALIFIED: the stage is terminal; no trigger leaves it");
        });
  }

  @Test
  void aStageOutsideTheLifecycleAllowsNoTrigger() {
    Customer odd = crm.register(NewCustomer.person("Li", "Na").stage(LifecycleStage.of("LEGACY")).build());

    assertThatThrownBy(() -> engine.fire(odd.id(), Trigger.FIRST_PURCHASE, "alice", null))
        .isInstanceOfSatisfying(IllegalTransitionException.class,
            e -> assertThat(e.getMessage()).contains("the lifecycle does not define that stage"));
  }

  @Test
  void aManualMoveNeedsAReason() {
    Customer prospect = register();

    assertThatThrownBy(() -> engine.fire(prospect.id(), Trigger.MANUAL, "alice", null))
        .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.violations())
            .singleElement().satisfies(v -> assertThat(v.rule()).isEqualTo("reason-required")));
    assertThat(crm.get(prospect.id()).stage()).isEqualTo(PROSPECT);
  }

  @Test
  void aBlankActorOrAControlCharacterInTheReasonIsRejected() {
    Customer prospect = register();

    assertThatThrownBy(() -> engine.fire(prospect.id(), Trigger.MANUAL, " ", "bad\u0000reason"))
        .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.violations())
            .extracting(v -> v.path()).containsExactly("actor", "reason"));
  }

  @Test
  void firingForAnUnknownCustomerFails() {
    CustomerId nobody = CustomerId.of(new UUID(9, 9));

    assertThatThrownBy(() -> engine.fire(nobody, Trigger.FIRST_PURCHASE, "alice", null))
        .isInstanceOf(CustomerNotFoundException.class);
  }

  @Test
  void aGuardThatRefusesLeavesCustomerHistoryAndEventsUnchanged() {
    engine = engine(clientLifecycle(Transition.of(LEAD, Trigger.FIRST_PURCHASE, CLIENT)
        .guardedBy("at least two purchases", (customer, activity) -> activity.purchaseCount() >= 2)));
    Customer lead = crm.register(NewCustomer.person("Li", "Na").stage(LEAD).build());
    buy(lead.id(), T0.minus(Duration.ofDays(2)));
    int eventsBefore = events.size();

    FireResult result = engine.fire(lead.id(), Trigger.FIRST_PURCHASE, "alice", null);

    assertThat(result).isInstanceOfSatisfying(FireResult.Blocked.class, blocked -> {
      assertThat(blocked.customer()).isEqualTo(lead);
      assertThat(blocked.stage()).isEqualTo(LEAD);
      assertThat(blocked.explanation()).endsWith("but its guard refused: at least two purchases");
    });
    assertThat(crm.get(lead.id())).isEqualTo(lead);
    assertThat(engine.history(lead.id())).isEmpty();
    assertThat(events).hasSize(eventsBefore);

    buy(lead.id(), T0.minusSeconds(30));
    assertThat(engine.fire(lead.id(), Trigger.FIRST_PURCHASE, "alice", null).moved()).isTrue();
  }

  @Test
  void firingFromAStaleCopyFailsWithAConcurrentUpdate() {
    Customer read = register();
    engine.fire(read.id(), Trigger.EVALUATION_STARTED, "bob", null);

    assertThatThrownBy(() -> engine.fire(read, Trigger.MANUAL, "alice", "spam"))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThat(crm.get(read.id()).stage()).isEqualTo(DECIDING);
    assertThat(engine.history(read.id())).hasSize(1);
  }

  @Test
  void ofTwoConcurrentMovesOfOneCustomerExactlyOneSucceeds() throws Exception {
    // Both threads start together; the slow guard keeps the first move open while the second arrives.
    CyclicBarrier start = new CyclicBarrier(2);
    Transition.Guard slow = (customer, activity) -> {
      try {
        Thread.sleep(50);
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    };
    engine = engine(Lifecycle.builder().stages(LEAD, CLIENT, LOST).terminal(CLIENT, LOST)
        .transition(Transition.of(LEAD, Trigger.FIRST_PURCHASE, CLIENT).guardedBy("slow", slow))
        .transition(Transition.of(LEAD, Trigger.MANUAL, LOST).guardedBy("slow", slow))
        .build());
    Customer lead = crm.register(NewCustomer.person("Li", "Na").stage(LEAD).build());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<FireResult> buys = pool.submit(() -> {
        start.await(10, TimeUnit.SECONDS);
        return engine.fire(lead.id(), Trigger.FIRST_PURCHASE, "shop", null);
      });
      Future<FireResult> drops = pool.submit(() -> {
        start.await(10, TimeUnit.SECONDS);
        return engine.fire(lead.id(), Trigger.MANUAL, "alice", "spam");
      });
      List<Object> outcomes = new ArrayList<>();
      for (Future<FireResult> f : List.of(buys, drops)) {
        try {
          outcomes.add(f.get(20, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException e) {
          outcomes.add(e.getCause());
        }
      }

      assertThat(outcomes).filteredOn(FireResult.class::isInstance).hasSize(1);
      // The loser either read the customer before the winner saved (stale) or after (no such move any more).
      assertThat(outcomes).filteredOn(o -> o instanceof ConcurrentUpdateException
          || o instanceof IllegalTransitionException).hasSize(1);
      Customer stored = crm.get(lead.id());
      assertThat(stored.version()).isEqualTo(2);
      assertThat(engine.history(lead.id())).singleElement()
          .satisfies(move -> assertThat(move.to()).isEqualTo(stored.stage()));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void actionsChangeTheCustomerInTheSameWriteAndTheChangeIsAnnounced() {
    engine = engine(clientLifecycle(Transition.of(LEAD, Trigger.FIRST_PURCHASE, CLIENT)
        .withAction((customer, move) -> customer.withOwner("key-accounts"))));
    Customer lead = crm.register(NewCustomer.person("Li", "Na").stage(LEAD).build());

    FireResult.Moved moved = (FireResult.Moved) engine.fire(lead.id(), Trigger.FIRST_PURCHASE, "shop", null);

    assertThat(moved.customer().owner()).contains("key-accounts");
    assertThat(moved.customer().version()).isEqualTo(2);
    assertThat(crm.get(lead.id())).isEqualTo(moved.customer());
    assertThat(events).filteredOn(CustomerUpdated.class::isInstance).last()
        .satisfies(e -> assertThat(((CustomerUpdated) e).changedAttributes()).containsExactly("owner"));
  }

  @Test
  void anActionThatChangesTheStageIsRefusedAndNothingIsWritten() {
    engine = engine(clientLifecycle(Transition.of(LEAD, Trigger.FIRST_PURCHASE, CLIENT)
        .withAction((customer, move) -> customer.withStage(LOST))));
    Customer lead = crm.register(NewCustomer.person("Li", "Na").stage(LEAD).build());

    assertThatThrownBy(() -> engine.fire(lead.id(), Trigger.FIRST_PURCHASE, "shop", null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("only the engine may change");
    assertThat(crm.get(lead.id())).isEqualTo(lead);
    assertThat(engine.history(lead.id())).isEmpty();
  }

  @Test
  void anActionReturningNullIsRefusedAsAnIllegalStateAndNothingIsWritten() {
    engine = engine(clientLifecycle(Transition.of(LEAD, Trigger.FIRST_PURCHASE, CLIENT)
        .withAction((customer, move) -> null)));
    Customer lead = crm.register(NewCustomer.person("Li", "Na").stage(LEAD).build());

    assertThatThrownBy(() -> engine.fire(lead.id(), Trigger.FIRST_PURCHASE, "shop", null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("returned null");
    assertThat(crm.get(lead.id())).isEqualTo(lead);
    assertThat(engine.history(lead.id())).isEmpty();
  }

  @Test
  void anActionProducingAnInvalidCustomerIsRejectedWithItsViolations() {
    engine = engine(clientLifecycle(Transition.of(LEAD, Trigger.FIRST_PURCHASE, CLIENT)
        .withAction((customer, move) -> customer.withOwner(" "))));
    Customer lead = crm.register(NewCustomer.person("Li", "Na").stage(LEAD).build());

    assertThatThrownBy(() -> engine.fire(lead.id(), Trigger.FIRST_PURCHASE, "shop", null))
        .isInstanceOf(CrmValidationException.class).hasMessageContaining("owner");
    assertThat(crm.get(lead.id())).isEqualTo(lead);
  }

  @Test
  void reconcileRecordsAStageChangedOutsideCrmkitSoReplayYieldsItAgain() {
    Customer customer = register();
    engine.fire(customer.id(), Trigger.FIRST_PURCHASE, "shop", null);
    clock.advance(Duration.ofDays(3));
    // The host's own SQL moves the customer past crmkit; here, straight through the storage port.
    Customer updated = store.customers().save(crm.get(customer.id()).withStage(ACTIVE).withUpdatedAt(clock.instant()));
    assertThat(engine.replay(customer.id())).isEqualTo(NEW);

    Optional<HistoryEntry> entry = engine.reconcile(customer.id(), "data-team");

    assertThat(entry).hasValueSatisfying(move -> {
      assertThat(move.from()).isEqualTo(NEW);
      assertThat(move.to()).isEqualTo(ACTIVE);
      assertThat(move.trigger()).isEqualTo(Trigger.RECONCILED);
      assertThat(move.customerVersion()).isEqualTo(updated.version());
      assertThat(move.at()).isEqualTo(updated.updatedAt());
    });
    assertThat(engine.replay(customer.id())).isEqualTo(ACTIVE);
    assertThat(engine.reconcile(customer.id(), "data-team")).isEmpty();
    assertThat(crm.get(customer.id())).isEqualTo(updated);
  }

  @Test
  void aCustomerRegisteredInTheInitialStageNeedsNoHistoryEntry() {
    Customer prospect = register();

    assertThat(engine.history(prospect.id())).isEmpty();
    assertThat(engine.replay(prospect.id())).isEqualTo(PROSPECT);
    assertThat(engine.reconcile(prospect.id(), "data-team")).isEmpty();
  }

  @Test
  void aCustomerRegisteredInALaterStageIsInItWithoutHistoryAndNeedsNoReconciling() {
    Customer imported = crm.register(NewCustomer.person("Li", "Na").stage(ACTIVE).build());

    assertThat(engine.history(imported.id())).isEmpty();
    assertThat(engine.replay(imported.id())).isEqualTo(ACTIVE);
    assertThat(engine.reconcile(imported.id(), "data-team")).isEmpty();

    clock.advance(Duration.ofDays(1));
    engine.fire(imported.id(), Trigger.COMPLAINT, "support", null);

    assertThat(engine.history(imported.id())).singleElement().satisfies(entry -> {
      assertThat(entry.from()).as("history starts where registration put the customer").isEqualTo(ACTIVE);
      assertThat(entry.to()).isEqualTo(AT_RISK);
    });
    assertThat(engine.replay(imported.id())).isEqualTo(AT_RISK);
  }

  @Test
  void replayingAnUnknownCustomerWithoutHistoryFailsWithNotFound() {
    assertThatThrownBy(() -> engine.replay(CustomerId.of(new UUID(9, 9))))
        .isInstanceOf(CustomerNotFoundException.class);
  }

  @Test
  void aStandardCustomerJourneyReplaysToItsStageAtEveryStep() {
    Customer c = register();
    List<Trigger> journey = List.of(Trigger.EVALUATION_STARTED, Trigger.FIRST_PURCHASE, Trigger.REPEAT_PURCHASE,
        Trigger.COMPLAINT, Trigger.STAGE_TIMEOUT, Trigger.WIN_BACK_PURCHASE, Trigger.INACTIVITY,
        Trigger.REPEAT_PURCHASE);
    for (Trigger trigger : journey) {
      clock.advance(Duration.ofDays(1));
      engine.fire(c.id(), trigger, "journey", null);
      assertThat(engine.replay(c.id())).isEqualTo(crm.get(c.id()).stage());
    }

    assertThat(engine.history(c.id())).extracting(HistoryEntry::to)
        .containsExactly(DECIDING, NEW, ACTIVE, AT_RISK, CHURNED, LifecycleStage.WON_BACK, AT_RISK, ACTIVE);
    assertThat(crm.get(c.id()).version()).isEqualTo(1 + journey.size());
  }

  @Test
  void engineNeedsCustomersPurchasesAndHistory() {
    assertThatThrownBy(() -> LifecycleEngine.builder().customers(store.customers()).purchases(store.purchases())
        .build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("history");
    assertThatThrownBy(() -> LifecycleEngine.builder().history(history).build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("customers");
  }

  @Test
  void aStoreAloneGivesTheEngineItsHistoryAndChurnSignalsUnlessOthersAreSet() {
    Customer prospect = register();
    LifecycleEngine fromStore = LifecycleEngine.builder().store(store.attach(InMemoryExtensions.lifecycle())).clock(clock).build();

    fromStore.fire(prospect.id(), Trigger.EVALUATION_STARTED, "alice", null);

    assertThat(store.attach(InMemoryExtensions.lifecycle()).lifecycleHistory().forCustomer(prospect.id())).singleElement()
        .extracting(HistoryEntry::to).isEqualTo(DECIDING);
    assertThat(history.forCustomer(prospect.id())).isEmpty();

    buy(prospect.id(), clock.instant());
    clock.advance(Duration.ofHours(1));
    LifecycleEngine ownHistoryFirst = LifecycleEngine.builder().history(history).store(store.attach(InMemoryExtensions.lifecycle())).clock(clock).build();
    ownHistoryFirst.fire(prospect.id(), Trigger.FIRST_PURCHASE, "alice", null);
    assertThat(history.forCustomer(prospect.id())).singleElement().extracting(HistoryEntry::to).isEqualTo(NEW);
    assertThat(store.attach(InMemoryExtensions.lifecycle()).lifecycleHistory().forCustomer(prospect.id())).hasSize(1);

    clock.advance(Duration.ofHours(1));
    store.attach(InMemoryExtensions.lifecycle()).churnSignals().record(new ChurnSignal(prospect.id(), 0.05, clock.instant(), "bg-nbd"));
    clock.advance(Duration.ofDays(1));
    assertThat(ownHistoryFirst.evaluate(prospect.id(), clock.instant()))
        .extracting(DueMove::trigger).containsExactly(Trigger.CHURN_SIGNAL);
  }

  private Lifecycle clientLifecycle(Transition leadToClient) {
    return Lifecycle.builder().stages(LEAD, CLIENT, LOST).terminal(LOST)
        .transition(leadToClient)
        .transition(Transition.of(LEAD, Trigger.MANUAL, LOST).requiringReason())
        .transition(CLIENT, Trigger.MANUAL, LOST)
        .build();
  }

  private LifecycleEngine engine(Lifecycle lifecycle) {
    return LifecycleEngine.builder().lifecycle(lifecycle).store(store.attach(InMemoryExtensions.lifecycle())).history(history).clock(clock)
        .ids(() -> new UUID(1, sequence.incrementAndGet())).build();
  }

  private Customer register() {
    return crm.register(NewCustomer.person("Li", "Na").build());
  }

  private void buy(CustomerId id, Instant at) {
    crm.recordPurchase(crm.newPurchase(id).amount(Money.of(CurrencyUnit.of("CNY"), 100)).occurredAt(at)
        .channel("online").build());
  }
}
