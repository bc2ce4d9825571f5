package io.crmkit.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource whose connection breaks for real at a chosen step: on the {@code breakAt}-th call of
 * one of {@code methods} (on a connection or a statement from it), the physical connection is closed,
 * as when the network drops, and the call fails with SQL state 08006. Counting starts when
 * {@link #arm} is called.
 */
final class FaultyDataSource implements DataSource {
  private final DataSource target;
  private final Set<String> methods;
  private final AtomicInteger calls = new AtomicInteger();
  private volatile int breakAt = Integer.MAX_VALUE;
  private volatile boolean broken;

  FaultyDataSource(DataSource target, Set<String> methods) {
    this.target = target;
    this.methods = methods;
  }

  void arm(int breakAt) {
    calls.set(0);
    broken = false;
    this.breakAt = breakAt;
  }

  boolean broke() {
    return broken;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection real = target.getConnection();
    return (Connection) proxy(Connection.class, real, real);
  }

  private Object proxy(Class<?> type, Object real, Connection physical) {
    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
      if (methods.contains(method.getName()) && !broken && calls.incrementAndGet() == breakAt) {
        broken = true;
        physical.close();
        throw new SQLException("connection reset by peer (injected at " + method.getName() + ")", "08006");
      }
      Object result;
      try {
        result = method.invoke(real, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (result instanceof Statement statement && method.getReturnType().isInterface()
          && Statement.class.isAssignableFrom(method.getReturnType())) {
        return proxy(method.getReturnType(), statement, physical);
      }
      return result;
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
