package io.crmkit.core.lifecycle;

import io.crmkit.core.customer.Customer;
import java.util.Objects;

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
