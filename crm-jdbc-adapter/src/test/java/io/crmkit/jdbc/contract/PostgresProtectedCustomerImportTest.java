package io.crmkit.jdbc.contract;

import io.crmkit.core.store.CrmStore;
import io.crmkit.testkit.contract.CustomerImportContract;

/** With field protection on, the import (batch inserts and updates, COPY) keeps its contract on Postgres. */
class PostgresProtectedCustomerImportTest extends CustomerImportContract {
  @Override
  protected CrmStore newStore() {
    return ContractStores.emptyProtectedPostgres();
  }
}
