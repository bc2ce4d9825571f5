package io.crmkit.jdbc.contract;

import io.crmkit.core.activity.Interactions;
import io.crmkit.testkit.contract.InteractionsContract;

/** The JDBC adapter keeps the {@link Interactions} contract on H2. */
class H2JdbcInteractionsTest extends InteractionsContract {
  @Override
  protected Interactions newInteractions() {
    return ContractStores.emptyH2().interactions();
  }
}
