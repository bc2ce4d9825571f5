package io.crmkit.jdbc.contract;

import io.crmkit.io.imports.ImportStore;
import io.crmkit.jdbc.JdbcImports;
import io.crmkit.testkit.contract.ImportCheckpointsContract;

/** The JDBC import checkpoints keep the contract on H2. */
class H2JdbcImportCheckpointsTest extends ImportCheckpointsContract {
  @Override
  protected ImportStore newStore() {
    return ContractStores.emptyH2().attach(JdbcImports.extension());
  }
}
