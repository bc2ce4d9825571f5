package io.crmkit.jdbc.internal;

import io.crmkit.core.common.Require;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The names of crmkit's tables under one prefix and, optionally, one schema. Names are validated
 * identifiers, so they can be written into SQL text; values never are.
 */
public final class Tables {
  /** A table prefix: a lower-case letter, then lower-case letters, digits or underscores. */
  public static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,29}");
  /** A schema name: an unquoted SQL identifier. */
  public static final Pattern SCHEMA = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");

  private final String prefix;
  private final String schema;
  private final String qualifier;

  public Tables(String prefix, String schema) {
    Objects.requireNonNull(prefix, "prefix");
    Require.argument(PREFIX.matcher(prefix).matches(), "table prefix must match %s, got '%s'", PREFIX, prefix);
    Require.argument(schema == null || SCHEMA.matcher(schema).matches(), "schema must match %s, got '%s'",
        SCHEMA, schema);
    this.prefix = prefix;
    this.schema = schema;
    this.qualifier = schema == null ? "" : schema + ".";
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

  /** The Flyway history table, beside crmkit's own tables so it never clashes with the host's. */
  /** The Flyway history table of {@code capability}: the base keeps the name it always had. */
  public String schemaHistoryTable(String capability) {
    return prefix + (capability.equals(Migrations.BASE) ? "" : capability + "_") + "schema_history";
  }

  private String name(String table) {
    return qualifier + prefix + table;
  }
}
