package io.crmkit.core.store;

import io.crmkit.core.activity.Interactions;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.common.TransactionRunner;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.event.EventPublisher;

/**
 * The ports of one storage technology, which share its transactions: what a {@link
 * TransactionRunner} unit of work writes through these ports commits or rolls back together.
 * The in-memory store is the embedded default; the JDBC adapter provides a database-backed one.
 */
public interface CrmStore {

  Customers customers();

  Purchases purchases();

  Interactions interactions();

  TransactionRunner transactions();

  /** Where the store sends domain events written inside its transactions. */
  EventPublisher events();
}
