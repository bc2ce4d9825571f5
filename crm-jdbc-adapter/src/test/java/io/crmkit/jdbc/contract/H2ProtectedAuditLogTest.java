package io.crmkit.jdbc.contract;

import io.crmkit.jdbc.JdbcPrivacy;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.testkit.contract.AuditLogContract;

/** The JDBC audit log keeps the contract on H2 beside encrypted customers. */
class H2ProtectedAuditLogTest extends AuditLogContract {
  @Override
  protected PrivacyStore newStore() {
    return ContractStores.emptyProtectedH2().attach(JdbcPrivacy.extension());
  }
}
