package io.crmkit.jdbc.contract;

import io.crmkit.core.lifecycle.ChurnSignals;
import io.crmkit.jdbc.JdbcLifecycle;
import io.crmkit.testkit.contract.ChurnSignalsContract;

/** The JDBC adapter keeps the {@link ChurnSignals} contract on Postgres. */
class PostgresJdbcChurnSignalsTest extends ChurnSignalsContract {
  @Override
  protected ChurnSignals newSignals() {
    return ContractStores.emptyPostgres().attach(JdbcLifecycle.extension()).churnSignals();
  }
}
