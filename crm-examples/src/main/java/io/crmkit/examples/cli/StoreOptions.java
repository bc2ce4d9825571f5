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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The store a command works on, shared as a picocli mixin: an embedded H2 file database in
 * {@code ./crmkit-data} unless {@code --jdbc-url} names another (any PostgreSQL, for one). The
 * schema is migrated on first use.
 */
final class StoreOptions {

  /** The embedded default, relative to the working directory. */
  static final String DEFAULT_URL = "jdbc:h2:file:./crmkit-data/crmkit";

  private static final String H2 = "jdbc:h2:";
  /** {@code mem:}, {@code tcp:}, {@code ssl:}, {@code zip:}, {@code nio:} ...; a drive letter ({@code C:}) is a path. */
  private static final Pattern OTHER_H2_MODE = Pattern.compile("[A-Za-z][A-Za-z0-9]+:");

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
   * Opens a store that must hold crmkit's data already, for a command that reads one: opening an
   * embedded H2 file that is not there would create an empty store, and a mistyped {@code
   * --jdbc-url} or another working directory would pass for a store without customers.
   *
   * @throws CliException bad input if the URL names an embedded H2 database whose file does not
   *     exist; failure if the database cannot be reached
   */
  OpenStore openExisting() {
    Optional<Path> file = h2File();
    if (file.isPresent() && !Files.exists(file.get())) {
      throw CliException.badInput("there is no store at " + file.get().toAbsolutePath().normalize()
          + ": check --jdbc-url and the working directory (crmkit import or crmkit demo creates one)");
    }
    return open(false);
  }

  /**
   * The file of an embedded H2 database, {@code PATH.mv.db} for {@code jdbc:h2:file:PATH} or
   * {@code jdbc:h2:PATH} ({@code ~} standing for the home folder, as H2 reads it); empty for any
   * other database, an in-memory or a server one.
   */
  Optional<Path> h2File() {
    if (!url.regionMatches(true, 0, H2, 0, H2.length())) {
      return Optional.empty();
    }
    String name = url.substring(H2.length()).split(";", 2)[0];
    if (name.regionMatches(true, 0, "file:", 0, "file:".length())) {
      name = name.substring("file:".length());
    } else if (OTHER_H2_MODE.matcher(name).lookingAt()) {
      return Optional.empty();
    }
    if (name.startsWith("~")) {
      name = System.getProperty("user.home") + name.substring(1);
    }
    return Optional.of(Path.of(name + ".mv.db"));
  }


  /**
   * Opens the database with every capability attached, after dropping crmkit's own tables when
   * {@code dropCrmkitTables}, so that the store starts empty; other tables of the database, even
   * ones named with crmkit's prefix, are left alone.
   *
   * @throws CliException (failure) if the database cannot be reached or the tables cannot be dropped
   */
  OpenStore open(boolean dropCrmkitTables) {
    h2File().ifPresent(this::createFolderOf);
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

  /** The capabilities whose tables {@link #dropCrmkitTables} drops, as named in the JDBC adapter's DDL. */
  static final List<String> CAPABILITIES =
      List.of("base", "dedup", "dimension_codes", "imports", "lifecycle", "metric", "privacy", "segmentation");

  private static final Pattern CREATE_TABLE =
      Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?(\\w+)", Pattern.CASE_INSENSITIVE);

  /**
   * Drops crmkit's own tables, those its DDL creates and its migration histories, in one statement
   * without CASCADE: a table of the host that merely shares the prefix stays, and a view of the
   * host over crmkit's tables makes the drop fail rather than vanish with them.
   */
  private void dropCrmkitTables(HikariDataSource dataSource) {
    Set<String> ours = crmkitTableNames();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = meta.getTables(connection.getCatalog(), connection.getSchema(), null,
          new String[] {"TABLE"})) {
        while (rows.next()) {
          String name = rows.getString("TABLE_NAME");
          if (ours.contains(name.toLowerCase(Locale.ROOT))) {
            tables.add(meta.getIdentifierQuoteString() + name + meta.getIdentifierQuoteString());
          }
        }
      }
      if (!tables.isEmpty()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("DROP TABLE " + String.join(", ", tables));
        }
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw CliException.failure("cannot empty the database " + url + ": " + e.getMessage(), e);
    }
  }

  /** Every table crmkit creates with the default prefix: read from the DDL the JDBC adapter ships. */
  static Set<String> crmkitTableNames() {
    Set<String> names = new HashSet<>();
    names.add(JdbcOptions.DEFAULT_PREFIX + "schema_history");
    for (String capability : CAPABILITIES) {
      if (!capability.equals("base")) {
        names.add(JdbcOptions.DEFAULT_PREFIX + capability + "_schema_history");
      }
      String ddl = "/io/crmkit/jdbc/ddl/" + capability + "/h2.sql";
      try (InputStream in = JdbcCrmStore.class.getResourceAsStream(ddl)) {
        if (in == null) {
          throw new IllegalStateException("the JDBC adapter has no " + ddl);
        }
        Matcher tables = CREATE_TABLE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        while (tables.find()) {
          names.add(tables.group(1).toLowerCase(Locale.ROOT));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(ddl + " cannot be read", e);
      }
    }
    return names;
  }

  /** The JDBC adapter of every capability. */
  static CrmStores.Extensions jdbcExtensions() {
    return new CrmStores.Extensions(JdbcLifecycle.extension(), JdbcDimensionCodes.extension(),
        JdbcDedup.extension(), JdbcMetrics.extension(), JdbcSegmentation.extension(), JdbcPrivacy.extension());
  }

  /**
   * Creates the folder of an embedded database that is not there yet, as H2 would, but saying
   * plainly what stands in the way, where H2 answers with its own stack trace on standard error.
   */
  private void createFolderOf(Path file) {
    Path folder = file.toAbsolutePath().normalize().getParent();
    for (Path existing = folder; existing != null; existing = existing.getParent()) {
      if (Files.exists(existing)) {
        if (!Files.isDirectory(existing)) {
          throw CliException.failure("cannot open the database " + url + ": " + existing + " is a file, not a folder",
              null);
        }
        break;
      }
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw CliException.failure("cannot open the database " + url + ": its folder " + folder + " cannot be created ("
          + e.getMessage() + ")", e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root instanceof UnknownHostException ? "unknown host " + root.getMessage() : root.getMessage();
  }

  /** An open database: the stores over it and the pool to close. */
  record OpenStore(HikariDataSource dataSource, JdbcCrmStore jdbc, CrmStores stores) implements AutoCloseable {

    @Override
    public void close() {
      dataSource.close();
    }
  }
}
