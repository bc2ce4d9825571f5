package io.crmkit.jdbc;

/**
 * Who ends the transactions crmkit's JDBC work runs in. Whatever the mode, crmkit never ends a
 * transaction it did not begin, and where there is none it begins and ends its own, so every
 * multi-row operation is atomic.
 */
public enum TransactionMode {
  /**
   * crmkit takes a connection from the DataSource for each unit of work, switches auto-commit off,
   * commits or rolls back, and closes it. Nested {@code inTransaction} calls on the same thread
   * join the outer one. The default.
   */
  MANAGED,

  /**
   * The host runs the transactions: crmkit takes connections from a transaction-aware DataSource
   * (for example Spring's {@code TransactionAwareDataSourceProxy}, or a JTA DataSource) and, when a
   * connection has auto-commit off, treats it as part of the host's transaction: it never commits,
   * rolls back or changes it, so the host's commit or rollback decides. A connection in
   * auto-commit mode has no transaction; crmkit then runs a local one on it, as in {@link #MANAGED}.
   */
  EXTERNAL
}
