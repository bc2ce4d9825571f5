package io.crmkit.testkit.memory;

import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.lifecycle.LifecycleStore;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.testkit.contract.MergeContract;

/** Merging and unmerging in memory, lifecycle history included, passes the merge contract. */
class InMemoryMergeTest extends MergeContract {
  @Override
  protected CrmStore newStore() {
    return InMemoryCrmStore.create();
  }

  @Override
  protected StoreExtension<DedupStore> dedup() {
    return InMemoryExtensions.dedup();
  }

  @Override
  protected StoreExtension<LifecycleStore> lifecycle() {
    return InMemoryExtensions.lifecycle();
  }
}
