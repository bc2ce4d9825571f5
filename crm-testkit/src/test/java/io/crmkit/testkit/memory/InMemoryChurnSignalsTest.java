package io.crmkit.testkit.memory;

import io.crmkit.core.lifecycle.ChurnSignals;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.testkit.contract.ChurnSignalsContract;

/** The in-memory churn signals pass the port's contract. */
class InMemoryChurnSignalsTest extends ChurnSignalsContract {
  @Override
  protected ChurnSignals newSignals() {
    return InMemoryCrmStore.create().attach(InMemoryExtensions.lifecycle()).churnSignals();
  }
}
