package io.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import io.crmkit.core.memory.InMemoryExtensions;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.Crm;
import io.crmkit.core.common.ConcurrentUpdateException;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.CrmValidator;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.memory.InMemoryCrmStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import net.jqwik.api.statistics.Statistics;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Stages move only through the lifecycle: whatever a caller does through the {@link Crm} facade
 * and the {@link LifecycleEngine} (register customers in any stage, update them with random
 * changes, the stage among them, from fresh or stale copies, fire any trigger, record purchases,
 * apply the automatic rules), every customer's history explains their stage.
 *
 * <p>"Explains" is checked against a model, not only against {@link LifecycleEngine#replay}
 * (which, without history, reads the stored stage): a customer without history is still in the
 * stage the test registered them in; otherwise their history is a chain that starts there, in
 * rising versions, and ends in the stored stage.
 */
class StageHistoryProperties {
  private static final CrmValidator VALIDATOR = CrmValidator.create();
  private static final LifecycleStage LEGACY = LifecycleStage.of("LEGACY");
  private static final List<LifecycleStage> STAGES = List.of(LifecycleStage.PROSPECT, LifecycleStage.DECIDING,
      LifecycleStage.NEW, LifecycleStage.ACTIVE, LifecycleStage.AT_RISK, LifecycleStage.CHURNED,
      LifecycleStage.WON_BACK, LifecycleStage.DISQUALIFIED, LEGACY);
  private static final List<Trigger> TRIGGERS = List.of(Trigger.EVALUATION_STARTED, Trigger.FIRST_PURCHASE,
      Trigger.REPEAT_PURCHASE, Trigger.INACTIVITY, Trigger.COMPLAINT, Trigger.CHURN_SIGNAL, Trigger.STAGE_TIMEOUT,
      Trigger.WIN_BACK_PURCHASE, Trigger.MANUAL);

  @Property(tries = 100)
  void noSequenceOfFacadeAndEngineCallsLeavesAStageHistoryDoesNotExplain(
      @ForAll("worlds") ActionChain<World> chain) {
    World end = chain.withInvariant("history explains every stage", World::checkHistoryExplainsEveryStage).run();
    Statistics.label("an update tried to change a stage").collect(end.stageChangesRefused > 0)
        .coverage(coverage -> coverage.check(true).percentage(p -> p >= 50));
    Statistics.label("some customer moved").collect(end.moves > 0)
        .coverage(coverage -> coverage.check(true).percentage(p -> p >= 50));
  }

  @Provide
  Arbitrary<ActionChain<World>> worlds() {
    return ActionChain.startWith(World::new)
        .withAction(2, register())
        .withAction(4, update())
        .withAction(4, fire())
        .withAction(2, buy())
        .withAction(1, applyAll())
        .withMaxTransformations(40);
  }

  private static Action.Independent<World> register() {
    Arbitrary<LifecycleStage> stages = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(LifecycleStage.PROSPECT)), Tuple.of(3, Arbitraries.of(STAGES)));
    return () -> stages.map(stage -> Transformer.mutate("register in " + stage, world -> world.register(stage)));
  }

  private static Action.Dependent<World> update() {
    return world -> Combinators.combine(
        Arbitraries.integers().between(0, world.customers.size() - 1),
        Arbitraries.of(STAGES).injectNull(0.4),
        Arbitraries.of(ValueTier.VIP, ValueTier.HIGH, ValueTier.LOW),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
        Arbitraries.frequency(Tuple.of(1, true), Tuple.of(4, false))
    ).as((index, stage, tier, tag, stale) -> Transformer.mutate(
        "update #" + index + (stale ? " from the copy last read" : "") + ": tier " + tier + ", tag " + tag
            + (stage == null ? "" : ", stage " + stage),
        w -> w.update(index, stage, tier, tag, stale)));
  }

  private static Action.Dependent<World> fire() {
    return world -> Combinators.combine(
        Arbitraries.integers().between(0, world.customers.size() - 1),
        Arbitraries.of(TRIGGERS),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10).injectNull(0.3)
    ).as((index, trigger, reason) -> Transformer.mutate(
        "fire " + trigger + " for #" + index + (reason == null ? "" : " because " + reason),
        w -> w.fire(index, trigger, reason)));
  }

  private static Action.Dependent<World> buy() {
    return world -> Arbitraries.integers().between(0, world.customers.size() - 1)
        .map(index -> Transformer.mutate("#" + index + " buys", w -> w.buy(index)));
  }

  private static Action.Independent<World> applyAll() {
    return () -> Arbitraries.integers().between(1, 120)
        .map(days -> Transformer.mutate("apply the rules " + days + " days later", w -> w.applyAll(days)));
  }

  /** One registered customer as the test saw them: where registration put them, and the copy last read. */
  private static final class Registered {
    final LifecycleStage registeredIn;
    Customer lastRead;

    Registered(Customer customer) {
      this.registeredIn = customer.stage();
      this.lastRead = customer;
    }
  }

  /** A facade and an engine over one in-memory store, and the customers registered so far. */
  static final class World {
    private final TestClock clock = new TestClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final Crm crm;
    private final LifecycleEngine engine;
    final List<Registered> customers = new ArrayList<>();
    int stageChangesRefused;
    int moves;

    World() {
      InMemoryCrmStore store = InMemoryCrmStore.create();
      crm = Crm.builder().store(store).clock(clock).validator(VALIDATOR).build();
      engine = LifecycleEngine.builder().store(store.attach(InMemoryExtensions.lifecycle())).clock(clock).validator(VALIDATOR).build();
      register(LifecycleStage.PROSPECT);
    }

    void register(LifecycleStage stage) {
      clock.advance(Duration.ofHours(1));
      customers.add(new Registered(crm.register(NewCustomer.person("Li", "Na").stage(stage).build())));
    }

    void update(int index, LifecycleStage stage, ValueTier tier, String tag, boolean stale) {
      clock.advance(Duration.ofHours(1));
      Registered registered = customers.get(index);
      Customer stored = crm.get(registered.lastRead.id());
      Customer copy = stale ? registered.lastRead : stored;
      Customer changed = new Customer.Builder().from(copy).tier(tier).addTag(tag)
          .stage(stage == null ? copy.stage() : stage).build();
      if (copy.version() != stored.version()) {
        assertThatThrownBy(() -> crm.update(changed)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(crm.get(stored.id())).isEqualTo(stored);
      } else if (!changed.stage().equals(stored.stage())) {
        stageChangesRefused++;
        assertThatThrownBy(() -> crm.update(changed)).isInstanceOfSatisfying(CrmValidationException.class,
            e -> assertThat(e.violations()).singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo("stage-change-outside-lifecycle")));
        assertThat(crm.get(stored.id())).isEqualTo(stored);
      } else {
        registered.lastRead = crm.update(changed);
      }
    }

    void fire(int index, Trigger trigger, String reason) {
      clock.advance(Duration.ofHours(1));
      Registered registered = customers.get(index);
      try {
        FireResult result = engine.fire(registered.lastRead.id(), trigger, "tester", reason);
        if (result.moved()) {
          moves++;
          registered.lastRead = result.customer();
        }
      } catch (IllegalTransitionException | CrmValidationException e) {
        // Not allowed from this stage, or a manual move without a reason: refused, nothing written.
      }
    }

    void buy(int index) {
      clock.advance(Duration.ofHours(1));
      crm.recordPurchase(crm.newPurchase(customers.get(index).lastRead.id()).amount(Money.of(CurrencyUnit.EUR, 10))
          .occurredAt(clock.instant().minusSeconds(1)).channel("web").build());
    }

    void applyAll(int days) {
      clock.advance(Duration.ofDays(days));
      LifecycleEngine.Report report = engine.applyAll(clock.instant(), "evaluator");
      assertThat(report.rejected()).isEmpty();
      moves += report.applied().size();
    }

    void checkHistoryExplainsEveryStage() {
      for (Registered registered : customers) {
        Customer stored = crm.get(registered.lastRead.id());
        List<HistoryEntry> history = engine.history(stored.id());
        LifecycleStage expected = registered.registeredIn;
        long version = 0;
        for (HistoryEntry entry : history) {
          assertThat(entry.from()).as("each entry starts where the one before ended").isEqualTo(expected);
          assertThat(entry.customerVersion()).as("versions rise").isGreaterThan(version);
          expected = entry.to();
          version = entry.customerVersion();
        }
        assertThat(stored.stage()).as("history (or registration) explains the stage of " + stored.id())
            .isEqualTo(expected);
        assertThat(engine.replay(stored.id())).isEqualTo(stored.stage());
        assertThat(engine.reconcile(stored.id(), "tester")).as("nothing to reconcile").isEqualTo(Optional.empty());
      }
    }

    @Override
    public String toString() {
      return "World with " + customers.size() + " customers";
    }
  }
}
