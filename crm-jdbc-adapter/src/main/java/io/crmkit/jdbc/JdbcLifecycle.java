package io.crmkit.jdbc;

import io.crmkit.core.lifecycle.ChurnSignals;
import io.crmkit.core.lifecycle.LifecycleHistory;
import io.crmkit.core.lifecycle.LifecycleStore;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;

/**
 * The lifecycle's ports in the database: history in {@code <prefix>lifecycle_history}, appended on
 * the current transaction's connection (a move's customer save, history entry and outbox event
 * commit or roll back together), and churn signals in {@code <prefix>churn_signal}, one row per
 * customer and measurement time.
 *
 * <pre>{@code
 * LifecycleStore lifecycle = jdbcStore.attach(JdbcLifecycle.extension());
 * }</pre>
 */
public final class JdbcLifecycle {
  private JdbcLifecycle() {}

  /** The extension to {@link JdbcCrmStore#attach attach}; its migrations run on first attach. */
  public static StoreExtension<LifecycleStore> extension() {
    return new JdbcExtension<>(LifecycleStore.EXTENSION_KEY, "lifecycle", (base, adapters) ->
        new Ports(base, adapters.lifecycleHistory(), adapters.churnSignals()));
  }

  private record Ports(CrmStore base, LifecycleHistory lifecycleHistory, ChurnSignals churnSignals)
      implements LifecycleStore {}
}
