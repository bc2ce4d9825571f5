package io.crmkit.core.metric;

import io.crmkit.core.store.CrmStore;

/**
 * The metrics capability attached to a base {@link CrmStore}: its {@link CustomerMetrics} share
 * the store's transactions, and once attached the store's {@code customers()} answer criteria
 * over metrics ({@code Criteria.metric("clv").greaterThan(500)}). Get it from {@code
 * store.attach(InMemoryExtensions.metrics())} or {@code store.attach(JdbcMetrics.extension())}.
 */
public interface MetricStore {

  /** The key metric extensions attach under, whatever their technology. */
  String EXTENSION_KEY = "crmkit.metrics";

  /** The store these ports are attached to. */
  CrmStore base();

  /** The customers' computed metrics. */
  CustomerMetrics customerMetrics();
}
