package io.crmkit.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A stand-in for a host application's transaction manager and its transaction-aware DataSource
 * (what Spring's {@code TransactionAwareDataSourceProxy} does): inside {@link #begin()} ..
 * {@link #commit()}/{@link #rollback()}, every {@code getConnection()} on this thread returns the
 * transaction's connection, whose {@code close()} does nothing.
 */
final class HostTransactions implements DataSource {
  private final DataSource target;
  private final ThreadLocal<Connection> bound = new ThreadLocal<>();

  HostTransactions(DataSource target) {
    this.target = target;
  }

  void begin() throws SQLException {
    Connection connection = target.getConnection();
    connection.setAutoCommit(false);
    bound.set(connection);
  }

  void commit() throws SQLException {
    end(true);
  }

  void rollback() throws SQLException {
    end(false);
  }

  private void end(boolean commit) throws SQLException {
    Connection connection = bound.get();
    bound.remove();
    try {
      if (commit) {
        connection.commit();
      } else {
        connection.rollback();
      }
    } finally {
      connection.close();
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = bound.get();
    if (connection == null) {
      return target.getConnection();
    }
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            return null;
          }
          try {
            return method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return target.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return target.isWrapperFor(iface);
  }
}
