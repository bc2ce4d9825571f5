package io.crmkit.jdbc.contract;

import io.crmkit.core.lifecycle.LifecycleHistory;
import io.crmkit.jdbc.JdbcLifecycle;
import io.crmkit.testkit.contract.LifecycleHistoryContract;

/** The JDBC adapter keeps the {@link LifecycleHistory} contract on Postgres. */
class PostgresJdbcLifecycleHistoryTest extends LifecycleHistoryContract {
  @Override
  protected LifecycleHistory newHistory() {
    return ContractStores.emptyPostgres().attach(JdbcLifecycle.extension()).lifecycleHistory();
  }
}
