package io.crmkit.jdbc.internal;

import io.crmkit.core.common.Require;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The names of crmkit's tables under one prefix and, optionally, one schema. Names are validated
 * identifiers, so they can be written into SQL text; values never are.
 */
final class Tables {
  /** A table prefix: a lower-case letter, then lower-case letters, digits or underscores. */
  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,29}");
  /** A schema name: an unquoted SQL identifier. */
  private static final Pattern SCHEMA = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");

  private final String prefix;
  private final String schema;
  private final String qualifier;

  /**
   * @param schema the schema as the database stores it, or {@code null} for the connection's
   * @throws IllegalArgumentException if the prefix or schema is malformed
   */
  Tables(String prefix, String schema) {
    this.prefix = checkPrefix(prefix);
    this.schema = schema == null ? null : checkSchema(schema);
    this.qualifier = schema == null ? "" : schema + ".";
  }

  /** {@code prefix}, if it is a table prefix; see {@link JdbcAdapters#checkTablePrefix}. */
  static String checkPrefix(String prefix) {
    Objects.requireNonNull(prefix, "tablePrefix");
    Require.argument(PREFIX.matcher(prefix).matches(),
        "tablePrefix must match %s (it becomes part of SQL identifiers), got '%s'", PREFIX, prefix);
    return prefix;
  }

  /** {@code schema}, if it is an unquoted SQL identifier; see {@link JdbcAdapters#checkSchema}. */
  static String checkSchema(String schema) {
    Objects.requireNonNull(schema, "schema");
    Require.argument(SCHEMA.matcher(schema).matches(), "schema must match %s, got '%s'", SCHEMA, schema);
    return schema;
  }

  /** The schema as the database stores it, or {@code null} for the connection's current one. */
  public String schema() {
    return schema;
  }

  public String prefix() {
    return prefix;
  }

  public String customer() {
    return name("customer");
  }

  public String code() {
    return name("customer_code");
  }

  public String tag() {
    return name("customer_tag");
  }

  public String attribute() {
    return name("customer_attribute");
  }

  /** Normalised lookup keys of customers (phone, e-mail, identifiers, names): see {@code LookupKey}. */
  public String lookup() {
    return name("customer_lookup");
  }

  public String externalRef() {
    return name("external_ref");
  }

  public String purchase() {
    return name("purchase");
  }

  public String interaction() {
    return name("interaction");
  }

  public String outbox() {
    return name("outbox");
  }

  public String outboxRelay() {
    return name("outbox_relay");
  }

  public String codeSequence() {
    return name("code_sequence");
  }

  public String codeRequest() {
    return name("code_request");
  }

  public String lifecycleHistory() {
    return name("lifecycle_history");
  }

  public String churnSignal() {
    return name("churn_signal");
  }

  public String customerMetric() {
    return name("customer_metric");
  }

  public String segmentDefinition() {
    return name("segment_definition");
  }

  public String importCheckpoint() {
    return name("import_checkpoint");
  }

  public String auditLog() {
    return name("audit_log");
  }

  public String auditChainHead() {
    return name("audit_chain_head");
  }

  public String consentEntry() {
    return name("consent_entry");
  }

  public String pseudonymKey() {
    return name("pseudonym_key");
  }

  public String protectionKey() {
    return name("protection_key");
  }

  public String protectionKeyLock() {
    return name("protection_key_lock");
  }

  public String mergeLineage() {
    return name("merge_lineage");
  }

  public String mergeMember() {
    return name("merge_member");
  }

  public String reviewPair() {
    return name("review_pair");
  }

  public String blockingKey() {
    return name("blocking_key");
  }

  /** The Flyway history table of {@code capability}: the base keeps the name it always had. */
  public String schemaHistoryTable(String capability) {
    return prefix + (capability.equals(Migrations.BASE) ? "" : capability + "_") + "schema_history";
  }

  private String name(String table) {
    return qualifier + prefix + table;
  }
}
