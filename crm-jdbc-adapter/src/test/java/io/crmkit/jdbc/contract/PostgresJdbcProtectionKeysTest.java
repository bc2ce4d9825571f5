package io.crmkit.jdbc.contract;

import io.crmkit.jdbc.JdbcPrivacy;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.testkit.contract.ProtectionKeysContract;

/** The JDBC protection keys' metadata keeps the contract on PostgreSQL. */
class PostgresJdbcProtectionKeysTest extends ProtectionKeysContract {
  @Override
  protected PrivacyStore newStore() {
    return ContractStores.emptyPostgres().attach(JdbcPrivacy.extension());
  }
}
