package io.crmkit.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transaction at a given isolation level on a connection crmkit took for it, left as it was
 * found: the isolation is set before the transaction begins (PostgreSQL refuses to change it
 * inside one), and the connection's own isolation and auto-commit are put back afterwards, so that
 * a pooled connection does not carry the snapshot's isolation into the host's next unit of work.
 */
final class SnapshotTransaction {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotTransaction.class);

  private SnapshotTransaction() {}

  /**
   * Runs {@code work} in a transaction at {@code isolation} on {@code connection}: committed when
   * it returns, rolled back when it throws.
   *
   * @param managed whether crmkit manages the store's transactions; if not, a connection with
   *     auto-commit off belongs to the host's transaction and is refused
   * @throws IllegalStateException if the connection is in the host's transaction
   * @throws SQLException if the connection cannot be set up or the commit fails (then rolled back)
   */
  static <T> T run(Connection connection, int isolation, boolean managed, Supplier<T> work) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    if (!autoCommit && !managed) {
      throw new IllegalStateException("a snapshot needs a transaction of its own, but the DataSource handed out a"
          + " connection in the host's transaction (auto-commit off, TransactionMode.EXTERNAL): take the snapshot"
          + " outside the host's transaction");
    }
    int previousIsolation = connection.getTransactionIsolation();
    connection.setTransactionIsolation(isolation);
    try {
      connection.setAutoCommit(false);
      T result;
      try {
        result = work.get();
      } catch (RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      }
      try {
        connection.commit();
      } catch (SQLException e) {
        rollbackQuietly(connection, e);
        throw e;
      }
      return result;
    } finally {
      restore(connection, autoCommit, previousIsolation);
    }
  }

  private static void restore(Connection connection, boolean autoCommit, int isolation) {
    try {
      connection.setAutoCommit(autoCommit);
      connection.setTransactionIsolation(isolation);
    } catch (SQLException e) {
      LOG.debug("Could not restore the connection's auto-commit and isolation after a snapshot", e);
    }
  }

  private static void rollbackQuietly(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
