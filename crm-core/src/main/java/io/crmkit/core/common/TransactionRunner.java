package io.crmkit.core.common;

import java.util.function.Supplier;

/**
 * Port that runs a unit of work atomically. A storage adapter supplies one that joins the host
 * application's transaction when there is one and otherwise manages its own; the in-memory default
 * just runs the work, since each in-memory operation is atomic on its own.
 */
@FunctionalInterface
public interface TransactionRunner {

  /**
   * Runs {@code work} in a transaction and returns its result. If {@code work} throws, everything
   * it wrote through ports of the same store is rolled back and the exception propagates.
   */
  <T> T inTransaction(Supplier<T> work);

  /**
   * Runs {@code work} in a transaction, as {@link #inTransaction}, but so that if it throws, what it
   * wrote is rolled back even inside an enclosing transaction (a savepoint), whose other writes stay:
   * for work that may fail and then be done another way in the same transaction, as {@code
   * Merger.mergeAll} replays a failed chunk merge by merge. crmkit's stores roll back to the
   * savepoint; the default is {@link #inTransaction}, which inside an enclosing transaction (or one
   * the host manages) rolls nothing back until that one ends.
   */
  default <T> T inSavepoint(Supplier<T> work) {
    return inTransaction(work);
  }

  /** Runs each unit of work directly, without a transaction: for stores with no transactions. */
  static TransactionRunner direct() {
    return Supplier::get;
  }
}
