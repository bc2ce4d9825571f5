package io.crmkit.jdbc.contract;

import io.crmkit.core.store.CrmStore;
import io.crmkit.testkit.contract.CustomerImportContract;

/**
 * The core's customer import on the JDBC store keeps the import contract on PostgreSQL, whose
 * large batches go through COPY.
 */
class PostgresJdbcCustomerImportTest extends CustomerImportContract {
  @Override
  protected CrmStore newStore() {
    return ContractStores.emptyPostgres();
  }
}
