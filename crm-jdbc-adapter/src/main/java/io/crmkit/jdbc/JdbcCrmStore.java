package io.crmkit.jdbc;

import io.crmkit.core.activity.Interactions;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.TransactionRunner;
import io.crmkit.core.customer.CustomerBatches;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.event.EventPublisher;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.jdbc.internal.JdbcAdapters;
import java.sql.Connection;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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
  private final JdbcOptions options;
  private final JdbcAdapters adapters;
  private final Customers customers;
  private final CustomerBatches customerBatches;
  private final Purchases purchases;
  private final Interactions interactions;
  private final EventPublisher outbox;
  private final CrmStore.Attachments attachments = new CrmStore.Attachments();
  private final Set<String> attachedCapabilities = ConcurrentHashMap.newKeySet();
  /** Capabilities migrated so far, shared with the {@link #joining} views of this store. */
  private final Set<String> migrated;

  private JdbcCrmStore(JdbcOptions options, JdbcAdapters adapters, Set<String> migrated) {
    this.options = options;
    this.adapters = adapters;
    this.customers = adapters.customers();
    this.customerBatches = adapters.customerBatches();
    this.purchases = adapters.purchases();
    this.interactions = adapters.interactions();
    this.outbox = adapters.outbox();
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
    JdbcAdapters adapters = JdbcAdapters.open(dataSource, options.tablePrefix(), options.schema(),
        options.transactionMode() == TransactionMode.MANAGED, options.eventFamilies(), options.fieldProtection());
    Set<String> migrated = ConcurrentHashMap.newKeySet();
    if (options.migrateOnStart()) {
      adapters.migrate(JdbcAdapters.BASE);
      migrated.add(JdbcAdapters.BASE);
    }
    return new JdbcCrmStore(options, adapters, migrated);
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
    return new JdbcCrmStore(options, adapters.joining(connection), migrated);
  }

  /**
   * Runs {@code work} on a view of this store that reads one consistent snapshot of the database,
   * as a backup needs: a connection of its own from the DataSource, in one transaction at the
   * isolation level that gives a snapshot on this database ({@code REPEATABLE READ} on PostgreSQL,
   * {@code SERIALIZABLE} on H2, whose repeatable read still shows rows others insert), joined by
   * every port of the view ({@link #joining}) and of what is attached to it. Whatever other
   * transactions commit while {@code work} runs stays out of its reads, so the records it reads
   * agree with each other (every purchase's customer is there). Plain transactions of the store
   * are read committed, which is no snapshot.
   *
   * <pre>{@code
   * Manifest manifest = store.inSnapshot(snapshot ->
   *     Backup.write(CrmStores.attach(snapshot, extensions), Path.of("crmkit-backup.zip")));
   * }</pre>
   *
   * <p>The transaction commits when {@code work} returns and rolls back when it throws; it is meant
   * for reads (a write that collides with a concurrent one fails, on PostgreSQL, with a
   * serialization error). The connection's isolation and auto-commit are restored before it goes
   * back to the DataSource. Use the view only inside {@code work}.
   *
   * @return what {@code work} returns
   * @throws IllegalStateException if the store is in {@link TransactionMode#EXTERNAL} mode and the
   *     DataSource hands out a connection in the host's transaction (take the snapshot outside it)
   * @throws CrmStorageException if no connection can be had or set up, or the commit fails
   */
  public <T> T inSnapshot(Function<? super JdbcCrmStore, ? extends T> work) {
    Objects.requireNonNull(work, "work");
    return adapters.inSnapshot(joined -> work.apply(new JdbcCrmStore(options, joined, migrated)));
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
    return adapters.transactions();
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
    return new OutboxRelay(adapters.onOwnConnections(), target, options.clock());
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
    int applied = adapters.migrate(JdbcAdapters.BASE);
    for (String capability : attachedCapabilities) {
      applied += adapters.migrate(capability);
    }
    return applied;
  }

  /** Builds a JDBC extension's ports on this store, after migrating its capability if due. */
  <P> P extend(String capability, JdbcExtension.Ports<P> ports) {
    attachedCapabilities.add(capability);
    if (options.migrateOnStart() && !migrated.contains(capability)) {
      synchronized (migrated) {
        if (!migrated.contains(capability)) {
          adapters.migrate(capability);
          migrated.add(capability);
        }
      }
    }
    return ports.create(this, adapters);
  }

  /**
   * Writes the lookup keys (see {@link io.crmkit.core.customer.LookupKey}) of every stored customer that has none, in one
   * transaction, and returns how many customers got keys. crmkit's own migration (base 2.1) does
   * this once when it creates the lookup table; a DBA who applies the base DDL by hand ({@code
   * migrateOnStart(false)}) to a schema that already holds customers calls this once afterwards,
   * so that those customers are found by phone, e-mail, identifier and name. Running it again
   * writes nothing.
   *
   * @throws CrmStorageException if the storage fails; nothing is written
   */
  public int writeMissingLookupKeys() {
    return adapters.writeMissingLookupKeys();
  }

  /**
   * Key rotation: re-encrypts, {@code batchSize} rows per transaction, every stored customer that
   * holds a ciphertext not under its field's current key ({@code FieldProtection.isCurrent}), and
   * every recorded merge whose snapshots do, when the dedup capability is attached to this store.
   * Rotate the protection's primary key first (old keys must still decrypt), then call this until
   * it is done; each page commits on its own, so an interrupted run resumes where it stopped when
   * called again, and a run with nothing stale rewrites nothing. Versions and timestamps stay. Blind
   * indexes are not re-computed: their keys are the protection's and must not change.
   *
   * @throws IllegalArgumentException if {@code batchSize} is not in 1..10000
   * @throws IllegalStateException if the store has no {@link JdbcOptions#fieldProtection()}
   * @throws io.crmkit.core.protection.FieldProtectionException if a stored value does not decrypt
   *     (the page it was on is rolled back; pages before it stay re-encrypted)
   * @throws CrmStorageException if the storage fails
   */
  public ReencryptionReport reencrypt(int batchSize) {
    JdbcAdapters.ReencryptionCounts counts = adapters.reencrypt(batchSize, attachedCapabilities.contains("dedup"));
    return new ReencryptionReport(counts.customersExamined(), counts.customersReencrypted(), counts.mergesExamined(),
        counts.mergesReencrypted());
  }

  /** The detected database: {@code h2} or {@code postgresql}. */
  public String databaseName() {
    return adapters.databaseName();
  }

  public JdbcOptions options() {
    return options;
  }

  @Override
  public String toString() {
    return "JdbcCrmStore[" + adapters.databaseName() + ", " + options + "]";
  }
}
