package io.crmkit.benchmarks.dedup;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.dedup.MatchInput;
import io.crmkit.core.dedup.MatchRecord;
import io.crmkit.core.dedup.incremental.IncrementalMatcher;
import io.crmkit.core.dedup.match.Deduplicator;
import io.crmkit.core.dedup.standardise.MatchInputs;
import io.crmkit.core.dedup.standardise.Standardiser;
import io.crmkit.core.imports.CustomerImporter;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.JdbcDedup;
import io.crmkit.jdbc.JdbcOptions;
import io.crmkit.testkit.dedup.DuplicateGenerator;
import io.crmkit.testkit.dedup.GeneratedCustomers;
import io.crmkit.testkit.dedup.GeneratedRecord;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The import-time question on PostgreSQL: one {@link IncrementalMatcher#check} of an incoming
 * record against a store of N customers, as p50 and p99 of single checks on one thread, with a
 * primary-key read of one customer ({@code findById}) timed the same way in the same run as the
 * floor a check cannot beat (a check reads every candidate it scores).
 *
 * <p>The store is an embedded PostgreSQL (started from Maven artifacts, default settings) through
 * a HikariCP pool of 4. Customers come from {@link DuplicateGenerator} (seed 1, Chinese and
 * Western persons and organisations, 30 % of entities with duplicates), loaded with
 * {@link CustomerImporter} (trusted rows); their blocking keys, computed by
 * {@link IncrementalMatcher#keysOf}, are written with JDBC batches, then {@code ANALYZE}. The model
 * is fitted by a batch {@link Deduplicator} run on the first {@code --fit} customers. The checked
 * records are the generator's next records, not stored: new records, some of them duplicates of
 * stored customers.
 *
 * <p>Options: {@code --customers N} (default 100000), {@code --checks N} (timed checks, default
 * 2000), {@code --warmup N} (default 500), {@code --fit N} (default 20000).
 */
public final class IncrementalCheckBenchmark {
  private static final int CHUNK = 10_000;
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  private IncrementalCheckBenchmark() {}

  /** Runs the benchmark; see the class comment for the options. */
  public static void main(String[] args) throws IOException, SQLException {
    Map<String, String> options = options(args);
    int customers = Integer.parseInt(options.getOrDefault("customers", "100000"));
    int checks = Integer.parseInt(options.getOrDefault("checks", "2000"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "500"));
    int fit = Math.min(customers, Integer.parseInt(options.getOrDefault("fit", "20000")));
    if (customers < 1 || checks < 1 || warmup < 0 || fit < 2) {
      throw new IllegalArgumentException("need customers >= 1, checks >= 1, warmup >= 0, fit >= 2");
    }
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        HikariDataSource pool = pool(postgres)) {
      JdbcCrmStore base = JdbcCrmStore.create(pool, JdbcDedup.options(JdbcOptions.builder()).build());
      DedupStore store = base.attach(JdbcDedup.extension());
      Iterator<GeneratedRecord> generated = DuplicateGenerator.builder().seed(1).entities(customers).build()
          .iterator();

      long start = System.nanoTime();
      List<Customer> sample = next(generated, fit, 0);
      List<MatchRecord> fitted = sample.stream().map(c -> Standardiser.defaults().standardise(MatchInputs.of(c)))
          .toList();
      Deduplicator dedup = Deduplicator.withDefaults();
      IncrementalMatcher matcher = IncrementalMatcher.builder().store(store)
          .model(dedup.model(dedup.run(fitted).parameters(), fitted)).build();
      System.out.printf(Locale.ROOT, "fitted on %d customers in %d s%n", fit, seconds(start));

      start = System.nanoTime();
      List<CustomerId> ids = new ArrayList<>(customers);
      long keys = load(pool, base, matcher, sample, ids);
      while (ids.size() < customers) {
        keys += load(pool, base, matcher, next(generated, Math.min(CHUNK, customers - ids.size()), ids.size()), ids);
      }
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("ANALYZE");
      }
      System.out.printf(Locale.ROOT, "loaded %d customers and %d blocking keys in %d s%n", ids.size(), keys,
          seconds(start));

      List<MatchInput> incoming = new ArrayList<>();
      while (incoming.size() < warmup + checks && generated.hasNext()) {
        incoming.add(generated.next().input());
      }
      Random random = new Random(7);
      int[] candidates = new int[1];
      int[] matched = new int[1];
      Iterator<MatchInput> inputs = incoming.iterator();
      Supplier<Runnable> check = () -> {
        MatchInput input = inputs.hasNext() ? inputs.next() : incoming.get(random.nextInt(incoming.size()));
        return () -> {
          IncrementalMatcher.Check result = matcher.check(input);
          candidates[0] += result.candidates().size();
          matched[0] += result.matches().isEmpty() ? 0 : 1;
        };
      };
      Supplier<Runnable> read = () -> {
        CustomerId id = ids.get(random.nextInt(ids.size()));
        return () -> base.customers().findById(id).orElseThrow();
      };
      time(read, warmup);
      time(check, warmup);
      candidates[0] = 0;
      matched[0] = 0;
      long[] readTimes = time(read, checks);
      long[] checkTimes = time(check, checks);
      System.out.printf(Locale.ROOT, "%-28s %8s %10s %10s %10s%n", "operation", "runs", "p50 ms", "p99 ms",
          "mean ms");
      print("findById (baseline)", readTimes);
      print("check", checkTimes);
      System.out.printf(Locale.ROOT, "checks: %.1f candidates each on average, %d of %d with a match%n",
          (double) candidates[0] / checks, matched[0], checks);
    }
  }

  private static HikariDataSource pool(EmbeddedPostgres postgres) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
    config.setUsername("postgres");
    config.setMaximumPoolSize(4);
    return new HikariDataSource(config);
  }

  private static List<Customer> next(Iterator<GeneratedRecord> generated, int count, int first) {
    List<Customer> chunk = new ArrayList<>(count);
    for (int i = 0; i < count && generated.hasNext(); i++) {
      chunk.add(new Customer.Builder().from(GeneratedCustomers.toNewCustomer(generated.next()))
          .id(CustomerId.of(new UUID(0xBE7C, first + i))).version(0).createdAt(AT).updatedAt(AT).build());
    }
    if (chunk.isEmpty()) {
      throw new IllegalStateException("the generator ran out of records after " + first);
    }
    return chunk;
  }

  private static long load(HikariDataSource pool, JdbcCrmStore base, IncrementalMatcher matcher,
      List<Customer> chunk, List<CustomerId> ids) throws SQLException {
    CustomerImporter.Report report = CustomerImporter.on(base).trustingValidatedRows().insertAll(chunk);
    if (report.inserted() != chunk.size()) {
      throw new IllegalStateException("inserted " + report.inserted() + " of " + chunk.size() + ": "
          + report.rejected().stream().limit(3).toList());
    }
    long keys = 0;
    try (Connection connection = pool.getConnection();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO crm_blocking_key (customer_id, block_key) VALUES (?, ?)")) {
      connection.setAutoCommit(false);
      for (Customer customer : chunk) {
        for (String key : matcher.keysOf(customer)) {
          insert.setObject(1, customer.id().value());
          insert.setString(2, key);
          insert.addBatch();
          keys++;
        }
        ids.add(customer.id());
      }
      insert.executeBatch();
      connection.commit();
    }
    return keys;
  }

  private static long[] time(Supplier<Runnable> operations, int runs) {
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      Runnable operation = operations.get();
      long start = System.nanoTime();
      operation.run();
      nanos[i] = System.nanoTime() - start;
    }
    return nanos;
  }

  private static void print(String name, long[] nanos) {
    if (nanos.length == 0) {
      return;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0);
    System.out.printf(Locale.ROOT, "%-28s %8d %10.3f %10.3f %10.3f%n", name, sorted.length,
        percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, mean / 1e6);
  }

  private static long percentile(long[] sorted, double share) {
    int index = (int) Math.ceil(share * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static long seconds(long start) {
    return (System.nanoTime() - start) / 1_000_000_000L;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("options are --name value, got " + String.join(" ", args));
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }
}
