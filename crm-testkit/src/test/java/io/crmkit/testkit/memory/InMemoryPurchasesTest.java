package io.crmkit.testkit.memory;

import io.crmkit.core.activity.Purchases;
import io.crmkit.core.memory.InMemoryPurchases;
import io.crmkit.testkit.contract.PurchasesContract;

/** The in-memory purchase store keeps the {@link Purchases} contract. */
class InMemoryPurchasesTest extends PurchasesContract {
  @Override
  protected Purchases newPurchases() {
    return new InMemoryPurchases();
  }
}
