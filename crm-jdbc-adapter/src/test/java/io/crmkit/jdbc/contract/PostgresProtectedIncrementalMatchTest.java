package io.crmkit.jdbc.contract;

import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.jdbc.JdbcDedup;
import io.crmkit.testkit.contract.IncrementalMatchContract;

/** With field protection on (blocking keys blind-indexed), incremental matching keeps its contract on Postgres. */
class PostgresProtectedIncrementalMatchTest extends IncrementalMatchContract {
  @Override
  protected CrmStore newStore() {
    return ContractStores.emptyProtectedPostgres();
  }

  @Override
  protected StoreExtension<DedupStore> dedup() {
    return JdbcDedup.extension();
  }
}
