package io.crmkit.core.memory;

import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.Purchases;

/** {@link Purchases} in memory. */
public final class InMemoryPurchases extends InMemoryActivityLog<Purchase> implements Purchases {
  public InMemoryPurchases() {
    super("Purchase");
  }
}
