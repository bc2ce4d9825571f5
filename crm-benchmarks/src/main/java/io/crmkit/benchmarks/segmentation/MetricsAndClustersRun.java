package io.crmkit.benchmarks.segmentation;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.imports.CustomerImporter;
import io.crmkit.core.metric.CustomerMetric;
import io.crmkit.core.metric.CustomerMetrics;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.JdbcMetrics;
import io.crmkit.segmentation.cluster.KMeans;
import io.crmkit.segmentation.cluster.Silhouette;
import io.crmkit.segmentation.cluster.ZScores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Computed metrics and k-means at scale, each against a baseline measured in the same run:
 *
 * <ul>
 *   <li><b>bulk metric write</b>: {@code CustomerMetrics.recordAll} of N number metrics (upserts in
 *       JDBC batches of 1,000, one transaction, produced lazily) against plain JDBC batch inserts of
 *       the same rows into a twin table with the same columns, key and indexes (no upsert, no
 *       checks); ratio = raw time / crmkit time;
 *   <li><b>metric criterion</b>: {@code count(metric("clv").atLeast(x))} selecting 1% of C customers
 *       against {@code count(tierIs(VIP))} selecting the same 1% through a column of the customer
 *       table; ratio = column time / metric time;
 *   <li><b>k-means</b>: {@code KMeans.withK(k).seed(1)} on P standardised three-feature vectors
 *       (recency, frequency, monetary value drawn like a retail base), time per Lloyd iteration
 *       against one plain pass over the vectors (summing them); and the sampled silhouette.
 * </ul>
 *
 * <p>Arguments, all optional, as {@code key=value}: {@code metrics} (1000000), {@code customers}
 * (100000), {@code points} (1000000), {@code k} (5), {@code rounds} (3), {@code databases} ({@code
 * postgresql,h2}). Medians are reported.
 */
public final class MetricsAndClustersRun {
  private static final Instant AT = Instant.parse("2025-06-30T00:00:00Z");

  private MetricsAndClustersRun() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>(Map.of("metrics", "1000000", "customers", "100000",
        "points", "1000000", "k", "5", "rounds", "3", "databases", "postgresql,h2"));
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      if (kv.length != 2 || !options.containsKey(kv[0])) {
        throw new IllegalArgumentException("unknown argument " + arg + "; use " + options.keySet() + " as key=value");
      }
      options.put(kv[0], kv[1]);
    }
    int metrics = Integer.parseInt(options.get("metrics"));
    int customers = Integer.parseInt(options.get("customers"));
    int rounds = Integer.parseInt(options.get("rounds"));
    print("JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " processors, load average "
        + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    for (String database : options.get("databases").split(",")) {
      if (database.equals("postgresql")) {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
          HikariConfig config = new HikariConfig();
          config.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
          config.setUsername("postgres");
          config.setMaximumPoolSize(4);
          try (HikariDataSource pool = new HikariDataSource(config)) {
            runDatabase("postgresql", pool, metrics, customers, rounds);
          }
        }
      } else if (database.equals("h2")) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:metrics_benchmark;DB_CLOSE_DELAY=-1");
        runDatabase("h2", h2, metrics, customers, rounds);
      } else {
        throw new IllegalArgumentException("unknown database " + database);
      }
    }
    runKMeans(Integer.parseInt(options.get("points")), Integer.parseInt(options.get("k")), rounds);
  }

  private static void runDatabase(String database, DataSource dataSource, int metrics, int customers, int rounds)
      throws SQLException {
    JdbcCrmStore store = JdbcCrmStore.create(dataSource);
    CustomerMetrics port = store.attach(JdbcMetrics.extension()).customerMetrics();
    execute(dataSource, "CREATE TABLE bench_metric (customer_id UUID NOT NULL, metric_name VARCHAR(64) NOT NULL,"
        + " number_value DOUBLE PRECISION, text_value VARCHAR(200), computed_at TIMESTAMP WITH TIME ZONE NOT NULL,"
        + " computed_nanos INTEGER NOT NULL, CONSTRAINT bench_metric_pk PRIMARY KEY (customer_id, metric_name))",
        "CREATE INDEX bench_metric_number_idx ON bench_metric (metric_name, number_value, customer_id)",
        "CREATE INDEX bench_metric_text_idx ON bench_metric (metric_name, text_value, customer_id)");
    List<Long> crmkit = new ArrayList<>();
    List<Long> raw = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      execute(dataSource, "DELETE FROM crm_customer_metric", "DELETE FROM bench_metric");
      vacuum(database, dataSource);
      boolean rawFirst = round % 2 == 1;
      if (rawFirst) {
        raw.add(rawInsert(dataSource, metrics));
      }
      long start = System.nanoTime();
      port.recordAll(metricsOf(metrics));
      crmkit.add(System.nanoTime() - start);
      if (!rawFirst) {
        raw.add(rawInsert(dataSource, metrics));
      }
      print(database + " round " + (round + 1) + ": recordAll " + ms(crmkit.get(round)) + " ms, raw inserts "
          + ms(raw.get(round)) + " ms");
    }
    print(database + " bulk write of " + metrics + " metrics: crmkit " + ms(median(crmkit)) + " ms, raw JDBC "
        + ms(median(raw)) + " ms, ratio raw/crmkit " + ratio(median(raw), median(crmkit)));
    execute(dataSource, "DELETE FROM crm_customer_metric", "DROP TABLE bench_metric");

    loadCustomers(store, port, customers);
    if (database.equals("postgresql")) {
      execute(dataSource, "ANALYZE");
    }
    Customers all = store.customers();
    Criteria byMetric = Criteria.metric("clv").atLeast(customers - customers / 100.0);
    Criteria byColumn = Criteria.tierIs(ValueTier.VIP);
    long expected = all.count(byColumn);
    if (all.count(byMetric) != expected) {
      throw new IllegalStateException("the two criteria should select the same customers");
    }
    List<Long> metricTimes = new ArrayList<>();
    List<Long> columnTimes = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      long start = System.nanoTime();
      all.count(byMetric);
      long middle = System.nanoTime();
      all.count(byColumn);
      long end = System.nanoTime();
      if (i >= 10) {
        metricTimes.add(middle - start);
        columnTimes.add(end - middle);
      }
    }
    print(database + " count of " + expected + " of " + customers + " customers: metric criterion "
        + micros(median(metricTimes)) + " µs, column criterion " + micros(median(columnTimes))
        + " µs, ratio column/metric " + ratio(median(columnTimes), median(metricTimes)));
  }

  /** {@code customers} organisations, the top 1% by {@code clv} also tier VIP. */
  private static void loadCustomers(JdbcCrmStore store, CustomerMetrics port, int customers) {
    List<Customer> rows = new ArrayList<>(customers);
    for (int i = 0; i < customers; i++) {
      NewCustomer.Builder details = NewCustomer.organisation("Company " + i);
      if (i >= customers - customers / 100) {
        details.tier(ValueTier.VIP);
      }
      rows.add(new Customer.Builder().from(details.build()).id(id(i)).version(0).createdAt(AT).updatedAt(AT).build());
    }
    CustomerImporter.on(store).trustingValidatedRows().insertAll(rows);
    port.recordAll(metricsOf(customers));
  }

  /** Metric {@code clv} = i of customer i, produced as the write reads them. */
  private static Iterable<CustomerMetric> metricsOf(int count) {
    return () -> new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < count;
      }

      @Override
      public CustomerMetric next() {
        int i = next++;
        return CustomerMetric.number(id(i), "clv", i, AT);
      }
    };
  }

  private static long rawInsert(DataSource dataSource, int count) throws SQLException {
    long start = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_metric (customer_id, metric_name,"
          + " number_value, text_value, computed_at, computed_nanos) VALUES (?, ?, ?, ?, ?, ?)")) {
        Timestamp at = Timestamp.from(AT);
        for (int i = 0; i < count; i++) {
          insert.setObject(1, id(i).value());
          insert.setString(2, "clv");
          insert.setDouble(3, i);
          insert.setNull(4, Types.VARCHAR);
          insert.setTimestamp(5, at);
          insert.setInt(6, 0);
          insert.addBatch();
          if ((i + 1) % 1000 == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      connection.commit();
    }
    return System.nanoTime() - start;
  }

  private static void runKMeans(int points, int k, int rounds) {
    SplittableRandom random = new SplittableRandom(7);
    double[][] vectors = new double[points][];
    for (int i = 0; i < points; i++) {
      double recency = -Math.log(1 - random.nextDouble()) * 90;
      double frequency = 1 + Math.floor(-Math.log(1 - random.nextDouble()) * 4);
      double monetary = Math.exp(3.5 + random.nextGaussian() * 0.8) * frequency;
      vectors[i] = new double[] {recency, frequency, monetary};
    }
    double[][] z = ZScores.standardise(vectors);
    List<Long> perIteration = new ArrayList<>();
    List<Long> passes = new ArrayList<>();
    KMeans.Result result = null;
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      result = KMeans.withK(k).seed(1).cluster(z);
      perIteration.add((System.nanoTime() - start) / result.wcssPerIteration().size());
      passes.add(pass(z));
    }
    long start = System.nanoTime();
    double silhouette = Silhouette.score(z, result.assignments());
    long silhouetteTime = System.nanoTime() - start;
    print("k-means of " + points + " vectors, k=" + k + ": " + result.wcssPerIteration().size() + " iterations, "
        + ms(median(perIteration)) + " ms per iteration, a plain pass " + ms(median(passes))
        + " ms, ratio iteration/pass " + ratio(median(perIteration), median(passes)) + "; sizes "
        + Arrays.toString(result.sizes()) + "; silhouette (2,000-point sample) " + String.format("%.3f", silhouette)
        + " in " + ms(silhouetteTime) + " ms");
  }

  /** One pass summing every feature: the least any clustering iteration must do. */
  private static long pass(double[][] vectors) {
    long start = System.nanoTime();
    double sum = 0;
    for (double[] vector : vectors) {
      for (double value : vector) {
        sum += value;
      }
    }
    long time = System.nanoTime() - start;
    if (Double.isNaN(sum)) {
      throw new IllegalStateException("NaN");
    }
    return time;
  }

  private static CustomerId id(int i) {
    return CustomerId.of(new UUID(0x636c76L, i));
  }

  private static void vacuum(String database, DataSource dataSource) throws SQLException {
    if (database.equals("postgresql")) {
      execute(dataSource, "VACUUM crm_customer_metric", "VACUUM bench_metric");
    }
  }

  private static void execute(DataSource dataSource, String... sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      for (String s : sql) {
        statement.execute(s);
      }
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static String ms(long nanos) {
    return String.format("%.0f", nanos / 1e6);
  }

  private static String micros(long nanos) {
    return String.format("%.0f", nanos / 1e3);
  }

  private static String ratio(long a, long b) {
    return String.format("%.2f", (double) a / b);
  }

  private static void print(String line) {
    System.out.println(line);
  }
}
