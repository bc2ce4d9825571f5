package io.crmkit.jdbc.contract;

import io.crmkit.core.store.CrmStore;

/**
 * Erasure keeps its contract on PostgreSQL with protected fields encrypted: it rewrites the encrypted
 * customer rows and merge snapshots, and the scan of every table still finds no personal value.
 */
class PostgresProtectedErasureTest extends JdbcErasureBehaviour {
  @Override
  protected CrmStore newStore() {
    return ContractStores.emptyProtectedPostgres();
  }
}
