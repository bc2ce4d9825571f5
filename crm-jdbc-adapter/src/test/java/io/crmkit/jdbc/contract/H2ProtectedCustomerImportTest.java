package io.crmkit.jdbc.contract;

import io.crmkit.core.store.CrmStore;
import io.crmkit.testkit.contract.CustomerImportContract;

/** With field protection on, the import (batch inserts and updates ) keeps its contract on H2. */
class H2ProtectedCustomerImportTest extends CustomerImportContract {
  @Override
  protected CrmStore newStore() {
    return ContractStores.emptyProtectedH2();
  }
}
