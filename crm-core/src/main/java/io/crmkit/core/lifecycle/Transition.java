package io.crmkit.core.lifecycle;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.LifecycleStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One edge of a {@link Lifecycle}: in stage {@code from}, trigger {@code trigger} moves a customer
 * to stage {@code to}, if the guard allows, applying the actions on the way.
 *
 * <pre>{@code
 * Transition.of(NEW, Trigger.REPEAT_PURCHASE, ACTIVE)
 *     .guardedBy("at least two purchases", (customer, activity) -> activity.purchaseCount() >= 2)
 *     .withAction((customer, entry) -> customer.withOwner("key-accounts"));
 * }</pre>
 *
 * @param from the stage the customer must be in
 * @param trigger what fires the transition
 * @param to the stage the customer moves to
 * @param guard the condition besides the trigger; {@link Guard#always()} when there is none
 * @param guardDescription the guard in words, named when the guard blocks a move
 * @param actions changes to the customer record saved with the move, in order
 * @param reasonRequired whether the move must be given a reason (manual moves)
 */
public record Transition(
    LifecycleStage from,
    Trigger trigger,
    LifecycleStage to,
    Guard guard,
    String guardDescription,
    List<Action> actions,
    boolean reasonRequired) {

  /**
   * @throws IllegalArgumentException if {@code guardDescription} is blank
   */
  public Transition {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(guard, "guard");
    Objects.requireNonNull(guardDescription, "guardDescription");
    Require.argument(!guardDescription.isBlank(), "a guard needs a description, for explaining blocked moves");
    actions = List.copyOf(actions);
  }

  /** An unguarded transition with no actions and no reason required. */
  public static Transition of(LifecycleStage from, Trigger trigger, LifecycleStage to) {
    return new Transition(from, trigger, to, Guard.always(), "always", List.of(), false);
  }

  /**
   * This transition with {@code guard} as its condition (replacing any previous one).
   *
   * @param description the condition in words, for example {@code "at least two purchases"}
   * @throws IllegalArgumentException if {@code description} is blank
   */
  public Transition guardedBy(String description, Guard guard) {
    return new Transition(from, trigger, to, guard, description, actions, reasonRequired);
  }

  /** This transition with {@code action} added after its other actions. */
  public Transition withAction(Action action) {
    Objects.requireNonNull(action, "action");
    List<Action> more = new ArrayList<>(actions);
    more.add(action);
    return new Transition(from, trigger, to, guard, guardDescription, more, reasonRequired);
  }

  /** This transition, which now needs a reason to be fired (a manual move). */
  public Transition requiringReason() {
    return new Transition(from, trigger, to, guard, guardDescription, actions, true);
  }

  /**
   * {@code customer}, already moved to {@link #to()}, as the actions leave it.
   *
   * @throws IllegalStateException if an action returns null or changes the customer's id, version
   *     or stage, which only the engine may change
   */
  Customer applyActions(Customer customer, HistoryEntry entry) {
    Customer changed = customer;
    for (Action action : actions) {
      changed = action.apply(changed, entry);
      Require.state(changed != null, "an action of %s returned null instead of the customer", this);
      Require.state(changed.id().equals(customer.id()) && changed.version() == customer.version()
          && changed.stage().equals(to),
          "an action of %s changed the customer's id, version or stage, which only the engine may change", this);
    }
    return changed;
  }

  /** Whether a condition besides the trigger applies. */
  public boolean isGuarded() {
    return guard != Guard.always();
  }

  @Override
  public String toString() {
    return from + " --" + trigger + "--> " + to + (isGuarded() ? " [" + guardDescription + "]" : "");
  }

  /**
   * A condition a transition needs besides its trigger, such as "at least three purchases" or
   * "not for key accounts". Guards are code; a {@link Lifecycle} checks the structure of a
   * definition, not what its guards decide.
   *
   * <p>A guard must be a pure function of its arguments (no I/O, no clock): the engine asks it both
   * when a trigger is fired and during batch evaluation, and must get the same answer for the same
   * customer and activity.
   */
  @FunctionalInterface
  public interface Guard {

    /**
     * Whether the transition may happen.
     *
     * @param customer the customer as stored before the move; during evaluation, as the earlier
     *     moves of the chain, with their actions, would have stored it
     * @param activity the customer's purchases, summarised as of the move
     */
    boolean allows(Customer customer, ActivitySummary activity);

    /** The guard that always allows: a transition without a condition. */
    static Guard always() {
      return Always.INSTANCE;
    }

    /** Both this guard and {@code other} must allow. */
    default Guard and(Guard other) {
      Objects.requireNonNull(other, "other");
      return (customer, activity) -> allows(customer, activity) && other.allows(customer, activity);
    }

    /** Allows exactly when this guard does not. */
    default Guard negate() {
      return (customer, activity) -> !allows(customer, activity);
    }

    /** The guard behind {@link #always()}; a constant so that a definition can tell it apart. */
    enum Always implements Guard {
      INSTANCE;

      @Override
      public boolean allows(Customer customer, ActivitySummary activity) {
        return true;
      }
    }
  }

  /**
   * What a transition does to the customer record besides changing the stage, such as assigning an
   * owner or adding a tag. The result is saved in the same write as the new stage, so the two commit
   * or fail together.
   *
   * <p>Side effects outside the customer record (notify a salesperson, send a mail) belong in a
   * listener of {@link io.crmkit.core.event.StageChanged}, which is published in the same
   * transaction and can be relayed after commit. An action must not change the customer's id,
   * version or stage; the engine rejects a result that does.
   */
  @FunctionalInterface
  public interface Action {

    /**
     * The customer with this action's changes.
     *
     * @param customer the customer already carrying the new stage
     * @param entry the history entry of the move being made, with its trigger, actor and reason
     */
    Customer apply(Customer customer, HistoryEntry entry);
  }
}
