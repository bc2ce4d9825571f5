package io.crmkit.core.lifecycle;

import io.crmkit.core.common.PrintableText;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a customer's lifecycle history: a move that was made, recording who moved the
 * customer from which stage to which, on what trigger, when and why. Entries are facts and never
 * change. (A move evaluation merely found due is a {@link DueMove}; the announcement of a made
 * move to other systems is the {@link io.crmkit.core.event.StageChanged} event.)
 *
 * <p>Each entry is keyed by the customer's version after the move: every move saves the customer
 * with an optimistic version check, so versions order a customer's entries and no two entries of
 * one customer share a version. An entry written by {@link LifecycleEngine#reconcile} carries the
 * version at which the externally set stage was observed, and the trigger {@link
 * Trigger#RECONCILED}.
 *
 * @param customerId whose stage changed
 * @param customerVersion the customer's version after the move, at least 1
 * @param from the stage before
 * @param to the stage after
 * @param trigger what caused the move
 * @param at when the move took effect (for automatic moves, when the rule became due)
 * @param actor who or what made the move: a user name, or a system name such as
 *     {@code lifecycle-evaluator}; 1-128 printable characters
 * @param reason why, in words, if given: 1-2000 printable characters, line breaks allowed
 */
public record HistoryEntry(
    CustomerId customerId,
    long customerVersion,
    LifecycleStage from,
    LifecycleStage to,
    Trigger trigger,
    Instant at,
    String actor,
    Optional<String> reason) {
  /** The longest actor name kept. */
  public static final int MAX_ACTOR_LENGTH = 128;
  /** The longest reason kept. */
  public static final int MAX_REASON_LENGTH = 2000;

  /**
   * @throws IllegalArgumentException if the version is below 1, or the actor or reason is blank,
   *     too long or not printable
   */
  public HistoryEntry {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(reason, "reason");
    Require.atLeast(customerVersion, 1, "customerVersion");
    String actorProblem = actorProblem(actor);
    Require.argument(actorProblem == null, actorProblem);
    String reasonProblem = reason.map(HistoryEntry::reasonProblem).orElse(null);
    Require.argument(reasonProblem == null, reasonProblem);
  }

  /** What is wrong with {@code actor} as an actor name, or {@code null} if nothing. */
  static String actorProblem(String actor) {
    if (actor.isBlank()) {
      return "actor must not be blank";
    }
    if (actor.length() > MAX_ACTOR_LENGTH) {
      return "actor must be at most " + MAX_ACTOR_LENGTH + " characters";
    }
    String printable = PrintableText.Validator.problem(actor, false);
    if (printable != null) {
      return "actor " + printable;
    }
    return null;
  }

  /** What is wrong with {@code reason} as a reason, or {@code null} if nothing. */
  static String reasonProblem(String reason) {
    if (reason.isBlank()) {
      return "reason must not be blank";
    }
    if (reason.length() > MAX_REASON_LENGTH) {
      return "reason must be at most " + MAX_REASON_LENGTH + " characters";
    }
    String printable = PrintableText.Validator.problem(reason, true);
    if (printable != null) {
      return "reason " + printable;
    }
    return null;
  }

  @Override
  public String toString() {
    return customerId + " v" + customerVersion + ": " + from + " --" + trigger + "--> " + to + " at " + at
        + " by " + actor + reason.map(r -> " (" + r + ")").orElse("");
  }
}
