package io.crmkit.testkit.memory;

import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.lifecycle.LifecycleStore;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.core.metric.MetricStore;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.memory.InMemoryPrivacy;
import io.crmkit.testkit.contract.ErasureContract;

/** Erasure on the in-memory store and extensions keeps the erasure contract. */
class InMemoryErasureTest extends ErasureContract {
  @Override
  protected CrmStore newStore() {
    return InMemoryCrmStore.create();
  }

  @Override
  protected StoreExtension<LifecycleStore> lifecycle() {
    return InMemoryExtensions.lifecycle();
  }

  @Override
  protected StoreExtension<DedupStore> dedup() {
    return InMemoryExtensions.dedup();
  }

  @Override
  protected StoreExtension<MetricStore> metrics() {
    return InMemoryExtensions.metrics();
  }

  @Override
  protected StoreExtension<PrivacyStore> privacy() {
    return InMemoryPrivacy.extension();
  }
}
