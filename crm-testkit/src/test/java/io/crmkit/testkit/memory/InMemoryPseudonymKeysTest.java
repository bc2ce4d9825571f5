package io.crmkit.testkit.memory;

import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.memory.InMemoryPrivacy;
import io.crmkit.testkit.contract.PseudonymKeysContract;

/** The in-memory pseudonymisation keys keep the contract. */
class InMemoryPseudonymKeysTest extends PseudonymKeysContract {
  @Override
  protected PrivacyStore newStore() {
    return InMemoryCrmStore.create().attach(InMemoryPrivacy.extension());
  }
}
