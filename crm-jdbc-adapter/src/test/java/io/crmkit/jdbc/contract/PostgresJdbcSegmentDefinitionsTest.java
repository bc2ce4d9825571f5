package io.crmkit.jdbc.contract;

import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.JdbcMetrics;
import io.crmkit.jdbc.JdbcSegmentation;
import io.crmkit.testkit.contract.SegmentDefinitionsContract;

/** The JDBC segment definitions, and membership over the JDBC store, keep the contract on PostgreSQL. */
class PostgresJdbcSegmentDefinitionsTest extends SegmentDefinitionsContract {
  @Override
  protected Stores newStores() {
    JdbcCrmStore store = ContractStores.emptyPostgres();
    return new Stores(store.attach(JdbcSegmentation.extension()), store.attach(JdbcMetrics.extension()));
  }
}
