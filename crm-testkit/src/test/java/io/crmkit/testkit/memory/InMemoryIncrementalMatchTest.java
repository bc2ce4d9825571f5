package io.crmkit.testkit.memory;

import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.testkit.contract.IncrementalMatchContract;

/** Incremental matching in memory passes the incremental-match contract. */
class InMemoryIncrementalMatchTest extends IncrementalMatchContract {
  @Override
  protected CrmStore newStore() {
    return InMemoryCrmStore.create();
  }

  @Override
  protected StoreExtension<DedupStore> dedup() {
    return InMemoryExtensions.dedup();
  }
}
