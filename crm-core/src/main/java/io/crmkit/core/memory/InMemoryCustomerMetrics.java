package io.crmkit.core.memory;

import io.crmkit.core.customer.CriteriaEvaluator;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.MetricValue;
import io.crmkit.core.metric.CustomerMetric;
import io.crmkit.core.metric.CustomerMetrics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link CustomerMetrics} in memory, by metric name then customer, so that a criterion on one
 * metric reads one map. It is also the {@link CriteriaEvaluator.MetricLookup} of the store's
 * {@code InMemoryCustomers}, which is how queries see metrics.
 */
final class InMemoryCustomerMetrics implements CustomerMetrics, CriteriaEvaluator.MetricLookup {
  private final Map<String, Map<CustomerId, CustomerMetric>> byName = new ConcurrentHashMap<>();
  private final InMemoryTransactions transactions;

  InMemoryCustomerMetrics(InMemoryTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void record(CustomerMetric metric) {
    recordAll(List.of(Objects.requireNonNull(metric, "metric")));
  }

  @Override
  public void recordAll(Iterable<CustomerMetric> metrics) {
    Objects.requireNonNull(metrics, "metrics");
    transactions.inTransaction(() -> {
      for (CustomerMetric metric : metrics) {
        Objects.requireNonNull(metric, "metric");
        CustomerMetric replaced = values(metric.name()).put(metric.customerId(), metric);
        transactions.onRollback(() -> restore(metric.name(), metric.customerId(), replaced));
      }
      return null;
    });
  }

  @Override
  public Optional<CustomerMetric> find(CustomerId customerId, String name) {
    Objects.requireNonNull(customerId, "customerId");
    Map<CustomerId, CustomerMetric> values = byName.get(MetricValue.checkName(name));
    return Optional.ofNullable(values == null ? null : values.get(customerId));
  }

  @Override
  public Map<String, CustomerMetric> allOf(CustomerId customerId) {
    Objects.requireNonNull(customerId, "customerId");
    Map<String, CustomerMetric> found = new HashMap<>();
    byName.forEach((name, values) -> {
      CustomerMetric metric = values.get(customerId);
      if (metric != null) {
        found.put(name, metric);
      }
    });
    return found;
  }

  @Override
  public Map<CustomerId, CustomerMetric> find(Collection<CustomerId> customerIds, String name) {
    Objects.requireNonNull(customerIds, "customerIds");
    Map<CustomerId, CustomerMetric> values = byName.getOrDefault(MetricValue.checkName(name), Map.of());
    Map<CustomerId, CustomerMetric> found = new HashMap<>();
    for (CustomerId id : customerIds) {
      CustomerMetric metric = values.get(Objects.requireNonNull(id, "customerId"));
      if (metric != null) {
        found.put(id, metric);
      }
    }
    return found;
  }

  @Override
  public boolean remove(CustomerId customerId, String name) {
    Objects.requireNonNull(customerId, "customerId");
    MetricValue.checkName(name);
    return transactions.inTransaction(() -> {
      Map<CustomerId, CustomerMetric> values = byName.get(name);
      CustomerMetric removed = values == null ? null : values.remove(customerId);
      if (removed != null) {
        transactions.onRollback(() -> restore(name, customerId, removed));
      }
      return removed != null;
    });
  }

  @Override
  public long removeAll(String name) {
    MetricValue.checkName(name);
    return transactions.inTransaction(() -> {
      Map<CustomerId, CustomerMetric> values = byName.get(name);
      if (values == null) {
        return 0L;
      }
      List<CustomerMetric> removed = new ArrayList<>(values.values());
      values.clear();
      transactions.onRollback(() -> removed.forEach(m -> values(name).put(m.customerId(), m)));
      return (long) removed.size();
    });
  }

  @Override
  public Optional<MetricValue> value(CustomerId id, String metric) {
    Map<CustomerId, CustomerMetric> values = byName.get(metric);
    CustomerMetric found = values == null ? null : values.get(id);
    return Optional.ofNullable(found == null ? null : found.value());
  }

  private Map<CustomerId, CustomerMetric> values(String name) {
    return byName.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
  }

  private void restore(String name, CustomerId id, CustomerMetric previous) {
    if (previous == null) {
      values(name).remove(id);
    } else {
      values(name).put(id, previous);
    }
  }
}
