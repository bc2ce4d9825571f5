package io.crmkit.jdbc.internal;

import io.crmkit.core.common.DuplicateKeyException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Supplier;

/**
 * Runs a check-then-insert again when a concurrent transaction committed one of its keys first.
 * The work starts at a savepoint; on a key clash it is undone to there and run again, and its
 * check now sees the other transaction's rows. A savepoint keeps a PostgreSQL transaction usable
 * after the failed statement, also inside a host's transaction.
 */
final class KeyClashRetry {
  /** Runs at most; more would mean writers keep colliding on fresh keys, which retrying cannot fix. */
  static final int ATTEMPTS = 3;

  private KeyClashRetry() {}

  /** Runs JDBC work that meets a clash as a unique violation ({@code SQLException}). */
  static <T> T run(Connection connection, SqlWork<T> work) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      Savepoint start = connection.setSavepoint();
      try {
        return work.run(connection);
      } catch (SQLException e) {
        if (!Dialect.isUniqueViolation(e) || attempt == ATTEMPTS) {
          throw e;
        }
        connection.rollback(start);
      }
    }
  }

  /**
   * Runs work of a core service, written against ports, that meets a clash as a {@link
   * DuplicateKeyException}, on {@code connection}, the connection of the transaction it runs in.
   */
  static <T> T run(Connection connection, Supplier<T> work) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      Savepoint start = connection.setSavepoint();
      try {
        return work.get();
      } catch (DuplicateKeyException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        connection.rollback(start);
      }
    }
  }
}
