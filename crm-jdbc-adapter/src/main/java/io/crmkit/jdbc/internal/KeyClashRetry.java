package io.crmkit.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Runs a check-then-insert again when a concurrent transaction committed one of its keys first.
 * The work starts at a savepoint; on a unique violation it is undone to there and run again, and
 * its check now sees the other transaction's rows. A savepoint keeps a PostgreSQL transaction
 * usable after the failed statement, also inside a host's transaction.
 */
final class KeyClashRetry {
  /** Runs at most; more would mean writers keep colliding on fresh keys, which retrying cannot fix. */
  static final int ATTEMPTS = 3;

  private KeyClashRetry() {}

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
}
