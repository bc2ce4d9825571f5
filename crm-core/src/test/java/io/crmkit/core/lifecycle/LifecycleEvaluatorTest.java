package io.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.PersonName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pure evaluator, fed inputs directly as a benchmark or a Spark job would. */
class LifecycleEvaluatorTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final LifecycleStage A = LifecycleStage.of("A");
  private static final LifecycleStage B = LifecycleStage.of("B");
  private static final LifecycleStage C = LifecycleStage.of("C");
  private static final Trigger GO = Trigger.of("GO");
  private static final Trigger JUMP = Trigger.of("JUMP");

  @Test
  void theEarliestDueRuleWinsAndTiesGoToTheRuleListedFirst() {
    Lifecycle lifecycle = Lifecycle.builder().stages(A, B, C).terminal(B, C)
        .transition(A, GO, B).transition(A, JUMP, C).build();

    LifecycleEvaluator earlierJump = new LifecycleEvaluator(lifecycle, List.of(dueAt(GO, day(5)), dueAt(JUMP, day(3))));
    LifecycleEvaluator tie = new LifecycleEvaluator(lifecycle, List.of(dueAt(JUMP, day(5)), dueAt(GO, day(5))));

    assertThat(earlierJump.evaluate(input(A, day(0)), day(10))).extracting(DueMove::to).containsExactly(C);
    assertThat(tie.evaluate(input(A, day(0)), day(10))).extracting(DueMove::to).containsExactly(C);
  }

  @Test
  void aRuleDueBeforeTheCustomerEnteredTheStageIsDatedAtTheEntryAndOneDueAfterAsOfWaits() {
    Lifecycle lifecycle = Lifecycle.builder().stages(A, B).terminal(B).transition(A, GO, B).build();

    assertThat(new LifecycleEvaluator(lifecycle, List.of(dueAt(GO, day(1)))).evaluate(input(A, day(4)), day(10)))
        .singleElement().satisfies(change -> assertThat(change.at()).isEqualTo(day(4)));
    assertThat(new LifecycleEvaluator(lifecycle, List.of(dueAt(GO, day(11)))).evaluate(input(A, day(4)), day(10)))
        .isEmpty();
  }

  @Test
  void aGuardedTransitionIsSkippedDuringEvaluationWhenItsGuardRefuses() {
    Lifecycle lifecycle = Lifecycle.builder().stages(A, B, C).terminal(B, C)
        .transition(Transition.of(A, GO, B).guardedBy("never", (customer, activity) -> false))
        .transition(A, JUMP, C).build();
    LifecycleEvaluator evaluator = new LifecycleEvaluator(lifecycle, List.of(dueAt(GO, day(1)), dueAt(JUMP, day(2))));

    assertThat(evaluator.evaluate(input(A, day(0)), day(10))).extracting(DueMove::to).containsExactly(C);
  }

  @Test
  void rulesOnlyActInStagesWhereTheirTriggerHasATransition() {
    Lifecycle lifecycle = Lifecycle.builder().stages(A, B).terminal(B).transition(A, GO, B).build();
    LifecycleEvaluator evaluator = new LifecycleEvaluator(lifecycle, List.of(dueAt(JUMP, day(1))));

    assertThat(evaluator.evaluatedStages()).isEmpty();
    assertThat(evaluator.evaluate(input(A, day(0)), day(10))).isEmpty();
  }

  @Test
  void aChainThatWouldNeverSettleStopsAfterTwiceAsManyMovesAsStages() {
    Lifecycle pingPong = Lifecycle.builder().stages(A, B).transition(A, GO, B).transition(B, GO, A).build();
    LifecycleEvaluator evaluator = new LifecycleEvaluator(pingPong, List.of(dueAt(GO, day(1))));

    assertThat(evaluator.evaluate(input(A, day(0)), day(10))).hasSize(4)
        .extracting(DueMove::expectedVersion).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void evaluateAllStreamsEveryInputsChanges() {
    Lifecycle lifecycle = Lifecycle.builder().stages(A, B).terminal(B).transition(A, GO, B).build();
    LifecycleEvaluator evaluator = new LifecycleEvaluator(lifecycle, List.of(dueAt(GO, day(1))));

    assertThat(evaluator.evaluateAll(Stream.of(input(A, day(0)), input(B, day(0)), input(A, day(0))), day(10)))
        .hasSize(2);
  }

  @Test
  void activityMustBeSummarisedAsOfTheEvaluatedInstant() {
    Lifecycle lifecycle = Lifecycle.builder().stages(A, B).terminal(B).transition(A, GO, B).build();
    LifecycleEvaluator evaluator = new LifecycleEvaluator(lifecycle, List.of(dueAt(GO, day(1))));

    assertThatThrownBy(() -> evaluator.evaluate(input(A, day(0)), day(11)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("as of");
  }

  private static LifecycleRule dueAt(Trigger trigger, Instant at) {
    return new LifecycleRule() {
      @Override
      public Trigger trigger() {
        return trigger;
      }

      @Override
      public Optional<Due> due(Context context) {
        return Optional.of(Due.of(at, trigger + " due at " + at));
      }
    };
  }

  private static LifecycleEvaluator.Input input(LifecycleStage stage, Instant enteredAt) {
    Customer customer = new Customer.Builder().id(CustomerId.of(UUID.randomUUID())).kind(CustomerKind.PERSON)
        .personName(PersonName.of("Li", "Na")).stage(stage).version(1).createdAt(T0).updatedAt(T0).build();
    return new LifecycleEvaluator.Input(customer, enteredAt, ActivitySummary.none(customer.id(), day(10)),
        Optional.empty());
  }

  private static Instant day(int n) {
    return T0.plus(Duration.ofDays(n));
  }
}
