package io.crmkit.jdbc;

import io.crmkit.core.event.EventFamily;
import io.crmkit.core.json.CrmJacksonModule;
import io.crmkit.core.protection.FieldProtection;
import io.crmkit.jdbc.internal.JdbcAdapters;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a {@link JdbcCrmStore}. Every setting has a default, so
 * {@code JdbcCrmStore.create(dataSource)} is enough for an embedded H2 database:
 *
 * <pre>{@code
 * JdbcOptions options = JdbcOptions.builder()
 *     .tablePrefix("crm_")                        // the default
 *     .transactionMode(TransactionMode.EXTERNAL)  // join the host's (Spring/JTA) transactions
 *     .migrateOnStart(false)                      // the DBA runs the DDL
 *     .eventFamilies(PrivacyEvent.FAMILY)         // events of other modules go through the outbox too
 *     .fieldProtection(protection)                // encrypt phones, e-mails, identifiers, ... at rest
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class JdbcOptions {
  /** The default table prefix. */
  public static final String DEFAULT_PREFIX = "crm_";

  private static final JdbcOptions DEFAULTS = new Builder().build();

  private final String tablePrefix;
  private final String schema;
  private final boolean migrateOnStart;
  private final TransactionMode transactionMode;
  private final Clock clock;
  private final List<EventFamily<?>> eventFamilies;
  private final FieldProtection fieldProtection;

  private JdbcOptions(Builder builder) {
    this.tablePrefix = builder.tablePrefix;
    this.schema = builder.schema;
    this.migrateOnStart = builder.migrateOnStart;
    this.transactionMode = builder.transactionMode;
    this.clock = builder.clock;
    this.eventFamilies = builder.eventFamilies;
    this.fieldProtection = builder.fieldProtection;
  }

  /** Prefix {@code crm_}, the connection's current schema, migrate on start, {@link TransactionMode#MANAGED}. */
  public static JdbcOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** What every crmkit table name starts with; {@code crm_} unless set. */
  public String tablePrefix() {
    return tablePrefix;
  }

  /** The schema of crmkit's tables; empty means the connection's current schema. */
  public Optional<String> schema() {
    return Optional.ofNullable(schema);
  }

  /** Whether {@link JdbcCrmStore#create} applies pending migrations; {@code true} unless set. */
  public boolean migrateOnStart() {
    return migrateOnStart;
  }

  public TransactionMode transactionMode() {
    return transactionMode;
  }

  /** The clock for timestamps that the adapter sets itself: the outbox relay's bookkeeping. */
  public Clock clock() {
    return clock;
  }

  /**
   * The event families, besides crm-core's {@code CustomerEvent} (always included), whose events
   * the outbox writes and the relay reads back; none unless set.
   */
  public List<EventFamily<?>> eventFamilies() {
    return eventFamilies;
  }

  /**
   * The protection that encrypts protected fields before they are stored and blind-indexes them for
   * lookups; empty (the default) keeps every value clear, as before.
   */
  public Optional<FieldProtection> fieldProtection() {
    return Optional.ofNullable(fieldProtection);
  }

  /** A builder holding these settings, to change some of them. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.tablePrefix = tablePrefix;
    builder.schema = schema;
    builder.migrateOnStart = migrateOnStart;
    builder.transactionMode = transactionMode;
    builder.clock = clock;
    builder.eventFamilies = eventFamilies;
    builder.fieldProtection = fieldProtection;
    return builder;
  }

  @Override
  public String toString() {
    return "JdbcOptions[tablePrefix=" + tablePrefix + ", schema=" + schema + ", migrateOnStart="
        + migrateOnStart + ", transactionMode=" + transactionMode + ", eventFamilies="
        + eventFamilies.stream().map(EventFamily::name).toList() + ", fieldProtection="
        + (fieldProtection == null ? "none" : fieldProtection.getClass().getSimpleName()) + "]";
  }

  /** Builds {@link JdbcOptions}; each setter validates its argument at once. */
  public static final class Builder {
    private String tablePrefix = DEFAULT_PREFIX;
    private String schema;
    private boolean migrateOnStart = true;
    private TransactionMode transactionMode = TransactionMode.MANAGED;
    private Clock clock = Clock.systemUTC();
    private List<EventFamily<?>> eventFamilies = List.of();
    private FieldProtection fieldProtection;

    private Builder() {}

    /**
     * @param tablePrefix a lower-case letter, then up to 29 lower-case letters, digits or {@code _}
     * @throws IllegalArgumentException if it is not such a prefix
     */
    public Builder tablePrefix(String tablePrefix) {
      this.tablePrefix = JdbcAdapters.checkTablePrefix(tablePrefix);
      return this;
    }

    /**
     * @param schema an unquoted SQL identifier, meaning what it means in unquoted SQL (on H2 {@code
     *     crm} is {@code CRM}, on PostgreSQL {@code crm}); the migration creates it if missing
     * @throws IllegalArgumentException if it is not such an identifier
     */
    public Builder schema(String schema) {
      this.schema = JdbcAdapters.checkSchema(schema);
      return this;
    }

    public Builder migrateOnStart(boolean migrateOnStart) {
      this.migrateOnStart = migrateOnStart;
      return this;
    }

    public Builder transactionMode(TransactionMode transactionMode) {
      this.transactionMode = Objects.requireNonNull(transactionMode, "transactionMode");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The event families of other modules whose events the store's outbox carries, replacing any
     * set before. crm-core's own family is always carried. Publishing an event of a family not
     * given here fails with {@code IllegalArgumentException} inside the transaction, before
     * anything is written; give every family to the stores of every process that relays, too.
     *
     * @throws IllegalArgumentException if two event types of the families, crm-core's included,
     *     share a type id, or two different families share a name
     */
    public Builder eventFamilies(EventFamily<?>... eventFamilies) {
      return eventFamilies(List.of(eventFamilies));
    }

    /** As {@link #eventFamilies(EventFamily...)}. */
    public Builder eventFamilies(Collection<? extends EventFamily<?>> eventFamilies) {
      List<EventFamily<?>> families = List.copyOf(eventFamilies);
      CrmJacksonModule.withFamilies(families); // checks the families together now rather than at create()
      this.eventFamilies = families;
      return this;
    }

    /**
     * Encrypts protected fields at rest (see {@code ProtectedField}): phones, e-mails, other contact
     * handles, person and organisation identifier values, address street lines and birth dates are
     * written as ciphertext bound to the customer's id and read back decrypted; phone, e-mail and
     * identifier lookup keys and persisted dedup blocking keys are stored as blind indexes, so
     * {@code Criteria.hasPhone}, {@code hasEmail}, the identifier lookups and incremental matching
     * keep working. Names, region, city, district and postcode stay clear for prefix search, fuzzy
     * matching, coding and blocking.
     *
     * <p>Give it to a store from its first customer on and keep it (with every key still needed to
     * decrypt): rows written without it are not readable with it, nor the other way round.
     * Criteria and sorting on a protected birth date throw {@code UnsupportedOperationException}.
     */
    public Builder fieldProtection(FieldProtection fieldProtection) {
      this.fieldProtection = Objects.requireNonNull(fieldProtection, "fieldProtection");
      return this;
    }

    public JdbcOptions build() {
      return new JdbcOptions(this);
    }
  }
}
