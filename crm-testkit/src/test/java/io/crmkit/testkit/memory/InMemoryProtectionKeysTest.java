package io.crmkit.testkit.memory;

import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.memory.InMemoryPrivacy;
import io.crmkit.testkit.contract.ProtectionKeysContract;

/** The in-memory protection keys' metadata keeps the contract. */
class InMemoryProtectionKeysTest extends ProtectionKeysContract {
  @Override
  protected PrivacyStore newStore() {
    return InMemoryCrmStore.create().attach(InMemoryPrivacy.extension());
  }
}
