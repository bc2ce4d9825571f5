package io.crmkit.benchmarks.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerField;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.imports.CustomerImporter;
import io.crmkit.core.lifecycle.LifecycleEngine;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.JdbcLifecycle;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Batch lifecycle evaluation over the JDBC store: {@link LifecycleEngine#evaluateAll} with the
 * standard lifecycle and rules over 20,000 customers with 10 purchases each, in in-memory H2 and
 * in an embedded PostgreSQL, as customers per second. What it measures is reading: customers by
 * stage in keyset pages, history, churn signals and the customers' purchase figures, then the
 * (cheap) evaluation. {@link #streamCandidatesBaseline} streams the same customers and nothing
 * else: what is left when reading the rest costs nothing.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@State(Scope.Benchmark)
public class LifecycleEvaluationJdbcBenchmark {
  static final int CUSTOMERS = 20_000;
  static final int PURCHASES_EACH = 10;
  static final Instant AS_OF = Instant.parse("2025-06-30T00:00:00Z");
  static final Instant EPOCH = Instant.parse("2023-01-01T00:00:00Z");
  /** Every stage a rule can move a customer from, active customers weighted up as in a real base. */
  private static final LifecycleStage[] STAGES = {
      LifecycleStage.PROSPECT, LifecycleStage.DECIDING, LifecycleStage.NEW, LifecycleStage.ACTIVE,
      LifecycleStage.ACTIVE, LifecycleStage.ACTIVE, LifecycleStage.AT_RISK, LifecycleStage.CHURNED,
      LifecycleStage.WON_BACK};

  @Param({"h2", "postgresql"})
  public String database;

  private EmbeddedPostgres postgres;
  private HikariDataSource pool;
  private DataSource dataSource;
  private JdbcCrmStore store;
  private LifecycleEngine engine;

  /** Starts the database, migrates it, and loads the customers and their purchases. */
  @Setup(Level.Trial)
  public void load() throws IOException, SQLException {
    if (database.equals("postgresql")) {
      postgres = EmbeddedPostgres.builder().start();
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
      config.setUsername("postgres");
      config.setMaximumPoolSize(4);
      pool = new HikariDataSource(config);
      dataSource = pool;
    } else {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:lifecycle_benchmark;DB_CLOSE_DELAY=-1");
      h2.setUser("sa");
      dataSource = h2;
    }
    store = JdbcCrmStore.create(dataSource);
    Random random = new Random(42);
    List<Customer> customers = new ArrayList<>(CUSTOMERS);
    for (int i = 0; i < CUSTOMERS; i++) {
      customers.add(customer(random, i));
    }
    CustomerImporter.Report report = CustomerImporter.on(store).trustingValidatedRows().insertAll(customers);
    if (report.inserted() != CUSTOMERS) {
      throw new IllegalStateException("loaded " + report.inserted() + " of " + CUSTOMERS + " customers");
    }
    List<Purchase> purchases = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      Customer customer = customers.get(i);
      for (int p = 0; p < PURCHASES_EACH; p++) {
        purchases.add(new Purchase.Builder().id(ActivityId.of(new UUID(9, (long) i * PURCHASES_EACH + p)))
            .customerId(customer.id()).occurredAt(between(random, customer.createdAt(), AS_OF))
            .amount(Money.of(CurrencyUnit.EUR, 10 + random.nextInt(90))).channel("online").build());
      }
      if (purchases.size() >= 10_000) {
        store.purchases().recordAll(purchases);
        purchases.clear();
      }
    }
    store.purchases().recordAll(purchases);
    if (postgres != null) {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("ANALYZE");
      }
    }
    engine = LifecycleEngine.builder().store(store.attach(JdbcLifecycle.extension())).clock(Clock.fixed(AS_OF, ZoneOffset.UTC)).build();
  }

  /** Closes the pool and stops the database. */
  @TearDown(Level.Trial)
  public void stop() throws IOException, SQLException {
    if (pool != null) {
      pool.close();
    }
    if (postgres != null) {
      postgres.close();
    } else {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("SHUTDOWN");
      }
    }
  }

  /** The engine evaluating every customer in the database; the score is customers per second. */
  @Benchmark
  @OperationsPerInvocation(CUSTOMERS)
  public long evaluateAllOverJdbc() {
    try (Stream<?> changes = engine.evaluateAll(AS_OF)) {
      return changes.count();
    }
  }

  /**
   * Baseline: only stream the customers evaluation reads (those in a stage some rule can leave),
   * the part of {@link #evaluateAllOverJdbc} that reading purchase figures cannot make cheaper.
   */
  @Benchmark
  @OperationsPerInvocation(CUSTOMERS)
  public long streamCandidatesBaseline() {
    try (Stream<Customer> candidates = store.customers().stream(
        Criteria.in(CustomerField.STAGE, engine.evaluator().evaluatedStages()))) {
      return candidates.count();
    }
  }

  private static Customer customer(Random random, int i) {
    Instant created = between(random, EPOCH, AS_OF.minus(Duration.ofDays(1)));
    return new Customer.Builder()
        .id(CustomerId.of(new UUID(random.nextLong(), i)))
        .kind(CustomerKind.PERSON)
        .personName(PersonName.of("Li", "Na"))
        .stage(STAGES[random.nextInt(STAGES.length)])
        .version(0)
        .createdAt(created)
        .updatedAt(created)
        .build();
  }

  private static Instant between(Random random, Instant from, Instant to) {
    long span = Duration.between(from, to).toSeconds();
    return from.plusSeconds(span <= 0 ? 0 : (long) (random.nextDouble() * span));
  }
}
