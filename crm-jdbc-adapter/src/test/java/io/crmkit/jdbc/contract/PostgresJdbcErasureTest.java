package io.crmkit.jdbc.contract;

import io.crmkit.core.store.CrmStore;

/** Erasure keeps its contract on PostgreSQL. */
class PostgresJdbcErasureTest extends JdbcErasureBehaviour {
  @Override
  protected CrmStore newStore() {
    return ContractStores.emptyPostgres();
  }
}
