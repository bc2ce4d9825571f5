package io.crmkit.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A piece of JDBC work on a connection that may throw {@link SQLException}; the transaction layer
 * wraps that in {@code CrmStorageException} with the operation's name.
 *
 * @param <T> the result type
 */
@FunctionalInterface
interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
