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
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * Backup and restore keep their contract from memory into H2; a backup reads one connection
 * at the strongest isolation the database offers for a snapshot.
 */
class H2JdbcBackupTest extends BackupContract {
  private JdbcCrmStore store;

  @Override
  protected CrmStores newEmptyStores() {
    store = ContractStores.emptyH2();
    return CrmStores.attach(store, extensions());
  }

  @Override
  protected <T> T inSnapshot(CrmStores stores, Function<CrmStores, T> work) {
    try (Connection connection = ContractStores.dataSource(store).getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      try {
        T result = work.apply(CrmStores.attach(store.joining(connection), extensions()));
        connection.commit();
        return result;
      } catch (RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open a snapshot connection", e);
    }
  }

  private static CrmStores.Extensions extensions() {
    return new CrmStores.Extensions(JdbcLifecycle.extension(), JdbcDimensionCodes.extension(), JdbcDedup.extension(),
        JdbcMetrics.extension(), JdbcSegmentation.extension(), JdbcPrivacy.extension());
  }
}
