package io.crmkit.jdbc;

import io.crmkit.core.activity.Interactions;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.TransactionRunner;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.dimension.code.CodeSequences;
import io.crmkit.core.dimension.review.CodeRequests;
import io.crmkit.core.event.EventPublisher;
import io.crmkit.core.lifecycle.ChurnSignals;
import io.crmkit.core.lifecycle.LifecycleHistory;
import io.crmkit.core.store.CrmStore;
import io.crmkit.jdbc.internal.Connections;
import io.crmkit.jdbc.internal.CustomerCodec;
import io.crmkit.jdbc.internal.Dialect;
import io.crmkit.jdbc.internal.JdbcAdapters;
import io.crmkit.jdbc.internal.JdbcCustomers;
import io.crmkit.jdbc.internal.JdbcInteractions;
import io.crmkit.jdbc.internal.JdbcPurchases;
import io.crmkit.jdbc.internal.Migrations;
import io.crmkit.jdbc.internal.Outbox;
import io.crmkit.jdbc.internal.Tables;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * crmkit's ports over a database the host application already has: the entry point of the JDBC
 * adapter. H2 and PostgreSQL are supported and detected from the connection's metadata.
 *
 * <pre>{@code
 * JdbcCrmStore store = JdbcCrmStore.create(dataSource);          // migrates crm_* tables
 * Crm crm = Crm.builder().store(store).build();
 * LifecycleEngine lifecycle = LifecycleEngine.builder().store(store).build(); // history and signals in crm_* too
 * OutboxRelay relay = store.outboxRelay(event -> kafka.send(event)); // call relay.relayPending() when you like
 * }</pre>
 *
 * <p><b>Guarantees.</b> Every operation that writes more than one row is atomic. Work inside
 * {@link #transactions()}{@code .inTransaction(...)} shares one transaction, and events published
 * through {@link #events()} are written to the outbox in that same transaction: a lifecycle move's
 * customer save, history entry and {@code StageChanged} event commit or roll back together, and so
 * does a code drawn from {@link #codeSequences()} with the customer it is saved on. Optimistic locking
 * makes a stale save fail with {@code ConcurrentUpdateException} and never lose an update. Every
 * value is a bound parameter. Values the database cannot store (NUL characters, text longer than a
 * column) are rejected with {@code CrmValidationException} before any SQL runs; any other database
 * failure is a {@link CrmStorageException} naming the operation.
 *
 * <p>The store owns no pool and no thread: connections come from the given DataSource and go back
 * to it after each unit of work. Thread-safe.
 */
public final class JdbcCrmStore implements CrmStore {
  private final DataSource dataSource;
  private final JdbcOptions options;
  private final Dialect dialect;
  private final Tables tables;
  private final CustomerCodec codec;
  private final Connections connections;
  private final JdbcCustomers customers;
  private final JdbcPurchases purchases;
  private final JdbcInteractions interactions;
  private final Outbox outbox;
  private final CodeSequences codeSequences;
  private final CodeRequests codeRequests;
  private final LifecycleHistory lifecycleHistory;
  private final ChurnSignals churnSignals;

  private JdbcCrmStore(DataSource dataSource, JdbcOptions options, Dialect dialect, Tables tables,
      CustomerCodec codec, Connections connections) {
    this.dataSource = dataSource;
    this.options = options;
    this.dialect = dialect;
    this.tables = tables;
    this.codec = codec;
    this.connections = connections;
    this.customers = new JdbcCustomers(connections, tables, dialect, codec);
    this.purchases = new JdbcPurchases(connections, tables, dialect);
    this.interactions = new JdbcInteractions(connections, tables);
    this.outbox = new Outbox(connections, tables);
    this.codeSequences = JdbcAdapters.codeSequences(connections, tables, dialect);
    this.codeRequests = JdbcAdapters.codeRequests(connections, tables, dialect);
    this.lifecycleHistory = JdbcAdapters.lifecycleHistory(connections, tables, dialect);
    this.churnSignals = JdbcAdapters.churnSignals(connections, tables, dialect);
  }

  /**
   * A store with {@link JdbcOptions#defaults()}: table prefix {@code crm_}, migrations applied,
   * crmkit-managed transactions.
   *
   * @throws CrmStorageException if the database cannot be reached or migrated
   * @throws IllegalArgumentException if the database is neither H2 nor PostgreSQL
   */
  public static JdbcCrmStore create(DataSource dataSource) {
    return create(dataSource, JdbcOptions.defaults());
  }

  /**
   * A store over {@code dataSource} with {@code options}. Opens one connection to detect the
   * database and, if {@link JdbcOptions#migrateOnStart()}, applies pending migrations.
   *
   * @throws CrmStorageException if the database cannot be reached or migrated
   * @throws IllegalArgumentException if the database is neither H2 nor PostgreSQL
   */
  public static JdbcCrmStore create(DataSource dataSource, JdbcOptions options) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(options, "options");
    Dialect dialect;
    String schema;
    try (Connection connection = dataSource.getConnection()) {
      dialect = Dialect.detect(connection);
      schema = options.schema().isEmpty() ? null : storedForm(connection.getMetaData(), options.schema().get());
    } catch (SQLException e) {
      throw new CrmStorageException("Could not connect to detect the database: " + e.getMessage(), e);
    }
    Tables tables = new Tables(options.tablePrefix(), schema);
    if (options.migrateOnStart()) {
      Migrations.migrate(dataSource, dialect, tables);
    }
    return new JdbcCrmStore(dataSource, options, dialect, tables, new CustomerCodec(),
        Connections.of(dataSource, options.transactionMode() == TransactionMode.MANAGED));
  }

  /**
   * A view of this store whose every operation runs on {@code connection}, in whatever transaction
   * the caller has open on it: crmkit never commits, rolls back, closes or reconfigures it. (If the
   * connection is in auto-commit mode, a multi-row operation runs a short local transaction on it
   * so that it stays atomic.) Use it for the duration of the caller's unit of work.
   *
   * <pre>{@code
   * try (Connection c = dataSource.getConnection()) {
   *   c.setAutoCommit(false);
   *   erpOrders.insert(c, order);                                 // the host's own write
   *   Crm.builder().store(store.joining(c)).build().register(customer);
   *   c.commit();                                                  // both or neither
   * }
   * }</pre>
   */
  public JdbcCrmStore joining(Connection connection) {
    Objects.requireNonNull(connection, "connection");
    return new JdbcCrmStore(dataSource, options, dialect, tables, codec, Connections.joining(connection));
  }

  @Override
  public Customers customers() {
    return customers;
  }

  @Override
  public Purchases purchases() {
    return purchases;
  }

  @Override
  public Interactions interactions() {
    return interactions;
  }

  /**
   * Code sequences in the {@code code_sequence} table: a number is drawn under the key's row lock
   * in the current transaction, so a rolled-back transaction gives it back and committed numbers
   * have no gaps, across threads and processes. The lock is held until that transaction ends:
   * others drawing from the same key wait, so keep transactions that draw codes short.
   */
  @Override
  public CodeSequences codeSequences() {
    return codeSequences;
  }

  /**
   * Code requests in the {@code code_request} table. A decision is a compare-and-set on "still
   * pending", so of reviewers deciding at once exactly one wins, across processes too.
   */
  @Override
  public CodeRequests codeRequests() {
    return codeRequests;
  }

  /**
   * Lifecycle history in the {@code lifecycle_history} table, appended on the current
   * transaction's connection: a lifecycle move's customer save, history entry and outbox event
   * commit or roll back together.
   */
  @Override
  public LifecycleHistory lifecycleHistory() {
    return lifecycleHistory;
  }

  /** Churn signals in the {@code churn_signal} table, one row per customer and measurement time. */
  @Override
  public ChurnSignals churnSignals() {
    return churnSignals;
  }

  /** The transaction runner: see {@link TransactionMode} for who commits. */
  @Override
  public TransactionRunner transactions() {
    return connections;
  }

  /**
   * The outbox: each published event is written to the {@code outbox} table in the current
   * transaction (or its own, outside one). Deliver them with {@link #outboxRelay}.
   */
  @Override
  public EventPublisher events() {
    return outbox;
  }

  /** Bulk loading: batch insert, idempotent upsert by external reference, COPY on PostgreSQL. */
  public JdbcBulkLoader bulk() {
    return new JdbcBulkLoader(new io.crmkit.jdbc.internal.BulkWrites(connections, tables, dialect, codec,
        customers, outbox, options.clock(), options.ids()), false);
  }

  /**
   * A relay that delivers this store's outbox events to {@code target}. It runs only when called
   * (or on an executor you pass it), on connections from the store's DataSource, under the store's
   * transaction mode: call it outside your own transactions (from a scheduler, after a commit), or
   * in EXTERNAL mode it joins the transaction in progress and marks events published only when
   * that transaction commits.
   */
  public OutboxRelay outboxRelay(EventPublisher target) {
    Objects.requireNonNull(target, "target");
    return new OutboxRelay(
        Connections.of(dataSource, options.transactionMode() == TransactionMode.MANAGED), outbox, target,
        options.clock());
  }

  /**
   * Applies pending migrations now (for stores created with {@code migrateOnStart(false)});
   * returns how many ran.
   *
   * @throws CrmStorageException if a migration fails
   */
  public int migrate() {
    return Migrations.migrate(dataSource, dialect, tables);
  }

  /**
   * An unquoted identifier as the database folds it (upper case on H2, lower case on PostgreSQL),
   * so that Flyway, which quotes the schema, creates the one that unquoted SQL finds.
   */
  private static String storedForm(DatabaseMetaData metaData, String identifier) throws SQLException {
    if (metaData.storesUpperCaseIdentifiers()) {
      return identifier.toUpperCase(Locale.ROOT);
    }
    return metaData.storesLowerCaseIdentifiers() ? identifier.toLowerCase(Locale.ROOT) : identifier;
  }

  /** The detected database: {@code h2} or {@code postgresql}. */
  public String databaseName() {
    return dialect.name();
  }

  public JdbcOptions options() {
    return options;
  }

  @Override
  public String toString() {
    return "JdbcCrmStore[" + dialect.name() + ", " + options + "]";
  }
}
