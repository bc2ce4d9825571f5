package io.crmkit.core.lifecycle;

import io.crmkit.core.activity.Purchases;
import io.crmkit.core.common.TransactionRunner;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.event.EventPublisher;

/**
 * The ports a {@link LifecycleEngine} works on, provided together by one storage technology so
 * that they share its transactions: a move saves the customer, appends its history entry and
 * publishes its event in one {@link #transactions() unit of work}. Every {@code CrmStore} is one,
 * so {@code LifecycleEngine.builder().store(store)} is all an engine needs.
 *
 * <p>The interface lives here rather than in {@code io.crmkit.core.store} so that the lifecycle
 * package does not depend on the store package, which depends on the lifecycle ports.
 */
public interface LifecycleStore {

  /** Where customers and their stages are stored. */
  Customers customers();

  /** Where purchases are read for guards and rules. */
  Purchases purchases();

  /** How units of work run; the other ports of this store join them. */
  TransactionRunner transactions();

  /** Where domain events written inside the store's transactions go. */
  EventPublisher events();

  /** Every stage move, appended in the transaction of the move. */
  LifecycleHistory lifecycleHistory();

  /** External churn signals, such as P(alive), read by the churn-signal rule. */
  ChurnSignals churnSignals();
}
