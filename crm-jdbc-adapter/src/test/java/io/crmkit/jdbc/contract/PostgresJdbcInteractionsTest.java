package io.crmkit.jdbc.contract;

import io.crmkit.core.activity.Interactions;
import io.crmkit.testkit.contract.InteractionsContract;

/** The JDBC adapter keeps the {@link Interactions} contract on Postgres. */
class PostgresJdbcInteractionsTest extends InteractionsContract {
  @Override
  protected Interactions newInteractions() {
    return ContractStores.emptyPostgres().interactions();
  }
}
