package io.crmkit.jdbc.internal;

import io.crmkit.core.activity.Interactions;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.Require;
import io.crmkit.core.common.TransactionRunner;
import io.crmkit.core.customer.CustomerBatches;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.dedup.BlockingKeyIndex;
import io.crmkit.core.dedup.merge.MergeLineage;
import io.crmkit.core.dedup.merge.MergeWrites;
import io.crmkit.core.dedup.review.ReviewQueue;
import io.crmkit.core.dimension.code.CodeSequences;
import io.crmkit.core.dimension.review.CodeRequests;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.event.EventFamily;
import io.crmkit.core.event.EventPublisher;
import io.crmkit.core.lifecycle.ChurnSignals;
import io.crmkit.core.lifecycle.LifecycleHistory;
import io.crmkit.core.metric.CustomerMetrics;
import io.crmkit.core.protection.FieldProtection;
import io.crmkit.io.imports.ImportCheckpoints;
import io.crmkit.privacy.audit.AuditLog;
import io.crmkit.privacy.consent.Consents;
import io.crmkit.privacy.crypto.ProtectionKeys;
import io.crmkit.privacy.pseudonym.PseudonymKeys;
import io.crmkit.segmentation.segment.SegmentDefinitions;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import javax.sql.DataSource;

/**
 * The one way from {@code io.crmkit.jdbc} into this package, whose classes are package-private: an
 * instance holds what the adapters of one store share (the database's dialect, the table names and
 * the connections, hence the transactions) and creates each adapter on them, so that every port of
 * a store and of its extensions joins the same transactions.
 *
 * <p>Thread-safe; each call creates a new adapter, which is thread-safe too.
 */
public final class JdbcAdapters {
  /** The capability of the base store's tables (customers, activities, outbox). */
  public static final String BASE = Migrations.BASE;

  private final DataSource dataSource;
  private final boolean manageTransactions;
  private final Dialect dialect;
  private final Tables tables;
  private final CustomerCodec codec;
  private final Connections connections;
  private final Outbox outbox;
  private final List<EventFamily<?>> families;
  /** Whether the metrics capability is attached: shared by every view of one store, read by criteria. */
  private final AtomicBoolean metricsAttached;

  private JdbcAdapters(DataSource dataSource, boolean manageTransactions, Dialect dialect, Tables tables,
      CustomerCodec codec, Connections connections, List<EventFamily<?>> families, AtomicBoolean metricsAttached) {
    this.dataSource = dataSource;
    this.manageTransactions = manageTransactions;
    this.dialect = dialect;
    this.tables = tables;
    this.codec = codec;
    this.connections = connections;
    this.families = families;
    this.metricsAttached = metricsAttached;
    this.outbox = new Outbox(connections, tables, families);
  }

  /**
   * Opens one connection to detect the database behind {@code dataSource} and the stored form of
   * {@code schema}, and returns the adapters' wiring over it. Migrates nothing.
   *
   * @param tablePrefix what every table name starts with (see {@link #checkTablePrefix})
   * @param schema the schema of the tables (see {@link #checkSchema}); empty for the connection's
   * @param manageTransactions whether crmkit begins, commits and rolls back the transactions of
   *     connections it takes from {@code dataSource}, or leaves them to the host
   * @param families the event families the outbox carries besides crm-core's
   * @throws CrmStorageException if the database cannot be reached
   * @throws IllegalArgumentException if the database is neither H2 nor PostgreSQL, or the prefix
   *     or schema is malformed, or two event types of the families share a type id
   */
  public static JdbcAdapters open(DataSource dataSource, String tablePrefix, Optional<String> schema,
      boolean manageTransactions, Collection<? extends EventFamily<?>> families) {
    return open(dataSource, tablePrefix, schema, manageTransactions, families, Optional.empty());
  }

  /**
   * As {@link #open(DataSource, String, Optional, boolean, Collection)}, with the field protection
   * every adapter of the store encrypts and blind-indexes protected fields with (empty: none).
   */
  public static JdbcAdapters open(DataSource dataSource, String tablePrefix, Optional<String> schema,
      boolean manageTransactions, Collection<? extends EventFamily<?>> families,
      Optional<FieldProtection> protection) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(protection, "protection");
    Objects.requireNonNull(schema, "schema");
    Dialect dialect;
    String storedSchema;
    try (Connection connection = dataSource.getConnection()) {
      dialect = Dialect.detect(connection);
      storedSchema = schema.isEmpty() ? null : storedForm(connection.getMetaData(), schema.get());
    } catch (SQLException e) {
      throw new CrmStorageException("Could not connect to detect the database: " + e.getMessage(), e);
    }
    return new JdbcAdapters(dataSource, manageTransactions, dialect, new Tables(tablePrefix, storedSchema),
        new CustomerCodec(CustomerProtection.of(protection)), Connections.of(dataSource, manageTransactions),
        List.copyOf(families),
        new AtomicBoolean());
  }

  /**
   * Checks a table prefix before it is used: a lower-case letter, then up to 29 lower-case letters,
   * digits or {@code _}, since it becomes part of SQL identifiers.
   *
   * @throws IllegalArgumentException if it is not such a prefix; the message names the pattern
   */
  public static String checkTablePrefix(String tablePrefix) {
    return Tables.checkPrefix(tablePrefix);
  }

  /**
   * Checks a schema name before it is used: an unquoted SQL identifier.
   *
   * @throws IllegalArgumentException if it is not one; the message names the pattern
   */
  public static String checkSchema(String schema) {
    return Tables.checkSchema(schema);
  }

  /**
   * The same database and tables with every operation on {@code connection}, in whatever
   * transaction its holder has open: crmkit never commits, rolls back or closes it.
   */
  public JdbcAdapters joining(Connection connection) {
    return new JdbcAdapters(dataSource, manageTransactions, dialect, tables, codec, Connections.joining(connection),
        families, metricsAttached);
  }

  /**
   * The same database and tables on connections of their own from the DataSource, under the same
   * transaction mode: for work, such as relaying the outbox, that must not run in the transaction of
   * a {@link #joining} connection.
   */
  public JdbcAdapters onOwnConnections() {
    return new JdbcAdapters(dataSource, manageTransactions, dialect, tables, codec,
        Connections.of(dataSource, manageTransactions), families, metricsAttached);
  }

  /**
   * Runs {@code work} on a connection of its own from the DataSource, in one transaction at the
   * isolation level that reads a snapshot on this database ({@link Dialect#snapshotIsolation()}),
   * handing it these adapters joined to that connection. Commits when {@code work} returns, rolls
   * back when it throws; either way the connection's isolation and auto-commit are restored before
   * it is closed (returned to its pool). See {@code JdbcCrmStore.inSnapshot}.
   *
   * @throws IllegalStateException if the store leaves transactions to the host (EXTERNAL) and the
   *     DataSource hands out a connection already in the host's transaction, whose isolation cannot change
   * @throws CrmStorageException if the connection cannot be had or set up, or the commit fails
   */
  public <T> T inSnapshot(Function<JdbcAdapters, T> work) {
    Objects.requireNonNull(work, "work");
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw new CrmStorageException("Could not get a connection for a snapshot: " + e.getMessage(), e);
    }
    try (connection) {
      return SnapshotTransaction.run(connection, dialect.snapshotIsolation(), manageTransactions,
          () -> work.apply(joining(connection)));
    } catch (SQLException e) {
      throw new CrmStorageException("The snapshot transaction failed: " + e.getMessage(), e);
    }
  }

  /** The detected database: {@code h2} or {@code postgresql}. */
  public String databaseName() {
    return dialect.name();
  }

  /**
   * Re-encrypts every stored customer (and, if {@code merges}, every recorded merge) holding a
   * ciphertext not under its field's current key, {@code batchSize} rows per transaction; see
   * {@code JdbcCrmStore.reencrypt}.
   *
   * @throws IllegalArgumentException if {@code batchSize} is not in 1..10000
   * @throws IllegalStateException if the store has no field protection
   */
  public ReencryptionCounts reencrypt(int batchSize, boolean merges) {
    Require.state(codec.protection().active(), "this store has no field protection (JdbcOptions.fieldProtection)");
    return new Reencryption(connections, tables, dialect, codec).run(batchSize, merges);
  }

  /**
   * What a re-encryption did: rows examined and rows rewritten, of customers and of merges.
   *
   * @param customersExamined customers read
   * @param customersReencrypted customers that held a stale ciphertext and were rewritten
   * @param mergesExamined recorded merges read (0 when merges were not asked for)
   * @param mergesReencrypted merges rewritten
   */
  public record ReencryptionCounts(long customersExamined, long customersReencrypted, long mergesExamined,
      long mergesReencrypted) {}

  /** See {@code JdbcCrmStore.writeMissingLookupKeys}. */
  public int writeMissingLookupKeys() {
    return connections.write("writing missing lookup keys", new LookupKeyBackfill(tables, codec)::backfill);
  }

  /**
   * Migrates {@code capability}'s tables ({@link #BASE}, {@code lifecycle}, ...) to their latest
   * version, on a connection of its own; returns how many migrations ran.
   *
   * @throws CrmStorageException if a migration fails
   */
  public int migrate(String capability) {
    return Migrations.migrate(dataSource, dialect, tables, capability);
  }

  /** The transactions every adapter of this wiring joins. */
  public TransactionRunner transactions() {
    return connections;
  }

  /** {@link Customers} over the customer table and its side tables. */
  public Customers customers() {
    return new JdbcCustomers(connections, tables, dialect, codec, metricsAttached::get);
  }

  /** {@link CustomerBatches} over the customer table and its side tables. */
  public CustomerBatches customerBatches() {
    return new JdbcCustomerBatches(connections, tables, dialect, codec);
  }

  /** {@link Purchases} over the {@code purchase} table. */
  public Purchases purchases() {
    return new JdbcPurchases(connections, tables, dialect);
  }

  /** {@link Interactions} over the {@code interaction} table. */
  public Interactions interactions() {
    return new JdbcInteractions(connections, tables);
  }

  /**
   * The outbox: publishing writes the event to the {@code outbox} table in the current
   * transaction; events of a family it does not carry are rejected before anything is written.
   */
  public EventPublisher outbox() {
    return outbox;
  }

  /**
   * Relays pending outbox events in the current transaction: hands up to {@code limit} of them, in
   * outbox order, to {@code deliver} and marks published as many, from the first, as {@code
   * delivered} reads from its result (see {@code Outbox.relay}).
   */
  public <R> R relayOutbox(int limit, Clock clock, Function<List<DomainEvent>, R> deliver,
      ToIntFunction<R> delivered) {
    return outbox.relay(limit, clock, deliver, delivered);
  }

  /** How many outbox events wait for delivery. */
  public long pendingOutboxEvents() {
    return outbox.pendingCount();
  }

  /** Deletes outbox events published before {@code before}; returns how many. */
  public int purgePublishedOutboxEvents(Instant before) {
    return outbox.purgePublished(before);
  }

  /** {@link CodeSequences} over the {@code code_sequence} table. */
  public CodeSequences codeSequences() {
    return new JdbcCodeSequences(connections, tables, dialect);
  }

  /** {@link CodeRequests} over the {@code code_request} table. */
  public CodeRequests codeRequests() {
    return new JdbcCodeRequests(connections, tables, dialect);
  }

  /** {@link LifecycleHistory} over the {@code lifecycle_history} table. */
  public LifecycleHistory lifecycleHistory() {
    return new JdbcLifecycleHistory(connections, tables, dialect);
  }

  /** {@link ChurnSignals} over the {@code churn_signal} table. */
  public ChurnSignals churnSignals() {
    return new JdbcChurnSignals(connections, tables, dialect);
  }

  /**
   * {@link CustomerMetrics} over the {@code customer_metric} table. Creating it marks the metrics
   * capability attached, for this wiring and every view of it: from then on the customers of the
   * store answer criteria over metrics (before, they throw {@code Criteria.MetricsUnavailableException}).
   */
  public CustomerMetrics customerMetrics() {
    metricsAttached.set(true);
    return new JdbcCustomerMetrics(connections, tables, dialect);
  }

  /**
   * crm-io's {@link ImportCheckpoints} over the {@code import_checkpoint} table (needs crm-io, an
   * optional dependency of this module, on the class path).
   */
  public ImportCheckpoints importCheckpoints() {
    return new JdbcImportCheckpoints(connections, tables, dialect);
  }

  /**
   * crm-segmentation's {@link SegmentDefinitions} over the {@code segment_definition} table (needs
   * crm-segmentation, an optional dependency of this module, on the class path).
   */
  public SegmentDefinitions segmentDefinitions() {
    return new JdbcSegmentDefinitions(connections, tables, dialect);
  }

  /**
   * crm-privacy's {@link AuditLog} over the {@code audit_log} and {@code audit_chain_head} tables
   * (needs crm-privacy, an optional dependency of this module, on the class path).
   */
  public AuditLog auditLog() {
    return new JdbcAuditLog(connections, tables);
  }

  /**
   * crm-privacy's {@link Consents} over the {@code consent_entry} table (needs crm-privacy on the
   * class path).
   */
  public Consents consents() {
    return new JdbcConsents(connections, tables, dialect);
  }

  /** crm-privacy's {@link PseudonymKeys} over the {@code pseudonym_key} table. */
  public PseudonymKeys pseudonymKeys() {
    return new JdbcPseudonymKeys(connections, tables);
  }

  /**
   * crm-privacy's {@link ProtectionKeys} over the {@code protection_key} table (needs crm-privacy on
   * the class path).
   */
  public ProtectionKeys protectionKeys() {
    return new JdbcProtectionKeys(connections, tables);
  }

  /** {@link MergeLineage} over the {@code merge_lineage} and {@code merge_member} tables. */
  public MergeLineage mergeLineage() {
    return new JdbcMergeLineage(connections, tables, codec.protection());
  }

  /** {@link MergeWrites} over the customer and activity tables. */
  public MergeWrites mergeWrites() {
    return new JdbcMergeWrites(connections, tables, dialect, customers());
  }

  /** {@link ReviewQueue} over the {@code review_pair} table. */
  public ReviewQueue reviewQueue() {
    return new JdbcReviewQueue(connections, tables, dialect);
  }

  /** {@link BlockingKeyIndex} over the {@code blocking_key} table. */
  public BlockingKeyIndex blockingKeys() {
    return new JdbcBlockingKeyIndex(connections, tables, codec.protection());
  }

  /**
   * An unquoted identifier as the database folds it (upper case on H2, lower case on PostgreSQL),
   * so that Flyway, which quotes the schema, creates the one that unquoted SQL finds.
   */
  private static String storedForm(DatabaseMetaData metaData, String identifier) throws SQLException {
    String checked = checkSchema(identifier);
    if (metaData.storesUpperCaseIdentifiers()) {
      return checked.toUpperCase(Locale.ROOT);
    }
    return metaData.storesLowerCaseIdentifiers() ? checked.toLowerCase(Locale.ROOT) : checked;
  }
}
