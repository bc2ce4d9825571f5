package io.crmkit.testkit.memory;

import io.crmkit.core.dimension.review.CodeRequests;
import io.crmkit.core.memory.InMemoryCodeRequests;
import io.crmkit.testkit.contract.CodeRequestsContract;

/** The in-memory adapter keeps the {@link CodeRequests} contract. */
class InMemoryCodeRequestsTest extends CodeRequestsContract {
  @Override
  protected CodeRequests newRequests() {
    return new InMemoryCodeRequests();
  }
}
