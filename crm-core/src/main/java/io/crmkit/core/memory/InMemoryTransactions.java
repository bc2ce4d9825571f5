package io.crmkit.core.memory;

import io.crmkit.core.common.TransactionRunner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactions of an {@link InMemoryCrmStore}, shared by its ports and by every extension
 * attached to it, so that one rollback undoes the writes of all of them together.
 *
 * <p>Each write takes the store's write lock (joining the transaction in progress on its thread,
 * if any) and records how to undo itself with {@link #onRollback}. A transaction holds the lock
 * until it ends, so transactions and single writes are serialised; if the work throws, the
 * recorded undo actions run newest first and the exception propagates. Reads take no lock and
 * may see a transaction's writes before it commits (read uncommitted): the embedded default
 * trades isolation for reads that never block. Events are handed on {@link #afterCommit after
 * the commit}, so a rolled-back change announces nothing.
 *
 * <p>Public so that in-memory adapters of extensions in other modules can take part; hosts need
 * only {@link #inTransaction}.
 */
public final class InMemoryTransactions implements TransactionRunner {
  private static final Logger LOG = LoggerFactory.getLogger(InMemoryTransactions.class);

  private final ReentrantLock lock = new ReentrantLock();
  private final ThreadLocal<Transaction> current = new ThreadLocal<>();

  InMemoryTransactions() {}

  private static final class Transaction {
    final Deque<Runnable> undo = new ArrayDeque<>();
    final List<Runnable> afterCommit = new ArrayList<>();
  }

  /**
   * Runs {@code work} in a transaction: nested calls on the same thread join the outer one.
   *
   * @throws NullPointerException if {@code work} is null
   */
  @Override
  public <T> T inTransaction(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    if (current.get() != null) {
      return work.get();
    }
    Transaction transaction = new Transaction();
    T result;
    lock.lock();
    try {
      current.set(transaction);
      try {
        result = work.get();
      } catch (RuntimeException | Error e) {
        rollBack(transaction, e);
        throw e;
      }
    } finally {
      current.remove();
      lock.unlock();
    }
    transaction.afterCommit.forEach(InMemoryTransactions::runQuietly);
    return result;
  }

  /**
   * Runs {@code work} in the current transaction, or a new one, undoing what it wrote (and dropping
   * the events it announced) if it throws, while the transaction's earlier writes stay.
   *
   * @throws NullPointerException if {@code work} is null
   */
  @Override
  public <T> T inSavepoint(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    return inTransaction(() -> {
      Transaction transaction = current.get();
      int undoneBefore = transaction.undo.size();
      int announcedBefore = transaction.afterCommit.size();
      try {
        return work.get();
      } catch (RuntimeException | Error e) {
        while (transaction.undo.size() > undoneBefore) {
          try {
            transaction.undo.pop().run();
          } catch (RuntimeException undo) {
            e.addSuppressed(undo);
          }
        }
        transaction.afterCommit.subList(announcedBefore, transaction.afterCommit.size()).clear();
        throw e;
      }
    });
  }

  /**
   * Records how to undo a write the current transaction just made; does nothing outside a
   * transaction (a write outside one commits at once).
   */
  public void onRollback(Runnable undo) {
    Objects.requireNonNull(undo, "undo");
    Transaction transaction = current.get();
    if (transaction != null) {
      transaction.undo.push(undo);
    }
  }

  /**
   * Runs {@code action} once the current transaction commits (never if it rolls back), or at once
   * outside a transaction. An action that throws is logged and skipped.
   */
  public void afterCommit(Runnable action) {
    Objects.requireNonNull(action, "action");
    Transaction transaction = current.get();
    if (transaction != null) {
      transaction.afterCommit.add(action);
    } else {
      runQuietly(action);
    }
  }

  /** Whether the calling thread is inside a transaction of this store. */
  public boolean inTransaction() {
    return current.get() != null;
  }

  private static void rollBack(Transaction transaction, Throwable cause) {
    while (!transaction.undo.isEmpty()) {
      try {
        transaction.undo.pop().run();
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
  }

  private static void runQuietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.warn("An after-commit action failed", e);
    }
  }
}
