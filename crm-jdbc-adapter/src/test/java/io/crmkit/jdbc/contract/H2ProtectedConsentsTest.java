package io.crmkit.jdbc.contract;

import io.crmkit.jdbc.JdbcPrivacy;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.testkit.contract.ConsentsContract;

/** The JDBC consent ledger keeps the contract on H2 beside encrypted customers. */
class H2ProtectedConsentsTest extends ConsentsContract {
  @Override
  protected PrivacyStore newStore() {
    return ContractStores.emptyProtectedH2().attach(JdbcPrivacy.extension());
  }
}
