package io.crmkit.testkit.memory;

import io.crmkit.core.lifecycle.LifecycleHistory;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.testkit.contract.LifecycleHistoryContract;

/** The in-memory lifecycle history passes the port's contract. */
class InMemoryLifecycleHistoryTest extends LifecycleHistoryContract {
  @Override
  protected LifecycleHistory newHistory() {
    return InMemoryCrmStore.create().attach(InMemoryExtensions.lifecycle()).lifecycleHistory();
  }
}
