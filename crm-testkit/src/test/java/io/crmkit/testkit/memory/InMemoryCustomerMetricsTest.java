package io.crmkit.testkit.memory;

import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.core.metric.MetricStore;
import io.crmkit.testkit.contract.CustomerMetricsContract;

/** The in-memory metrics pass the capability's contract. */
class InMemoryCustomerMetricsTest extends CustomerMetricsContract {
  @Override
  protected MetricStore newStore() {
    return InMemoryCrmStore.create().attach(InMemoryExtensions.metrics());
  }
}
