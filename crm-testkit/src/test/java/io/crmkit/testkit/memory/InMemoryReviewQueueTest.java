package io.crmkit.testkit.memory;

import io.crmkit.core.dedup.review.ReviewQueue;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.testkit.contract.ReviewQueueContract;

/** The in-memory review queue passes the port's contract. */
class InMemoryReviewQueueTest extends ReviewQueueContract {
  @Override
  protected ReviewQueue newQueue() {
    return InMemoryCrmStore.create().attach(InMemoryExtensions.dedup()).reviewQueue();
  }
}
