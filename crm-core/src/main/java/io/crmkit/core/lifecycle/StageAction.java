package io.crmkit.core.lifecycle;

import io.crmkit.core.customer.Customer;

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
public interface StageAction {

  /**
   * The customer with this action's changes.
   *
   * @param customer the customer already carrying the new stage
   * @param entry the history entry of the move being made, with its trigger, actor and reason
   */
  Customer apply(Customer customer, HistoryEntry entry);
}
