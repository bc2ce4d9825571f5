package io.crmkit.core.lifecycle;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.LifecycleStage;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An automatic rule: says when its trigger became due for a customer, and why. The
 * {@link LifecycleEvaluator} asks a rule only in stages where its trigger has a transition, and
 * moves the customer on the earliest due rule whose guard allows.
 *
 * <p>A rule must be a pure function of its context (no I/O, no clock), so that evaluation as of a
 * date is deterministic. Ready-made rules are in {@link LifecycleRules}.
 */
public interface LifecycleRule {

  /** The trigger this rule fires. */
  Trigger trigger();

  /**
   * When the trigger became due for the customer in {@code context}, with the reason, or empty if
   * it is not due. A due time after {@code context.asOf()} means not yet due; one before the
   * customer entered the stage counts from the moment they entered it.
   */
  Optional<Due> due(Context context);

  /**
   * A rule's finding. The reason is produced on demand: the evaluator asks only the rule it picks,
   * so rules that lose to an earlier one never pay for formatting their explanation.
   *
   * @param at when the trigger became due
   * @param explanation produces the reason in words, for the history entry; never blank
   */
  record Due(Instant at, Supplier<String> explanation) {
    public Due {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(explanation, "explanation");
    }

    /** A finding with a reason already in words. */
    public static Due of(Instant at, String reason) {
      Objects.requireNonNull(reason, "reason");
      return new Due(at, () -> reason);
    }

    /**
     * The reason in words.
     *
     * @throws IllegalStateException if the explanation is blank
     */
    public String reason() {
      String reason = explanation.get();
      Require.state(reason != null && !reason.isBlank(), "a rule always says why, but its explanation was blank");
      return reason;
    }
  }

  /**
   * What a rule sees of one customer. During a chain of moves in one evaluation, {@code stage}
   * and {@code stageEnteredAt} follow the moves already found while {@code customer} stays as
   * stored.
   *
   * @param customer the customer as stored
   * @param stage the stage the customer is in at this step
   * @param stageEnteredAt when the customer entered {@code stage}
   * @param activity the customer's purchases before {@code asOf}
   * @param churnSignal the newest external churn signal measured before {@code asOf}, if any
   * @param asOf the instant evaluated
   */
  record Context(
      Customer customer,
      LifecycleStage stage,
      Instant stageEnteredAt,
      ActivitySummary activity,
      Optional<ChurnSignal> churnSignal,
      Instant asOf) {
    public Context {
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(stageEnteredAt, "stageEnteredAt");
      Objects.requireNonNull(activity, "activity");
      Objects.requireNonNull(churnSignal, "churnSignal");
      Objects.requireNonNull(asOf, "asOf");
    }
  }
}
