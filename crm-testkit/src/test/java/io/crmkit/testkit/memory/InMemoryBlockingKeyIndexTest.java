package io.crmkit.testkit.memory;

import io.crmkit.core.dedup.BlockingKeyIndex;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.testkit.contract.BlockingKeyIndexContract;

/** The in-memory blocking-key index passes the port's contract. */
class InMemoryBlockingKeyIndexTest extends BlockingKeyIndexContract {
  @Override
  protected BlockingKeyIndex newIndex() {
    return InMemoryCrmStore.create().attach(InMemoryExtensions.dedup()).blockingKeys();
  }
}
