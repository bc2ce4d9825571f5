package io.crmkit.jdbc.contract;

import io.crmkit.core.store.CrmStore;

/**
 * Erasure keeps its contract on H2 with protected fields encrypted: it rewrites the encrypted
 * customer rows and merge snapshots, and the scan of every table still finds no personal value.
 */
class H2ProtectedErasureTest extends JdbcErasureBehaviour {
  @Override
  protected CrmStore newStore() {
    return ContractStores.emptyProtectedH2();
  }
}
