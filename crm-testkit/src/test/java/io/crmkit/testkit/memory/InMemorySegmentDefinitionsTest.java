package io.crmkit.testkit.memory;

import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.segmentation.memory.InMemorySegmentation;
import io.crmkit.testkit.contract.SegmentDefinitionsContract;

/** The in-memory segment definitions, and membership over the in-memory store, pass the contract. */
class InMemorySegmentDefinitionsTest extends SegmentDefinitionsContract {
  @Override
  protected Stores newStores() {
    InMemoryCrmStore store = InMemoryCrmStore.create();
    return new Stores(store.attach(InMemorySegmentation.extension()), store.attach(InMemoryExtensions.metrics()));
  }
}
