package io.crmkit.jdbc.contract;

import io.crmkit.jdbc.JdbcPrivacy;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.testkit.contract.ProtectionKeysContract;

/** The JDBC protection keys' metadata keeps the contract on H2. */
class H2JdbcProtectionKeysTest extends ProtectionKeysContract {
  @Override
  protected PrivacyStore newStore() {
    return ContractStores.emptyH2().attach(JdbcPrivacy.extension());
  }
}
