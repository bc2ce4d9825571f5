package io.crmkit.testkit.memory;

import io.crmkit.core.dimension.review.CodeRequests;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.testkit.contract.CodeRequestsContract;

/** The in-memory adapter keeps the {@link CodeRequests} contract. */
class InMemoryCodeRequestsTest extends CodeRequestsContract {
  @Override
  protected CodeRequests newRequests() {
    return InMemoryCrmStore.create().attach(InMemoryExtensions.dimensionCodes()).codeRequests();
  }
}
