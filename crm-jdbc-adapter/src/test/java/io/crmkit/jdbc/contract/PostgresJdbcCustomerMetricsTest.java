package io.crmkit.jdbc.contract;

import io.crmkit.core.metric.MetricStore;
import io.crmkit.jdbc.JdbcMetrics;
import io.crmkit.testkit.contract.CustomerMetricsContract;

/** The JDBC metrics, and criteria over them, keep the metrics contract on PostgreSQL. */
class PostgresJdbcCustomerMetricsTest extends CustomerMetricsContract {
  @Override
  protected MetricStore newStore() {
    return ContractStores.emptyPostgres().attach(JdbcMetrics.extension());
  }
}
