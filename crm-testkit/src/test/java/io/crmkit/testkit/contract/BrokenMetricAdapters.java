package io.crmkit.testkit.contract;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.MetricValue;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.core.metric.CustomerMetric;
import io.crmkit.core.metric.CustomerMetrics;
import io.crmkit.core.metric.MetricStore;
import io.crmkit.core.store.CrmStore;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** Metric stores with one realistic bug each, over a working in-memory store, for {@link ContractsCatchBrokenAdaptersTest}. */
final class BrokenMetricAdapters {
  private BrokenMetricAdapters() {}

  private record Ports(CrmStore base, CustomerMetrics customerMetrics) implements MetricStore {}

  /** Passes every call to a working adapter, writes through {@link #write}. */
  private abstract static class Forwarding implements CustomerMetrics {
    final CustomerMetrics delegate;

    Forwarding(CustomerMetrics delegate) {
      this.delegate = delegate;
    }

    @Override
    public void record(CustomerMetric metric) {
      recordAll(java.util.List.of(metric));
    }

    @Override
    public Optional<CustomerMetric> find(CustomerId customerId, String name) {
      return delegate.find(customerId, name);
    }

    @Override
    public Map<String, CustomerMetric> allOf(CustomerId customerId) {
      return delegate.allOf(customerId);
    }

    @Override
    public Map<CustomerId, CustomerMetric> find(Collection<CustomerId> customerIds, String name) {
      return delegate.find(customerIds, name);
    }

    @Override
    public boolean remove(CustomerId customerId, String name) {
      return delegate.remove(customerId, name);
    }

    @Override
    public long removeAll(String name) {
      return delegate.removeAll(name);
    }
  }

  /** Stores numbers as a {@code real} column would: rounded to float precision. */
  static final class FloatPrecisionRun extends CustomerMetricsContract {
    @Override
    protected MetricStore newStore() {
      MetricStore store = InMemoryCrmStore.create().attach(InMemoryExtensions.metrics());
      return new Ports(store.base(), new Forwarding(store.customerMetrics()) {
        @Override
        public void recordAll(Iterable<CustomerMetric> metrics) {
          delegate.recordAll(StreamSupport.stream(metrics.spliterator(), false).map(m ->
              m.value() instanceof MetricValue.Number n
                  ? new CustomerMetric(m.customerId(), m.name(), MetricValue.number((float) n.value()), m.computedAt())
                  : m).toList());
        }
      });
    }
  }

  /** Writes a bulk write's metrics one by one, each in a transaction of its own: not all or none. */
  static final class OneByOneRun extends CustomerMetricsContract {
    @Override
    protected MetricStore newStore() {
      MetricStore store = InMemoryCrmStore.create().attach(InMemoryExtensions.metrics());
      return new Ports(store.base(), new Forwarding(store.customerMetrics()) {
        @Override
        public void recordAll(Iterable<CustomerMetric> metrics) {
          for (CustomerMetric metric : metrics) {
            delegate.record(metric);
          }
        }
      });
    }
  }
}
