package io.crmkit.jdbc.contract;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.store.CrmStore;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.JdbcDedup;
import io.crmkit.jdbc.JdbcDimensionCodes;
import io.crmkit.jdbc.JdbcImports;
import io.crmkit.jdbc.JdbcLifecycle;
import io.crmkit.jdbc.JdbcMetrics;
import io.crmkit.jdbc.JdbcOptions;
import io.crmkit.jdbc.JdbcPrivacy;
import io.crmkit.jdbc.JdbcSegmentation;
import io.crmkit.jdbc.TestDatabases;
import io.crmkit.jdbc.TestFieldProtection;
import io.crmkit.privacy.PrivacyEvent;
import io.crmkit.privacy.audit.AuditChain;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * One store per database for the contract runs, emptied before every try (the contracts ask for a
 * fresh, empty store each time). PostgreSQL goes through a small pool, as a host would use it.
 */
final class ContractStores {
  private static final List<String> TABLES = List.of("crm_customer_code", "crm_customer_tag", "crm_customer_lookup",
      "crm_customer_attribute", "crm_external_ref", "crm_customer", "crm_purchase", "crm_interaction", "crm_outbox",
      "crm_code_sequence", "crm_code_request", "crm_lifecycle_history", "crm_churn_signal", "crm_merge_member",
      "crm_merge_lineage", "crm_review_pair", "crm_blocking_key", "crm_customer_metric",
      "crm_segment_definition", "crm_audit_log", "crm_consent_entry", "crm_pseudonym_key",
      "crm_protection_key", "crm_import_checkpoint");

  /** Options that carry the dedup events (merges) and the privacy events (consent changes) through the outbox. */
  private static final JdbcOptions OPTIONS =
      JdbcDedup.options(JdbcOptions.builder().eventFamilies(PrivacyEvent.FAMILY)).build();

  private static JdbcCrmStore h2;
  private static JdbcCrmStore postgres;
  private static DataSource h2DataSource;
  private static DataSource postgresDataSource;
  private static JdbcCrmStore protectedH2;
  private static JdbcCrmStore protectedPostgres;
  private static DataSource protectedH2DataSource;
  private static DataSource protectedPostgresDataSource;

  private ContractStores() {}

  static synchronized JdbcCrmStore emptyH2() {
    if (h2 == null) {
      h2DataSource = TestDatabases.h2("contract");
      h2 = withExtensions(JdbcCrmStore.create(h2DataSource, OPTIONS));
    }
    empty(h2DataSource, h2.databaseName());
    return h2;
  }

  static synchronized JdbcCrmStore emptyPostgres() {
    if (postgres == null) {
      DataSource schema = TestDatabases.postgres("contract");
      HikariConfig config = new HikariConfig();
      config.setDataSource(schema);
      config.setMaximumPoolSize(12);
      config.setPoolName("contract-postgres");
      postgresDataSource = new HikariDataSource(config);
      postgres = withExtensions(JdbcCrmStore.create(postgresDataSource, OPTIONS));
    }
    empty(postgresDataSource, postgres.databaseName());
    return postgres;
  }

  /** As {@link #emptyH2()}, in a database of its own, with protected fields encrypted ({@link TestFieldProtection}). */
  static synchronized JdbcCrmStore emptyProtectedH2() {
    if (protectedH2 == null) {
      protectedH2DataSource = TestDatabases.h2("contract_protected");
      protectedH2 = withExtensions(JdbcCrmStore.create(protectedH2DataSource,
          OPTIONS.toBuilder().fieldProtection(TestFieldProtection.create()).build()));
    }
    empty(protectedH2DataSource, protectedH2.databaseName());
    return protectedH2;
  }

  /** As {@link #emptyPostgres()}, in a schema of its own, with protected fields encrypted ({@link TestFieldProtection}). */
  static synchronized JdbcCrmStore emptyProtectedPostgres() {
    if (protectedPostgres == null) {
      protectedPostgresDataSource = TestDatabases.postgres("contract_protected");
      protectedPostgres = withExtensions(JdbcCrmStore.create(protectedPostgresDataSource,
          OPTIONS.toBuilder().fieldProtection(TestFieldProtection.create()).build()));
    }
    empty(protectedPostgresDataSource, protectedPostgres.databaseName());
    return protectedPostgres;
  }

  /** Attaches crm-core's, crm-segmentation's and crm-privacy's extensions, so their tables exist before the first emptying. */
  private static JdbcCrmStore withExtensions(JdbcCrmStore store) {
    store.attach(JdbcDimensionCodes.extension());
    store.attach(JdbcLifecycle.extension());
    store.attach(JdbcDedup.extension());
    store.attach(JdbcMetrics.extension());
    store.attach(JdbcSegmentation.extension());
    store.attach(JdbcPrivacy.extension());
    store.attach(JdbcImports.extension());
    return store;
  }

  /** The data source under a store of this class (protected or not), to scan its tables. */
  static synchronized DataSource dataSource(CrmStore store) {
    if (store == h2) {
      return h2DataSource;
    }
    if (store == postgres) {
      return postgresDataSource;
    }
    if (store == protectedH2) {
      return protectedH2DataSource;
    }
    if (store == protectedPostgres) {
      return protectedPostgresDataSource;
    }
    throw new IllegalArgumentException("not a contract store: " + store);
  }

  private static void empty(DataSource dataSource, String database) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      if (database.equals("postgresql")) {
        statement.execute("TRUNCATE " + String.join(", ", TABLES.stream()
            .filter(t -> !t.equals("crm_customer_attribute")).toList()));
      } else {
        for (String table : TABLES) {
          statement.execute("DELETE FROM " + table);
        }
      }
      // The audit chain's head row stays; it goes back to the empty chain's.
      statement.execute("UPDATE crm_audit_chain_head SET last_sequence = 0, last_hash = '" + AuditChain.GENESIS + "'");
    } catch (SQLException e) {
      throw new CrmStorageException("could not empty the contract database", e);
    }
  }
}
