package io.crmkit.core.lifecycle;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.LifecycleStage;
import java.util.Objects;

/**
 * What firing a trigger ({@link LifecycleEngine#fire}) did. A guard that says no is an expected
 * outcome, not an error: the result is {@link Blocked} and nothing was written. An illegal trigger
 * is an error instead ({@link IllegalTransitionException}).
 */
public sealed interface FireResult permits FireResult.Moved, FireResult.Blocked {

  /** The customer after the attempt: moved and saved, or unchanged. */
  Customer customer();

  /** Whether the customer moved. */
  default boolean moved() {
    return this instanceof Moved;
  }

  /**
   * The customer moved: it was saved with the new stage, the move was appended to history and a
   * {@link io.crmkit.core.event.StageChanged} event was published, in one transaction.
   *
   * @param customer the customer as saved, with the new stage and version
   * @param entry the history entry written
   */
  record Moved(Customer customer, HistoryEntry entry) implements FireResult {
    public Moved {
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(entry, "entry");
    }
  }

  /**
   * The transition exists but its guard refused: nothing was written, no event was published.
   *
   * @param customer the customer, unchanged
   * @param transition the transition whose guard refused
   */
  record Blocked(Customer customer, Transition transition) implements FireResult {
    public Blocked {
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(transition, "transition");
    }

    /** The stage the customer stays in. */
    public LifecycleStage stage() {
      return transition.from();
    }

    /** The refused trigger. */
    public Trigger trigger() {
      return transition.trigger();
    }

    /** Why, in words: the guard's description. */
    public String explanation() {
      return "Trigger " + transition.trigger() + " would move customer " + customer.id() + " from "
          + transition.from() + " to " + transition.to() + ", but its guard refused: "
          + transition.guardDescription();
    }
  }
}
