package io.crmkit.jdbc;

import io.crmkit.core.activity.Interactions;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.TransactionRunner;
import io.crmkit.core.customer.CustomerBatches;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.event.EventPublisher;
import io.crmkit.core.store.Attachments;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * crmkit's ports over a database the host application already has: the entry point of the JDBC
 * adapter. H2 and PostgreSQL are supported and detected from the connection's metadata.
 *
 * <pre>{@code
 * JdbcCrmStore store = JdbcCrmStore.create(dataSource);          // migrates crm_* tables
 * Crm crm = Crm.builder().store(store).build();
 * LifecycleStore lifecycle = store.attach(JdbcLifecycle.extension());  // migrates its crm_* tables on first attach
 * LifecycleEngine engine = LifecycleEngine.builder().store(lifecycle).build();
 * OutboxRelay relay = store.outboxRelay(event -> kafka.send(event)); // call relay.relayPending() when you like
 * }</pre>
 *
 * <p><b>Guarantees.</b> Every operation that writes more than one row is atomic. Work inside
 * {@link #transactions()}{@code .inTransaction(...)} shares one transaction, and events published
 * through {@link #events()} are written to the outbox in that same transaction. The ports of
 * {@linkplain #attach attached extensions} share it too: a lifecycle move's customer save, history
 * entry and {@code StageChanged} event commit or roll back together, and so does a code drawn from
 * a code sequence with the customer it is saved on. Optimistic locking
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
  private final CustomerBatches customerBatches;
  private final JdbcPurchases purchases;
  private final JdbcInteractions interactions;
  private final Outbox outbox;
  private final Attachments attachments = new Attachments();
  private final Set<String> attachedCapabilities = ConcurrentHashMap.newKeySet();
  /** Capabilities migrated so far, shared with the {@link #joining} views of this store. */
  private final Set<String> migrated;

  private JdbcCrmStore(DataSource dataSource, JdbcOptions options, Dialect dialect, Tables tables,
      CustomerCodec codec, Connections connections, Set<String> migrated) {
    this.dataSource = dataSource;
    this.options = options;
    this.dialect = dialect;
    this.tables = tables;
    this.codec = codec;
    this.connections = connections;
    this.customers = new JdbcCustomers(connections, tables, dialect, codec);
    this.customerBatches = JdbcAdapters.customerBatches(connections, tables, dialect, codec);
    this.purchases = new JdbcPurchases(connections, tables, dialect);
    this.interactions = new JdbcInteractions(connections, tables);
    this.outbox = new Outbox(connections, tables, options.eventFamilies());
    this.migrated = migrated;
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
    Set<String> migrated = ConcurrentHashMap.newKeySet();
    if (options.migrateOnStart()) {
      Migrations.migrate(dataSource, dialect, tables, Migrations.BASE);
      migrated.add(Migrations.BASE);
    }
    return new JdbcCrmStore(dataSource, options, dialect, tables, new CustomerCodec(),
        Connections.of(dataSource, options.transactionMode() == TransactionMode.MANAGED), migrated);
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
    return new JdbcCrmStore(dataSource, options, dialect, tables, codec, Connections.joining(connection), migrated);
  }

  @Override
  public Customers customers() {
    return customers;
  }

  /**
   * Customers a set at a time, for {@code CustomerImporter} ({@code crm.importer()}): lookups with
   * array parameters, inserts through {@code COPY} on PostgreSQL (100 rows or more) or JDBC
   * batches, updates as batches with an optimistic version check.
   */
  @Override
  public CustomerBatches customerBatches() {
    return customerBatches;
  }

  @Override
  public Purchases purchases() {
    return purchases;
  }

  @Override
  public Interactions interactions() {
    return interactions;
  }

  /** The transaction runner: see {@link TransactionMode} for who commits. */
  @Override
  public TransactionRunner transactions() {
    return connections;
  }

  /**
   * The outbox: each published event is written to the {@code outbox} table in the current
   * transaction (or its own, outside one). Deliver them with {@link #outboxRelay}. It carries
   * crm-core's events and those of the families in {@link JdbcOptions#eventFamilies()}; publishing
   * any other event throws {@code IllegalArgumentException} before anything is written.
   */
  @Override
  public EventPublisher events() {
    return outbox;
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
   * The ports of {@code extension} over this store's database and transactions: {@link
   * JdbcLifecycle#extension()}, {@link JdbcDimensionCodes#extension()}. The first attach of a
   * capability to a store (or to any of its {@link #joining} views) applies the capability's
   * migrations, unless {@link JdbcOptions#migrateOnStart()} is off.
   *
   * @throws IllegalArgumentException if {@code extension} is not a JDBC extension
   * @throws CrmStorageException if the capability's migrations fail
   */
  @Override
  public <P> P attach(StoreExtension<P> extension) {
    return attachments.attach(extension, this);
  }

  /**
   * Applies pending migrations now, of the base tables and of every capability attached so far
   * (for stores created with {@code migrateOnStart(false)}); returns how many ran.
   *
   * @throws CrmStorageException if a migration fails
   */
  public int migrate() {
    int applied = Migrations.migrate(dataSource, dialect, tables, Migrations.BASE);
    for (String capability : attachedCapabilities) {
      applied += Migrations.migrate(dataSource, dialect, tables, capability);
    }
    return applied;
  }

  /** Builds a JDBC extension's ports on this store, after migrating its capability if due. */
  <P> P extend(String capability, JdbcExtension.Ports<P> ports) {
    attachedCapabilities.add(capability);
    if (options.migrateOnStart() && !migrated.contains(capability)) {
      synchronized (migrated) {
        if (!migrated.contains(capability)) {
          Migrations.migrate(dataSource, dialect, tables, capability);
          migrated.add(capability);
        }
      }
    }
    return ports.create(this, connections, tables, dialect);
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
