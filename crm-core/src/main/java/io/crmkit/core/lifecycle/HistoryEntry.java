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
 * <p>An entry belongs to the customer it is kept under ({@link #customerId()}) and was made by the
 * move of its {@link #origin()} customer, whose version {@link #customerVersion()} is. The two are
 * the same customer unless a merge moved the entry: then {@code customerId} is the golden record
 * that absorbed the origin and the entry is {@link #moved()}. A customer's versions mean nothing
 * under another id, so a moved entry keeps its origin and is identified by customer, origin and
 * version: it never collides with the survivor's own entry of the same version, and it is never
 * the survivor's {@link LifecycleHistory#latest latest} move (the survivor keeps its own stage).
 *
 * @param customerId whose history the entry is part of: the customer who moved, or the survivor
 *     of a merge that absorbed them
 * @param customerVersion the origin customer's version after the move, at least 1
 * @param from the stage before
 * @param to the stage after
 * @param trigger what caused the move
 * @param at when the move took effect (for automatic moves, when the rule became due)
 * @param actor who or what made the move: a user name, or a system name such as
 *     {@code lifecycle-evaluator}; 1-128 printable characters
 * @param reason why, in words, if given: 1-2000 printable characters, line breaks allowed
 * @param origin the customer who made the move; {@code customerId} unless a merge moved the entry
 */
public record HistoryEntry(
    CustomerId customerId,
    long customerVersion,
    LifecycleStage from,
    LifecycleStage to,
    Trigger trigger,
    Instant at,
    String actor,
    Optional<String> reason,
    CustomerId origin) {
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
    Objects.requireNonNull(origin, "origin");
    Require.atLeast(customerVersion, 1, "customerVersion");
    String actorProblem = actorProblem(actor);
    Require.argument(actorProblem == null, actorProblem);
    String reasonProblem = reason.map(HistoryEntry::reasonProblem).orElse(null);
    Require.argument(reasonProblem == null, reasonProblem);
  }

  /**
   * An entry of a move the customer made themselves: kept under their own id, its origin.
   *
   * @throws IllegalArgumentException if the version is below 1, or the actor or reason is blank,
   *     too long or not printable
   */
  public HistoryEntry(CustomerId customerId, long customerVersion, LifecycleStage from, LifecycleStage to,
      Trigger trigger, Instant at, String actor, Optional<String> reason) {
    this(customerId, customerVersion, from, to, trigger, at, actor, reason, customerId);
  }

  /** Whether a merge moved this entry from its origin to the customer it is kept under. */
  public boolean moved() {
    return !origin.equals(customerId);
  }

  /**
   * This entry kept under {@code customer} instead, with its origin, version and content unchanged:
   * what a merge or an unmerge moving it leaves. Moved back to its origin it is an own entry again.
   */
  public HistoryEntry keptUnder(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    return new HistoryEntry(customer, customerVersion, from, to, trigger, at, actor, reason, origin);
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
    return customerId + (moved() ? " (moved from " + origin + ")" : "") + " v" + customerVersion + ": " + from
        + " --" + trigger + "--> " + to + " at " + at + " by " + actor + reason.map(r -> " (" + r + ")").orElse("");
  }
}
