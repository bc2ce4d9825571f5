package io.crmkit.jdbc.contract;

import io.crmkit.core.store.CrmStore;

/** Erasure keeps its contract on H2. */
class H2JdbcErasureTest extends JdbcErasureBehaviour {
  @Override
  protected CrmStore newStore() {
    return ContractStores.emptyH2();
  }
}
