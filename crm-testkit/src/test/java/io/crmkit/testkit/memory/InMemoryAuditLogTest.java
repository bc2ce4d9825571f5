package io.crmkit.testkit.memory;

import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.memory.InMemoryPrivacy;
import io.crmkit.testkit.contract.AuditLogContract;

/** The in-memory audit log keeps the contract. */
class InMemoryAuditLogTest extends AuditLogContract {
  @Override
  protected PrivacyStore newStore() {
    return InMemoryCrmStore.create().attach(InMemoryPrivacy.extension());
  }
}
