package io.crmkit.testkit.memory;

import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.io.imports.ImportStore;
import io.crmkit.io.memory.InMemoryImports;
import io.crmkit.testkit.contract.ImportCheckpointsContract;

/** The in-memory import checkpoints keep the contract. */
class InMemoryImportCheckpointsTest extends ImportCheckpointsContract {
  @Override
  protected ImportStore newStore() {
    return InMemoryCrmStore.create().attach(InMemoryImports.extension());
  }
}
