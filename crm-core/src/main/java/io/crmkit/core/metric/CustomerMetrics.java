package io.crmkit.core.metric;

import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.customer.CustomerId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the computed metrics of customers, one current value per customer and metric name, with
 * the time it was computed. The store's {@code Customers} reads them for {@code
 * Criteria.metric(...)}, so a query sees every metric written before it in the same transaction.
 * Adapters must pass {@code CustomerMetricsContract} from crm-testkit.
 *
 * <p>Recording a metric a customer already has replaces it, whatever the two computation times
 * (a re-run of a model corrects its earlier run). Metrics are not checked against the customers:
 * a metric of an id without a customer is kept and selects nobody. Every method may also throw
 * {@link CrmStorageException}.
 *
 * <p>A JDBC adapter stores one row per customer and metric, primary key {@code (customer_id,
 * metric_name)}, with indexes on {@code (metric_name, number_value)} and {@code (metric_name,
 * text_value)} for the criteria.
 */
public interface CustomerMetrics {

  /** Stores {@code metric}, replacing the customer's value of that metric. */
  void record(CustomerMetric metric);

  /**
   * Stores every metric, all or none, in one unit of work: the bulk write of a model run over
   * millions of customers (the JDBC adapter sends batches of 1,000 rows). {@code metrics} is read
   * once, so it may be a lazily produced sequence; when it names one customer and metric twice,
   * the later wins.
   */
  void recordAll(Iterable<CustomerMetric> metrics);

  /** The customer's value of {@code name}, if it has one. */
  Optional<CustomerMetric> find(CustomerId customerId, String name);

  /** Every metric of the customer, by name. */
  Map<String, CustomerMetric> allOf(CustomerId customerId);

  /**
   * The value of {@code name} of each of {@code customerIds} that has one: the bulk read (one
   * query per 10,000 ids on JDBC).
   */
  Map<CustomerId, CustomerMetric> find(Collection<CustomerId> customerIds, String name);

  /** Removes the customer's value of {@code name}; whether it had one. */
  boolean remove(CustomerId customerId, String name);

  /** Removes the metric {@code name} of every customer (a retired metric); how many values went. */
  long removeAll(String name);
}
