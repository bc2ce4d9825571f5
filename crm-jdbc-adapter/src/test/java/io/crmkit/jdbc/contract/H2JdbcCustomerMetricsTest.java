package io.crmkit.jdbc.contract;

import io.crmkit.core.metric.MetricStore;
import io.crmkit.jdbc.JdbcMetrics;
import io.crmkit.testkit.contract.CustomerMetricsContract;

/** The JDBC metrics, and criteria over them, keep the metrics contract on H2. */
class H2JdbcCustomerMetricsTest extends CustomerMetricsContract {
  @Override
  protected MetricStore newStore() {
    return ContractStores.emptyH2().attach(JdbcMetrics.extension());
  }
}
