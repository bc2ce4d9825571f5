package io.crmkit.jdbc;

import io.crmkit.core.metric.CustomerMetrics;
import io.crmkit.core.metric.MetricStore;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;

/**
 * Computed customer metrics in the database: one row per customer and metric in {@code
 * <prefix>customer_metric}, indexed by metric name and value. Once attached, the store's
 * customers answer {@code Criteria.metric(...)} with an index read of that table; before, such a
 * query throws {@code Criteria.MetricsUnavailableException}.
 *
 * <pre>{@code
 * MetricStore metrics = jdbcStore.attach(JdbcMetrics.extension());   // migrates crm_customer_metric once
 * metrics.customerMetrics().recordAll(clvOfEveryCustomer);
 * crm.find(Criteria.metric("clv").greaterThan(500), Sort.byId(), PageRequest.first(100));
 * }</pre>
 */
public final class JdbcMetrics {
  private JdbcMetrics() {}

  /** The extension to {@link JdbcCrmStore#attach attach}; its migrations run on first attach. */
  public static StoreExtension<MetricStore> extension() {
    return new JdbcExtension<>(MetricStore.EXTENSION_KEY, "metric", (base, adapters) ->
        new Ports(base, adapters.customerMetrics()));
  }

  private record Ports(CrmStore base, CustomerMetrics customerMetrics) implements MetricStore {}
}
