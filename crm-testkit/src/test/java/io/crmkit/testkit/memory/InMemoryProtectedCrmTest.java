package io.crmkit.testkit.memory;

import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.core.store.CrmStore;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.memory.InMemoryPrivacy;
import io.crmkit.testkit.contract.ProtectedCrmContract;

/** The protected facade keeps its contract on the in-memory store. */
class InMemoryProtectedCrmTest extends ProtectedCrmContract {
  @Override
  protected CrmStore newStore() {
    return InMemoryCrmStore.create();
  }

  @Override
  protected PrivacyStore privacy(CrmStore store) {
    return store.attach(InMemoryPrivacy.extension());
  }

  @Override
  protected DedupStore dedup(CrmStore store) {
    return store.attach(InMemoryExtensions.dedup());
  }
}
