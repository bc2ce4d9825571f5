package io.crmkit.jdbc.internal;

import io.crmkit.core.customer.CustomerBatches;
import io.crmkit.core.dimension.code.CodeSequences;
import io.crmkit.core.dimension.review.CodeRequests;
import io.crmkit.core.lifecycle.ChurnSignals;
import io.crmkit.core.lifecycle.LifecycleHistory;

/**
 * Creates the adapters whose classes are package-private, for {@code JdbcCrmStore}: each works
 * on the store's {@link Connections}, so they share its transactions.
 */
public final class JdbcAdapters {
  private JdbcAdapters() {}

  /** {@link CustomerBatches} over the customer table and its side tables. */
  public static CustomerBatches customerBatches(Connections connections, Tables tables, Dialect dialect,
      CustomerCodec codec) {
    return new JdbcCustomerBatches(connections, tables, dialect, codec);
  }

  /** {@link CodeSequences} over the {@code code_sequence} table. */
  public static CodeSequences codeSequences(Connections connections, Tables tables, Dialect dialect) {
    return new JdbcCodeSequences(connections, tables, dialect);
  }

  /** {@link CodeRequests} over the {@code code_request} table. */
  public static CodeRequests codeRequests(Connections connections, Tables tables, Dialect dialect) {
    return new JdbcCodeRequests(connections, tables, dialect);
  }

  /** {@link LifecycleHistory} over the {@code lifecycle_history} table. */
  public static LifecycleHistory lifecycleHistory(Connections connections, Tables tables, Dialect dialect) {
    return new JdbcLifecycleHistory(connections, tables, dialect);
  }

  /** {@link ChurnSignals} over the {@code churn_signal} table. */
  public static ChurnSignals churnSignals(Connections connections, Tables tables, Dialect dialect) {
    return new JdbcChurnSignals(connections, tables, dialect);
  }
}
