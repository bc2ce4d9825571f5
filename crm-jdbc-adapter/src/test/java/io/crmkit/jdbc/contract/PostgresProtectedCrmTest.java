package io.crmkit.jdbc.contract;

import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.store.CrmStore;
import io.crmkit.jdbc.JdbcDedup;
import io.crmkit.jdbc.JdbcPrivacy;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.testkit.contract.ProtectedCrmContract;

/** The protected facade keeps its contract on PostgreSQL: audit entries commit and roll back with the work. */
class PostgresProtectedCrmTest extends ProtectedCrmContract {
  @Override
  protected CrmStore newStore() {
    return ContractStores.emptyPostgres();
  }

  @Override
  protected PrivacyStore privacy(CrmStore store) {
    return store.attach(JdbcPrivacy.extension());
  }

  @Override
  protected DedupStore dedup(CrmStore store) {
    return store.attach(JdbcDedup.extension());
  }
}
