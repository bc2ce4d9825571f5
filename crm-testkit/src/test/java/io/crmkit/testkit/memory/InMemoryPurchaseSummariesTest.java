package io.crmkit.testkit.memory;

import io.crmkit.core.activity.Purchases;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.testkit.contract.PurchaseSummariesContract;

/** The in-memory purchase store keeps the purchase summaries contract. */
class InMemoryPurchaseSummariesTest extends PurchaseSummariesContract {
  @Override
  protected Purchases newPurchases() {
    return InMemoryCrmStore.create().purchases();
  }
}
