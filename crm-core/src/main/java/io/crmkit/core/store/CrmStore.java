package io.crmkit.core.store;

import io.crmkit.core.activity.Interactions;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.common.TransactionRunner;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.dimension.code.CodeSequences;
import io.crmkit.core.dimension.review.CodeRequests;
import io.crmkit.core.event.EventPublisher;
import io.crmkit.core.lifecycle.ChurnSignals;
import io.crmkit.core.lifecycle.LifecycleHistory;
import io.crmkit.core.lifecycle.LifecycleStore;

/**
 * The ports of one storage technology, which share its transactions: what a {@link
 * TransactionRunner} unit of work writes through these ports commits or rolls back together.
 * The in-memory store is the embedded default; the JDBC adapter provides a database-backed one.
 *
 * <p>Each accessor returns the same adapter every time, so the features built on a store see one
 * another's writes:
 *
 * <pre>{@code
 * LifecycleEngine lifecycle = LifecycleEngine.builder().store(store).build();   // history and signals included
 * CustomerCodeAllocator codes = new CustomerCodeAllocator(format, store.codeSequences());
 * CodeReview review = new CodeReview(store.codeRequests(), schemes, clock, ids);
 * }</pre>
 */
public interface CrmStore extends LifecycleStore {

  @Override
  Customers customers();

  @Override
  Purchases purchases();

  Interactions interactions();

  @Override
  TransactionRunner transactions();

  /** Where the store sends domain events written inside its transactions. */
  @Override
  EventPublisher events();

  /** Numbered sequences of composite customer codes, allocated in the current transaction. */
  CodeSequences codeSequences();

  /** Requests for new dimension codes and their decisions. */
  CodeRequests codeRequests();

  /** Every stage move of every customer, appended in the transaction of the move. */
  @Override
  LifecycleHistory lifecycleHistory();

  /** External churn signals per customer and measurement time. */
  @Override
  ChurnSignals churnSignals();
}
