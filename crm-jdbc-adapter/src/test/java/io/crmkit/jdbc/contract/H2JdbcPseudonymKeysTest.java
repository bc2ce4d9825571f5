package io.crmkit.jdbc.contract;

import io.crmkit.jdbc.JdbcPrivacy;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.testkit.contract.PseudonymKeysContract;

/** The JDBC pseudonymisation keys keep the contract on H2. */
class H2JdbcPseudonymKeysTest extends PseudonymKeysContract {
  @Override
  protected PrivacyStore newStore() {
    return ContractStores.emptyH2().attach(JdbcPrivacy.extension());
  }
}
