package io.crmkit.testkit.memory;

import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.store.CrmStore;
import io.crmkit.testkit.contract.CustomerImportContract;

/** The core's customer import on the in-memory store keeps the import contract. */
class InMemoryCustomerImportTest extends CustomerImportContract {
  @Override
  protected CrmStore newStore() {
    return InMemoryCrmStore.create();
  }
}
