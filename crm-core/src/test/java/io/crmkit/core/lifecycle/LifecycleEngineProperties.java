package io.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import io.crmkit.core.memory.InMemoryExtensions;

import io.crmkit.core.Crm;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.CrmValidator;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.memory.InMemoryCrmStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Action-based properties of the engine: random sequences of triggers (allowed or not, with or
 * without a reason), changes to what guards look at, and purchases, on the standard lifecycle
 * and on random well-formed ones with guarded transitions.
 */
class LifecycleEngineProperties {
  private static final CrmValidator VALIDATOR = CrmValidator.create();
  private static final Trigger UNKNOWN = Trigger.of("NOT_IN_ANY_LIFECYCLE");

  @Property(tries = 100)
  void noSequenceOfTriggersReachesAnUndefinedStageOrLeavesATerminalStage(@ForAll("journeys") ActionChain<Journey> chain) {
    chain.withInvariant("the stage is one of the lifecycle's", j -> assertThat(j.lifecycle.defines(j.stage())).isTrue())
        .withInvariant("a terminal stage is never left", Journey::checkTerminalNeverLeft)
        .run();
  }

  @Property(tries = 100)
  void replayingTheHistoryAlwaysYieldsTheCurrentStage(@ForAll("journeys") ActionChain<Journey> chain) {
    Journey end = chain
        .withInvariant("replay yields the stored stage", j -> assertThat(j.engine.replay(j.id)).isEqualTo(j.stage()))
        .withInvariant("each entry starts where the previous ended", Journey::checkHistoryIsAChain)
        .run();
    Statistics.label("evaluation moved the customer").collect(end.evaluatedMoves > 0)
        .coverage(coverage -> coverage.check(true).percentage(p -> p >= 30));
  }

  @Property(tries = 100)
  void aMoveItsGuardRefusesChangesNothing(@ForAll("journeys") ActionChain<Journey> chain) {
    // Journey.fire asserts, for every blocked move, that customer, version, history and events are unchanged.
    // Journey.fire also asserts that every guarded move that happened was allowed by its guard.
    Journey end = chain.run();
    // About a quarter of journeys meet a refusing guard; 5% keeps the check far from flaky.
    Statistics.label("some move was blocked").collect(end.blocked > 0)
        .coverage(coverage -> coverage.check(true).percentage(p -> p >= 5));
  }

  @Provide
  Arbitrary<ActionChain<Journey>> journeys() {
    Arbitrary<Lifecycle> lifecycles = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(Lifecycle.standard())),
        Tuple.of(4, LifecycleSpecs.wellFormed().map(spec -> spec.builder().build())));
    return lifecycles.flatMap(lifecycle -> ActionChain.<Journey>startWith(() -> new Journey(lifecycle))
        .withAction(6, fire(lifecycle))
        .withAction(1, Action.<Journey>builder().describeAs("toggle the open tag").justMutate(Journey::toggleOpen))
        .withAction(1, Action.<Journey>builder().describeAs("buy").justMutate(Journey::buy))
        .withAction(2, evaluate())
        .withMaxTransformations(30));
  }

  private static Action.Independent<Journey> fire(Lifecycle lifecycle) {
    Set<Trigger> known = new LinkedHashSet<>();
    lifecycle.transitions().forEach(t -> known.add(t.trigger()));
    known.add(UNKNOWN);
    Arbitrary<String> reasons = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).injectNull(0.4);
    return () -> Combinators.combine(Arbitraries.of(known), reasons).as((trigger, reason) ->
        Transformer.mutate("fire " + trigger + (reason == null ? "" : " because " + reason),
            journey -> journey.fire(trigger, reason)));
  }

  private static Action.Independent<Journey> evaluate() {
    return () -> Arbitraries.integers().between(1, 120).map(days ->
        Transformer.mutate("evaluate " + days + " days later", journey -> journey.evaluate(days)));
  }

  /**
   * Automatic rules for a lifecycle: the standard ones for the standard lifecycle; otherwise a
   * time limit per transition (5, 8, 11, ... days in its source stage fire its trigger), so that
   * evaluation moves random journeys too.
   */
  private static List<LifecycleRule> rulesFor(Lifecycle lifecycle) {
    if (lifecycle == Lifecycle.standard()) {
      return LifecycleRules.standard();
    }
    List<LifecycleRule> rules = new ArrayList<>();
    List<Transition> transitions = lifecycle.transitions();
    for (int i = 0; i < transitions.size(); i++) {
      Transition t = transitions.get(i);
      rules.add(LifecycleRules.stageTimeLimit(t.from(), Duration.ofDays(5 + 3L * i), t.trigger()));
    }
    return rules;
  }

  /** One customer on one lifecycle, and what the test saw happen to them. */
  static final class Journey {
    final Lifecycle lifecycle;
    final LifecycleEngine engine;
    final CustomerId id;
    private final Crm crm;
    private final TestClock clock = new TestClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final LifecycleHistory history = InMemoryCrmStore.create().attach(InMemoryExtensions.lifecycle()).lifecycleHistory();
    private final List<DomainEvent> events = new ArrayList<>();
    private LifecycleStage terminalReached;
    int moved;
    int blocked;
    int refused;
    int evaluatedMoves;

    Journey(Lifecycle lifecycle) {
      this.lifecycle = lifecycle;
      InMemoryCrmStore store = InMemoryCrmStore.create();
      store.events().subscribe(events::add);
      crm = Crm.builder().store(store).clock(clock).validator(VALIDATOR).build();
      engine = LifecycleEngine.builder().lifecycle(lifecycle).rules(rulesFor(lifecycle)).store(store.attach(InMemoryExtensions.lifecycle()))
          .history(history).clock(clock).build();
      id = crm.register(NewCustomer.person("Li", "Na").stage(lifecycle.initialStage()).build()).id();
    }

    LifecycleStage stage() {
      return crm.get(id).stage();
    }

    void fire(Trigger trigger, String reason) {
      clock.advance(Duration.ofHours(1));
      Customer before = crm.get(id);
      List<HistoryEntry> historyBefore = engine.history(id);
      int eventsBefore = events.size();
      Transition transition = lifecycle.transition(before.stage(), trigger).orElse(null);
      boolean guardAllows = transition == null || transition.guard().allows(before, ActivitySummary.of(id,
          crm.purchases(id, TimeRange.until(clock.instant())), clock.instant()));
      try {
        FireResult result = engine.fire(id, trigger, "tester", reason);
        if (result instanceof FireResult.Moved m) {
          moved++;
          assertThat(transition).as("moved without a transition").isNotNull();
          assertThat(guardAllows).as("moved although the guard refuses").isTrue();
          assertThat(m.customer().stage()).isEqualTo(transition.to());
          assertThat(m.customer().version()).isEqualTo(before.version() + 1);
          assertThat(engine.history(id)).hasSize(historyBefore.size() + 1).last().isEqualTo(m.entry());
        } else {
          blocked++;
          assertThat(transition.isGuarded() && !guardAllows).as("blocked although the guard allows").isTrue();
          assertUnchanged(before, historyBefore, eventsBefore);
        }
      } catch (IllegalTransitionException e) {
        refused++;
        assertThat(transition).as("refused although allowed").isNull();
        assertThat(e.currentStage()).isEqualTo(before.stage());
        assertThat(e.allowedTriggers()).isEqualTo(lifecycle.triggersFrom(before.stage()));
        assertUnchanged(before, historyBefore, eventsBefore);
      } catch (CrmValidationException e) {
        refused++;
        assertThat(transition.reasonRequired() && reason == null).as("rejected: " + e.getMessage()).isTrue();
        assertUnchanged(before, historyBefore, eventsBefore);
      }
    }

    void evaluate(int days) {
      clock.advance(Duration.ofDays(days));
      Instant asOf = clock.instant();
      Customer before = crm.get(id);
      ActivitySummary activity = ActivitySummary.of(id, crm.purchases(id, TimeRange.until(asOf)), asOf);

      LifecycleEngine.Report report = engine.applyAll(asOf, "evaluator");

      assertThat(report.rejected()).isEmpty();
      for (DueMove change : report.applied()) {
        Transition transition = lifecycle.transition(change.from(), change.trigger()).orElseThrow();
        assertThat(transition.to()).isEqualTo(change.to());
        assertThat(transition.guard().allows(before, activity)).as("evaluation moved past a refusing guard").isTrue();
        assertThat(change.at()).isBeforeOrEqualTo(asOf);
      }
      moved += report.applied().size();
      evaluatedMoves += report.applied().size();
    }

    void toggleOpen() {
      Customer customer = crm.get(id);
      Set<String> tags = new LinkedHashSet<>(customer.tags());
      if (!tags.remove(LifecycleSpecs.OPEN_TAG)) {
        tags.add(LifecycleSpecs.OPEN_TAG);
      }
      crm.update(new Customer.Builder().from(customer).tags(tags).build());
    }

    void buy() {
      clock.advance(Duration.ofHours(1));
      crm.recordPurchase(crm.newPurchase(id).amount(Money.of(CurrencyUnit.EUR, 10))
          .occurredAt(clock.instant().minusSeconds(1)).channel("web").build());
    }

    void checkTerminalNeverLeft() {
      LifecycleStage now = stage();
      if (terminalReached != null) {
        assertThat(now).as("left terminal stage " + terminalReached).isEqualTo(terminalReached);
      } else if (lifecycle.isTerminal(now)) {
        terminalReached = now;
      }
    }

    void checkHistoryIsAChain() {
      LifecycleStage expected = lifecycle.initialStage();
      for (HistoryEntry move : engine.history(id)) {
        assertThat(move.from()).isEqualTo(expected);
        assertThat(lifecycle.transition(move.from(), move.trigger()).map(Transition::to)).contains(move.to());
        expected = move.to();
      }
    }

    private void assertUnchanged(Customer before, List<HistoryEntry> historyBefore, int eventsBefore) {
      assertThat(crm.get(id)).isEqualTo(before);
      assertThat(engine.history(id)).isEqualTo(historyBefore);
      assertThat(events).hasSize(eventsBefore);
    }

    @Override
    public String toString() {
      return "Journey on " + lifecycle + " now in " + stage();
    }
  }
}
