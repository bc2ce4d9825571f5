package io.crmkit.jdbc.contract;

import io.crmkit.io.CrmStores;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.JdbcDedup;
import io.crmkit.jdbc.JdbcDimensionCodes;
import io.crmkit.jdbc.JdbcLifecycle;
import io.crmkit.jdbc.JdbcMetrics;
import io.crmkit.jdbc.JdbcPrivacy;
import io.crmkit.jdbc.JdbcSegmentation;
import io.crmkit.testkit.contract.BackupContract;
import java.util.function.Function;

/**
 * Backup and restore keep their contract from memory into Postgres; a backup reads one snapshot of
 * the database through {@link JdbcCrmStore#inSnapshot}, as a host would take it.
 */
class PostgresJdbcBackupTest extends BackupContract {
  private JdbcCrmStore store;

  @Override
  protected CrmStores newEmptyStores() {
    store = ContractStores.emptyPostgres();
    return CrmStores.attach(store, extensions());
  }

  @Override
  protected <T> T inSnapshot(CrmStores stores, Function<CrmStores, T> work) {
    return store.inSnapshot(snapshot -> work.apply(CrmStores.attach(snapshot, extensions())));
  }

  private static CrmStores.Extensions extensions() {
    return new CrmStores.Extensions(JdbcLifecycle.extension(), JdbcDimensionCodes.extension(), JdbcDedup.extension(),
        JdbcMetrics.extension(), JdbcSegmentation.extension(), JdbcPrivacy.extension());
  }
}
