package io.crmkit.jdbc.contract;

import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.jdbc.JdbcDedup;
import io.crmkit.testkit.contract.IncrementalMatchContract;

/** Incremental matching on the JDBC adapter keeps the incremental-match contract on H2. */
class H2JdbcIncrementalMatchTest extends IncrementalMatchContract {
  @Override
  protected CrmStore newStore() {
    return ContractStores.emptyH2();
  }

  @Override
  protected StoreExtension<DedupStore> dedup() {
    return JdbcDedup.extension();
  }
}
