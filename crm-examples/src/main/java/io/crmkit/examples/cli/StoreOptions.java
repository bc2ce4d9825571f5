package io.crmkit.examples.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crmkit.core.dedup.DedupEvent;
import io.crmkit.io.CrmStores;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.JdbcDedup;
import io.crmkit.jdbc.JdbcDimensionCodes;
import io.crmkit.jdbc.JdbcLifecycle;
import io.crmkit.jdbc.JdbcMetrics;
import io.crmkit.jdbc.JdbcOptions;
import io.crmkit.jdbc.JdbcPrivacy;
import io.crmkit.jdbc.JdbcSegmentation;
import io.crmkit.privacy.PrivacyEvent;
import io.crmkit.segmentation.SegmentationEvent;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The store a command works on, shared as a picocli mixin: an embedded H2 file database in
 * {@code ./crmkit-data} unless {@code --jdbc-url} names another (any PostgreSQL, for one). The
 * schema is migrated on first use.
 */
final class StoreOptions {

  /** The embedded default, relative to the working directory. */
  static final String DEFAULT_URL = "jdbc:h2:file:./crmkit-data/crmkit";

  @Option(names = "--jdbc-url", paramLabel = "URL", defaultValue = DEFAULT_URL,
      description = "The database (default: ${DEFAULT-VALUE}, an embedded H2 file). "
          + "For PostgreSQL: jdbc:postgresql://HOST:5432/DB.")
  String url;

  @Option(names = "--jdbc-user", paramLabel = "USER", description = "The database user (default: none for H2).")
  String user;

  @Option(names = "--jdbc-password-env", paramLabel = "VARIABLE", defaultValue = "CRMKIT_JDBC_PASSWORD",
      description = "The environment variable holding the database password (default: ${DEFAULT-VALUE}), "
          + "so it never appears in the process list.")
  String passwordVariable;

  /**
   * Opens the database with every capability attached; close the result to release it.
   *
   * @throws CliException (failure) if the database cannot be reached
   */
  OpenStore open() {
    return open(false);
  }

  /**
   * Opens the database with every capability attached, after dropping crmkit's tables (those
   * named with the {@value JdbcOptions#DEFAULT_PREFIX} prefix) when {@code dropCrmkitTables}, so
   * that the store starts empty; other tables of the database are left alone.
   *
   * @throws CliException (failure) if the database cannot be reached or the tables cannot be dropped
   */
  OpenStore open(boolean dropCrmkitTables) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (user != null) {
      config.setUsername(user);
    }
    String password = System.getenv(passwordVariable);
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(4);
    config.setPoolName("crmkit");
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config);
    } catch (RuntimeException e) { // HikariCP: no driver for the URL, a refused connection, bad settings
      throw CliException.failure("cannot open the database " + url + ": " + rootMessage(e), e);
    }
    try {
      if (dropCrmkitTables) {
        dropCrmkitTables(dataSource);
      }
      JdbcCrmStore base = JdbcCrmStore.create(dataSource, jdbcOptions());
      return new OpenStore(dataSource, base, CrmStores.attach(base, jdbcExtensions()));
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /**
   * The store's options: every capability's event family goes through the outbox (merges publish
   * {@link DedupEvent}s, tier changes {@link SegmentationEvent}s, consent and erasure {@link
   * PrivacyEvent}s), which the dedup extension insists on.
   */
  static JdbcOptions jdbcOptions() {
    return JdbcOptions.builder().eventFamilies(DedupEvent.FAMILY, SegmentationEvent.FAMILY, PrivacyEvent.FAMILY)
        .build();
  }

  /** Drops every table of the current schema named with crmkit's prefix, in one go (CASCADE). */
  private void dropCrmkitTables(HikariDataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = meta.getTables(connection.getCatalog(), connection.getSchema(), null,
          new String[] {"TABLE"})) {
        while (rows.next()) {
          String name = rows.getString("TABLE_NAME");
          if (name.toLowerCase(Locale.ROOT).startsWith(JdbcOptions.DEFAULT_PREFIX)) {
            tables.add(name);
          }
        }
      }
      try (Statement statement = connection.createStatement()) {
        for (String table : tables) {
          statement.execute("DROP TABLE IF EXISTS " + meta.getIdentifierQuoteString() + table
              + meta.getIdentifierQuoteString() + " CASCADE");
        }
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw CliException.failure("cannot empty the database " + url + ": " + e.getMessage(), e);
    }
  }

  /** The JDBC adapter of every capability. */
  static CrmStores.Extensions jdbcExtensions() {
    return new CrmStores.Extensions(JdbcLifecycle.extension(), JdbcDimensionCodes.extension(),
        JdbcDedup.extension(), JdbcMetrics.extension(), JdbcSegmentation.extension(), JdbcPrivacy.extension());
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  /** An open database: the stores over it and the pool to close. */
  record OpenStore(HikariDataSource dataSource, JdbcCrmStore jdbc, CrmStores stores) implements AutoCloseable {

    @Override
    public void close() {
      dataSource.close();
    }
  }
}
