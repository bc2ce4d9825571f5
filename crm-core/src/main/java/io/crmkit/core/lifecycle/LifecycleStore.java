package io.crmkit.core.lifecycle;

import io.crmkit.core.store.CrmStore;

/**
 * The lifecycle's own ports, attached to a base {@link CrmStore} whose transactions they share: a
 * move saves the customer (base), appends its history entry and publishes its event (base) in one
 * unit of work. Get one from {@code store.attach(...)} with the extension for the store's
 * technology ({@code InMemoryExtensions.lifecycle()}, {@code JdbcLifecycle.extension()}); then
 * {@code LifecycleEngine.builder().store(lifecycleStore)} is all an engine needs.
 */
public interface LifecycleStore {

  /** The key lifecycle extensions attach under, whatever their technology. */
  String EXTENSION_KEY = "crmkit.lifecycle";

  /** The store these ports are attached to: customers, purchases, transactions and events. */
  CrmStore base();

  /** Every stage move, appended in the transaction of the move. */
  LifecycleHistory lifecycleHistory();

  /** External churn signals, such as P(alive), read by the churn-signal rule. */
  ChurnSignals churnSignals();
}
