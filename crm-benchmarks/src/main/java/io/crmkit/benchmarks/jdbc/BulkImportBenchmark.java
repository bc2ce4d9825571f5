package io.crmkit.benchmarks.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.imports.CustomerImporter;
import io.crmkit.jdbc.JdbcCrmStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Bulk import of N customers through crmkit's customer import (the core's {@code CustomerImporter}
 * on a {@code JdbcCrmStore}) against raw JDBC batch inserts of the same rows into the same (fresh,
 * identically indexed) tables, in the same run, on an embedded PostgreSQL and on in-memory H2; then
 * the latency of lookups by external reference on the loaded table.
 *
 * <p>Arguments, all optional, as {@code key=value}: {@code customers} (1000000), {@code rounds} (3),
 * {@code lookups} (20000), {@code databases} ({@code postgresql,h2}), {@code h2} ({@code mem} for
 * in-memory databases, {@code file} for database files in the temporary directory).
 *
 * <p>Three loads per round, in rotating order: raw JDBC batches; {@code insertAll} with full
 * validation (the default); the same with {@code trustingValidatedRows()} (storage checks only).
 * Each load is one transaction into a fresh schema (PostgreSQL) or database (H2) created by
 * crmkit's migration, so every variant pays for the same indexes and constraints. Medians are
 * reported; ratio = raw time / crmkit time (above 1 means crmkit is faster).
 */
public final class BulkImportBenchmark {
  private static final List<String> VARIANTS = List.of("raw-jdbc", "crmkit", "crmkit-trusted");
  private static List<String> variants = VARIANTS;

  private BulkImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>(Map.of("customers", "1000000", "rounds", "3",
        "lookups", "20000", "databases", "postgresql,h2", "h2", "mem", "variants", String.join(",", VARIANTS)));
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      if (kv.length != 2 || !options.containsKey(kv[0])) {
        throw new IllegalArgumentException("unknown argument " + arg + "; use " + options.keySet() + " as key=value");
      }
      options.put(kv[0], kv[1]);
    }
    int count = Integer.parseInt(options.get("customers"));
    int rounds = Integer.parseInt(options.get("rounds"));
    int lookups = Integer.parseInt(options.get("lookups"));
    List<String> databases = Arrays.asList(options.get("databases").split(","));
    variants = Arrays.asList(options.get("variants").split(","));
    if (!VARIANTS.containsAll(variants) || !variants.contains("crmkit") && !variants.contains("crmkit-trusted")) {
      throw new IllegalArgumentException("variants are " + VARIANTS + ", at least one of them crmkit's");
    }

    System.out.printf(Locale.ROOT, "# JDBC bulk import benchmark: %,d customers, %d rounds%n", count, rounds);
    System.out.printf(Locale.ROOT, "JDK %s, %d cores, max heap %,d MB%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    long t0 = System.nanoTime();
    List<Customer> customers = BenchmarkCustomers.generate(count, 42);
    System.out.printf(Locale.ROOT, "generated in %.1f s%n", seconds(System.nanoTime() - t0));

    if (databases.contains("postgresql")) {
      postgres(customers, rounds, lookups).forEach(System.out::println);
    }
    if (databases.contains("h2")) {
      h2(customers, rounds, lookups, options.get("h2").equals("file")).forEach(System.out::println);
    }
  }

  private static List<String> postgres(List<Customer> customers, int rounds, int lookups) throws Exception {
    try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
      System.out.println("PostgreSQL " + version(server.getPostgresDatabase()));
      Map<String, List<Double>> times = new HashMap<>();
      JdbcCrmStore last = null;
      HikariDataSource lastPool = null;
      for (int round = 1; round <= rounds; round++) {
        for (String variant : rotate(round)) {
          String schema = variant.replace('-', '_') + "_" + round;
          execute(server.getPostgresDatabase(), "CREATE SCHEMA " + schema);
          HikariDataSource pool = pool(server.getPort(), schema);
          JdbcCrmStore store = JdbcCrmStore.create(pool);
          double seconds = load(variant, store, pool, true, customers);
          times.computeIfAbsent(variant, v -> new ArrayList<>()).add(seconds);
          System.out.printf(Locale.ROOT, "postgresql round %d %-14s %7.1f s%n", round, variant, seconds);
          if (variant.equals(lookupVariant()) && round == rounds) {
            last = store;
            lastPool = pool;
          } else {
            pool.close();
            execute(server.getPostgresDatabase(), "DROP SCHEMA " + schema + " CASCADE");
          }
        }
      }
      List<String> lines = summary("PostgreSQL (embedded, COPY path)", customers.size(), times);
      execute(lastPool, "ANALYZE");
      lines.addAll(lookups("PostgreSQL", last, customers.size(), lookups));
      lastPool.close();
      return lines;
    }
  }

  private static List<String> h2(List<Customer> customers, int rounds, int lookups, boolean files)
      throws Exception {
    java.nio.file.Path folder = files ? java.nio.file.Files.createTempDirectory("crmkit-h2-bench") : null;
    Map<String, List<Double>> times = new HashMap<>();
    JdbcCrmStore last = null;
    DataSource lastDataSource = null;
    System.out.println("H2 " + org.h2.engine.Constants.FULL_VERSION);
    for (int round = 1; round <= rounds; round++) {
      for (String variant : rotate(round)) {
        JdbcDataSource dataSource = new JdbcDataSource();
        String name = variant.replace('-', '_') + "_" + round;
        dataSource.setURL(files ? "jdbc:h2:file:" + folder.resolve(name) + ";DB_CLOSE_DELAY=-1"
            : "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        JdbcCrmStore store = JdbcCrmStore.create(dataSource);
        double seconds = load(variant, store, dataSource, false, customers);
        times.computeIfAbsent(variant, v -> new ArrayList<>()).add(seconds);
        System.out.printf(Locale.ROOT, "h2 round %d %-14s %7.1f s%n", round, variant, seconds);
        if (variant.equals(lookupVariant()) && round == rounds) {
          last = store;
          lastDataSource = dataSource;
        } else {
          execute(dataSource, "SHUTDOWN");
        }
      }
    }
    List<String> lines = summary("H2 " + org.h2.engine.Constants.VERSION + (files ? " (database file" : " (in memory")
        + ", JDBC batches)", customers.size(), times);
    lines.addAll(lookups("H2", last, customers.size(), lookups));
    execute(lastDataSource, "SHUTDOWN");
    if (folder != null) {
      try (var paths = java.nio.file.Files.walk(folder)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    return lines;
  }

  private static double load(String variant, JdbcCrmStore store, DataSource dataSource, boolean jsonb,
      List<Customer> customers) throws SQLException {
    System.gc();
    long start = System.nanoTime();
    switch (variant) {
      case "raw-jdbc" -> RawJdbcLoader.load(dataSource, "crm_", jsonb, customers);
      case "crmkit" -> check(CustomerImporter.on(store).insertAll(customers), customers.size());
      case "crmkit-trusted" -> check(CustomerImporter.on(store).trustingValidatedRows().insertAll(customers),
          customers.size());
      default -> throw new IllegalArgumentException(variant);
    }
    double seconds = seconds(System.nanoTime() - start);
    long rows = count(dataSource, "crm_customer");
    if (rows != customers.size()) {
      throw new IllegalStateException(variant + " loaded " + rows + " of " + customers.size() + " customers");
    }
    return seconds;
  }

  private static void check(CustomerImporter.Report report, int expected) {
    if (report.inserted() != expected) {
      throw new IllegalStateException("inserted " + report.inserted() + " of " + expected + "; first rejected: "
          + report.rejected().stream().limit(3).toList());
    }
  }

  private static List<String> rotate(int round) {
    List<String> order = new ArrayList<>(variants);
    java.util.Collections.rotate(order, round - 1);
    return order;
  }

  /** The load whose table the lookups run on: crmkit's default path if it ran. */
  private static String lookupVariant() {
    return variants.contains("crmkit") ? "crmkit" : "crmkit-trusted";
  }

  private static List<String> summary(String database, int count, Map<String, List<Double>> times) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(String.format(Locale.ROOT, "### %s: bulk import of %,d customers", database, count));
    lines.add("");
    lines.add("| variant | runs (s) | median (s) | customers/s | ratio raw/variant |");
    lines.add("|---|---|---|---|---|");
    double raw = times.containsKey("raw-jdbc") ? median(times.get("raw-jdbc")) : Double.NaN;
    for (String variant : variants) {
      double median = median(times.get(variant));
      lines.add(String.format(Locale.ROOT, "| %s | %s | %.1f | %,.0f | %.2f |", variant,
          times.get(variant).stream().map(t -> String.format(Locale.ROOT, "%.1f", t)).toList(), median,
          count / median, raw / median));
    }
    return lines;
  }

  private static List<String> lookups(String database, JdbcCrmStore store, int count, int lookups) {
    Random random = new Random(7);
    for (int i = 0; i < Math.min(lookups, 5_000); i++) {
      lookup(store, random.nextInt(count));
    }
    long[] nanos = new long[lookups];
    for (int i = 0; i < lookups; i++) {
      int n = random.nextInt(count);
      long start = System.nanoTime();
      lookup(store, n);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(String.format(Locale.ROOT, "### %s: findByExternalReference on %,d customers (%,d lookups, one thread)",
        database, count, lookups));
    lines.add("");
    lines.add("| p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |");
    lines.add("|---|---|---|---|");
    lines.add(String.format(Locale.ROOT, "| %.3f | %.3f | %.3f | %.3f |", ms(nanos, 0.50), ms(nanos, 0.90),
        ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6));
    return lines;
  }

  private static void lookup(JdbcCrmStore store, int n) {
    if (store.customers().findByExternalReference(ExternalReference.of("erp", "C-" + n)).isEmpty()) {
      throw new IllegalStateException("customer erp:C-" + n + " not found");
    }
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static HikariDataSource pool(int port, String schema) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:postgresql://localhost:" + port + "/postgres?currentSchema=" + schema);
    config.setUsername("postgres");
    config.setMaximumPoolSize(4);
    config.setPoolName("bench-" + schema);
    return new HikariDataSource(config);
  }

  private static String version(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductVersion();
    }
  }

  private static long count(DataSource dataSource, String table) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
