package io.crmkit.testkit.memory;

import io.crmkit.core.activity.Purchases;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.testkit.contract.PurchasesContract;

/** The in-memory purchase store keeps the {@link Purchases} contract. */
class InMemoryPurchasesTest extends PurchasesContract {
  @Override
  protected Purchases newPurchases() {
    return InMemoryCrmStore.create().purchases();
  }
}
