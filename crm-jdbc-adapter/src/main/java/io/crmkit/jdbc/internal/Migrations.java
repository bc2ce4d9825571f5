package io.crmkit.jdbc.internal;

import io.crmkit.core.common.CrmStorageException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies crmkit's versioned migrations with Flyway, one capability at a time: the base schema
 * (customers, activities, outbox) and each attached extension (lifecycle, dimension codes, ...)
 * has its scripts under {@code io/crmkit/jdbc/migration/<capability>/<dialect>/}, with
 * {@code ${prefix}} replaced by the table prefix, and its own history table (the base's is
 * {@code <prefix>schema_history}, an extension's {@code <prefix><capability>_schema_history}), so
 * capabilities version independently and crmkit's migrations never mix with the host's. A schema
 * that already holds the host's tables is fine. Migrations that SQL cannot express are Java
 * ({@link LookupKeyBackfill}, base 2.1), given to Flyway here.
 */
final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  /** The classpath folder of the Flyway scripts, one sub-folder per capability, then per dialect. */
  static final String LOCATION = "io/crmkit/jdbc/migration/";
  /** The classpath folder of the same DDL rendered for the default prefix, for DBAs. */
  static final String DDL_LOCATION = "io/crmkit/jdbc/ddl/";
  /** The capability of the base store's tables. */
  static final String BASE = "base";

  private Migrations() {}

  /**
   * Migrates {@code capability}'s tables to its latest version; returns how many migrations ran.
   *
   * @throws CrmStorageException if a migration fails
   */
  static int migrate(DataSource dataSource, Dialect dialect, Tables tables, String capability) {
    String schema = tables.schema();
    FluentConfiguration configuration = Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:" + LOCATION + capability + "/" + dialect.name())
        .placeholders(Map.of("prefix", tables.prefix()))
        .table(tables.schemaHistoryTable(capability))
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .validateMigrationNaming(true);
    if (schema != null) {
      configuration.schemas(schema).defaultSchema(schema);
    }
    if (capability.equals(BASE)) {
      configuration.javaMigrations(new LookupKeyBackfill(tables));
    }
    try {
      int applied = configuration.load().migrate().migrationsExecuted;
      if (applied > 0) {
        LOG.info("Applied {} crmkit {} migration(s) for {} with table prefix '{}'", applied, capability,
            dialect.name(), tables.prefix());
      }
      return applied;
    } catch (FlywayException e) {
      throw new CrmStorageException("Migrating the crmkit " + capability + " schema (" + dialect.name()
          + ", prefix '" + tables.prefix() + "') failed: " + e.getMessage(), e);
    }
  }
}
