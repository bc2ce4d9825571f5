package io.crmkit.jdbc.contract;

import io.crmkit.core.store.CrmStore;
import io.crmkit.testkit.contract.CustomerImportContract;

/** The core's customer import on the JDBC store keeps the import contract on H2. */
class H2JdbcCustomerImportTest extends CustomerImportContract {
  @Override
  protected CrmStore newStore() {
    return ContractStores.emptyH2();
  }
}
