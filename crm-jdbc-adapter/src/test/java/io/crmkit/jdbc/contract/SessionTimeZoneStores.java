package io.crmkit.jdbc.contract;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Stores whose database sessions run in a time zone far from UTC, for reads whose results depend
 * on UTC calendar days (purchase occasions): a day taken in the session's zone, as a plain cast to
 * date would take it, shows up at once. One store per database and zone, its purchases emptied
 * before every try.
 */
final class SessionTimeZoneStores {
  private static final Map<String, JdbcCrmStore> STORES = new HashMap<>();
  private static final Map<String, DataSource> DATA_SOURCES = new HashMap<>();

  private SessionTimeZoneStores() {}

  /** An H2 store whose sessions are in {@code zone}, with no purchases. */
  static synchronized JdbcCrmStore emptyH2(String zone) {
    return empty("h2 " + zone, () -> TestDatabases.h2("zone"), zone);
  }

  /** A PostgreSQL store whose sessions are in {@code zone}, with no purchases. */
  static synchronized JdbcCrmStore emptyPostgres(String zone) {
    return empty("postgresql " + zone, () -> TestDatabases.postgres("zone"), zone);
  }

  private static JdbcCrmStore empty(String key, Supplier<DataSource> database, String zone) {
    JdbcCrmStore store = STORES.get(key);
    if (store == null) {
      HikariConfig config = new HikariConfig();
      config.setDataSource(database.get());
      config.setConnectionInitSql("SET TIME ZONE '" + zone + "'");
      config.setMaximumPoolSize(4);
      config.setPoolName("zone-" + key.replaceAll("[^A-Za-z0-9]", "-"));
      DataSource pool = new HikariDataSource(config);
      requireSessionsAwayFromUtc(pool, zone);
      store = JdbcCrmStore.create(pool);
      STORES.put(key, store);
      DATA_SOURCES.put(key, pool);
    }
    try (Connection connection = DATA_SOURCES.get(key).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM crm_purchase");
    } catch (SQLException e) {
      throw new CrmStorageException("could not empty the purchases of " + key, e);
    }
    return store;
  }

  /**
   * Fails unless a session of {@code pool} dates 23:00 or 01:00 UTC on another day than UTC does:
   * east of UTC the evening is already tomorrow, west of it the small hours are still yesterday.
   */
  private static void requireSessionsAwayFromUtc(DataSource pool, String zone) {
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT CAST(TIMESTAMP WITH TIME ZONE '2024-01-01 23:00:00+00' AS DATE),"
            + " CAST(TIMESTAMP WITH TIME ZONE '2024-01-02 01:00:00+00' AS DATE)")) {
      rs.next();
      if (rs.getObject(1, LocalDate.class).equals(LocalDate.of(2024, 1, 1))
          && rs.getObject(2, LocalDate.class).equals(LocalDate.of(2024, 1, 2))) {
        throw new IllegalStateException("sessions in " + zone + " date instants as UTC does; the test proves nothing");
      }
    } catch (SQLException e) {
      throw new CrmStorageException("could not check the session time zone " + zone, e);
    }
  }
}
