package io.crmkit.core.memory;

import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.Purchases;

/** {@link Purchases} in memory. */
final class InMemoryPurchases extends InMemoryActivityLog<Purchase> implements Purchases {
  InMemoryPurchases(InMemoryTransactions transactions) {
    super("Purchase", transactions);
  }
}
