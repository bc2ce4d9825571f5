package io.crmkit.jdbc.internal;

import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.TransactionRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every JDBC operation of one store gets its connection, and the store's
 * {@link TransactionRunner}.
 *
 * <p>The rule: <b>crmkit never ends a transaction it did not begin; where there is none, it begins
 * and ends its own.</b> Inside {@link #inTransaction}, every operation on the same thread uses one
 * connection (nested calls join the outer one). Outside, a read borrows a connection in auto-commit
 * mode and a multi-statement write runs in a transaction of its own, so it is atomic either way.
 *
 * <ul>
 *   <li>{@code manageTransactions = true} (MANAGED): crmkit takes connections from the DataSource,
 *       switches auto-commit off, commits or rolls back, restores auto-commit and closes them.
 *   <li>{@code manageTransactions = false} (EXTERNAL): a connection whose auto-commit is off is taken
 *       to be in the host's transaction (for example from Spring's
 *       {@code TransactionAwareDataSourceProxy}); crmkit never commits, rolls back or changes it.
 *       A connection in auto-commit mode has no transaction, so crmkit runs a local one on it.
 *   <li>a joined connection ({@code JdbcCrmStore.joining}) is used as in EXTERNAL mode and never
 *       closed.
 * </ul>
 */
final class Connections implements TransactionRunner {
  private static final Logger LOG = LoggerFactory.getLogger(Connections.class);

  private final DataSource dataSource;
  private final Connection joined;
  private final boolean manageTransactions;
  private final ThreadLocal<Connection> current = new ThreadLocal<>();

  private Connections(DataSource dataSource, Connection joined, boolean manageTransactions) {
    this.dataSource = dataSource;
    this.joined = joined;
    this.manageTransactions = manageTransactions;
  }

  static Connections of(DataSource dataSource, boolean manageTransactions) {
    return new Connections(Objects.requireNonNull(dataSource, "dataSource"), null, manageTransactions);
  }

  static Connections joining(Connection connection) {
    return new Connections(null, Objects.requireNonNull(connection, "connection"), false);
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    if (current.get() != null) {
      return work.get();
    }
    Connection connection = open("begin transaction");
    boolean restoreAutoCommit = false;
    boolean owner;
    try {
      boolean autoCommit = connection.getAutoCommit();
      owner = (manageTransactions && joined == null) || autoCommit;
      if (owner && autoCommit) {
        connection.setAutoCommit(false);
        restoreAutoCommit = true;
      }
    } catch (SQLException e) {
      release(connection);
      throw new CrmStorageException("Could not begin a transaction: " + e.getMessage(), e);
    }
    current.set(connection);
    try {
      T result;
      try {
        result = work.get();
      } catch (RuntimeException | Error e) {
        if (owner) {
          rollbackQuietly(connection, e);
        }
        throw e;
      }
      if (owner) {
        try {
          connection.commit();
        } catch (SQLException e) {
          rollbackQuietly(connection, e);
          throw new CrmStorageException("Could not commit the transaction: " + e.getMessage(), e);
        }
      }
      return result;
    } finally {
      current.remove();
      if (restoreAutoCommit) {
        try {
          connection.setAutoCommit(true);
        } catch (SQLException e) {
          LOG.debug("Could not restore auto-commit after a transaction", e);
        }
      }
      release(connection);
    }
  }

  /**
   * Runs a read: on the transaction's connection if there is one, else on a borrowed connection.
   *
   * @throws CrmStorageException wrapping any {@link SQLException}, naming {@code operation}
   */
  <T> T read(String operation, SqlWork<T> work) {
    Connection connection = current.get();
    if (connection != null) {
      return run(operation, connection, work);
    }
    connection = open(operation);
    try {
      return run(operation, connection, work);
    } finally {
      release(connection);
    }
  }

  /**
   * Runs {@code work} in the current transaction, or a new one, behind a savepoint: if it throws,
   * the connection rolls back to the savepoint (so a transaction the host manages keeps its earlier
   * writes and loses this work's), and the exception propagates.
   */
  @Override
  public <T> T inSavepoint(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    return inTransaction(() -> {
      Connection connection = current.get();
      Savepoint savepoint;
      try {
        savepoint = connection.setSavepoint();
      } catch (SQLException e) {
        throw new CrmStorageException("Could not set a savepoint: " + e.getMessage(), e);
      }
      T result;
      try {
        result = work.get();
      } catch (RuntimeException | Error e) {
        try {
          connection.rollback(savepoint);
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
      try {
        connection.releaseSavepoint(savepoint);
      } catch (SQLException e) {
        throw new CrmStorageException("Could not release a savepoint: " + e.getMessage(), e);
      }
      return result;
    });
  }

  /**
   * Runs a write atomically: in the current transaction, or in a transaction of its own.
   *
   * @throws CrmStorageException wrapping any {@link SQLException}, naming {@code operation}
   */
  <T> T write(String operation, SqlWork<T> work) {
    Connection connection = current.get();
    if (connection != null) {
      return run(operation, connection, work);
    }
    return inTransaction(() -> run(operation, current.get(), work));
  }

  static <T> T run(String operation, Connection connection, SqlWork<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new CrmStorageException(operation + " failed: " + e.getMessage(), e);
    }
  }

  private Connection open(String operation) {
    if (joined != null) {
      return joined;
    }
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new CrmStorageException(operation + ": could not get a connection: " + e.getMessage(), e);
    }
  }

  private void release(Connection connection) {
    if (connection == joined) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("Could not close a connection", e);
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
