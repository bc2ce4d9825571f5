package io.crmkit.jdbc.contract;

import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.lifecycle.LifecycleStore;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.jdbc.JdbcDedup;
import io.crmkit.jdbc.JdbcLifecycle;
import io.crmkit.testkit.contract.MergeContract;

/** Merging and unmerging on the JDBC adapter keep the merge contract on H2. */
class H2JdbcMergeTest extends MergeContract {
  @Override
  protected CrmStore newStore() {
    return ContractStores.emptyH2();
  }

  @Override
  protected StoreExtension<DedupStore> dedup() {
    return JdbcDedup.extension();
  }

  @Override
  protected StoreExtension<LifecycleStore> lifecycle() {
    return JdbcLifecycle.extension();
  }
}
