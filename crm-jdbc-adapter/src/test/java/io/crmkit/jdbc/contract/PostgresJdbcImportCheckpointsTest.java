package io.crmkit.jdbc.contract;

import io.crmkit.io.imports.ImportStore;
import io.crmkit.jdbc.JdbcImports;
import io.crmkit.testkit.contract.ImportCheckpointsContract;

/** The JDBC import checkpoints keep the contract on PostgreSQL. */
class PostgresJdbcImportCheckpointsTest extends ImportCheckpointsContract {
  @Override
  protected ImportStore newStore() {
    return ContractStores.emptyPostgres().attach(JdbcImports.extension());
  }
}
