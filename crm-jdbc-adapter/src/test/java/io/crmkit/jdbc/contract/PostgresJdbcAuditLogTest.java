package io.crmkit.jdbc.contract;

import io.crmkit.jdbc.JdbcPrivacy;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.testkit.contract.AuditLogContract;

/** The JDBC audit log keeps the contract on PostgreSQL. */
class PostgresJdbcAuditLogTest extends AuditLogContract {
  @Override
  protected PrivacyStore newStore() {
    return ContractStores.emptyPostgres().attach(JdbcPrivacy.extension());
  }
}
