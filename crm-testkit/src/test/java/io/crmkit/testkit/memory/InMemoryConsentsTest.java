package io.crmkit.testkit.memory;

import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.memory.InMemoryPrivacy;
import io.crmkit.testkit.contract.ConsentsContract;

/** The in-memory consent ledger keeps the contract. */
class InMemoryConsentsTest extends ConsentsContract {
  @Override
  protected PrivacyStore newStore() {
    return InMemoryCrmStore.create().attach(InMemoryPrivacy.extension());
  }
}
