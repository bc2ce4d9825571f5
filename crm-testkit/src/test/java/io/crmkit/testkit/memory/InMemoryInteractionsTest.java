package io.crmkit.testkit.memory;

import io.crmkit.core.activity.Interactions;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.testkit.contract.InteractionsContract;

/** The in-memory interaction store keeps the {@link Interactions} contract. */
class InMemoryInteractionsTest extends InteractionsContract {
  @Override
  protected Interactions newInteractions() {
    return InMemoryCrmStore.create().interactions();
  }
}
