package io.crmkit.jdbc.internal;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.LookupKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * JDBC batch statements for customer rows and their side-table rows, shared by every write path.
 * Every write of a customer row also writes its {@link SideDigest}, so that an update can tell
 * whether the side rows must be rewritten ({@link CustomerUpdates}).
 */
final class CustomerRows {
  /** Rows per JDBC batch: big enough to amortise round trips, small enough for any driver. */
  static final int BATCH = 1000;
  /** Position of the side digest's parameter in {@link #insertSql} and {@link #updateSql}. */
  static final int DIGEST_PARAMETER = CustomerCodec.COLUMN_LIST.size() + 1;

  private CustomerRows() {}

  static String insertSql(Tables tables, Dialect dialect) {
    StringBuilder values = new StringBuilder();
    for (String column : CustomerCodec.COLUMN_LIST) {
      if (values.length() > 0) {
        values.append(", ");
      }
      values.append(column.equals("details") || column.equals("attributes") ? dialect.jsonParameter() : "?");
    }
    return "INSERT INTO " + tables.customer() + " (" + CustomerCodec.COLUMNS + ", " + SideDigest.COLUMN
        + ") VALUES (" + values + ", ?)";
  }

  /**
   * Replaces a customer row at an expected version: parameters are the columns, the side digest, the
   * id and the expected version, and with {@code sameSideRows} the side digest again, so that the
   * row is only replaced if its side rows stay as stored.
   */
  static String updateSql(Tables tables, Dialect dialect, boolean sameSideRows) {
    StringBuilder set = new StringBuilder();
    for (String column : CustomerCodec.COLUMN_LIST) {
      if (set.length() > 0) {
        set.append(", ");
      }
      set.append(column).append(" = ")
          .append(column.equals("details") || column.equals("attributes") ? dialect.jsonParameter() : "?");
    }
    return "UPDATE " + tables.customer() + " SET " + set + ", " + SideDigest.COLUMN + " = ? WHERE id = ? AND version = ?"
        + (sameSideRows ? " AND " + SideDigest.COLUMN + " = ?" : "");
  }

  /** Binds a customer row's columns and its side digest, from position 1. */
  static void bindRow(PreparedStatement statement, CustomerCodec codec, Customer customer) throws SQLException {
    codec.bind(statement, customer, customer.version());
    statement.setString(DIGEST_PARAMETER, SideDigest.of(codec, customer));
  }

  /** Inserts customers exactly as given (with their versions) plus their side-table rows. */
  static void insertBatched(Connection connection, Tables tables, Dialect dialect, CustomerCodec codec,
      List<Customer> customers) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(insertSql(tables, dialect))) {
      int pending = 0;
      for (Customer customer : customers) {
        bindRow(insert, codec, customer);
        insert.addBatch();
        if (++pending == BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
    insertSideRows(connection, tables, dialect, codec, customers);
  }

  static void insertSideRows(Connection connection, Tables tables, Dialect dialect, CustomerCodec codec,
      Collection<Customer> customers) throws SQLException {
    try (PreparedStatement codes = connection.prepareStatement(
        "INSERT INTO " + tables.code() + " (customer_id, dimension, code) VALUES (?, ?, ?)")) {
      Batch batch = new Batch(codes);
      for (Customer customer : customers) {
        for (Map.Entry<String, String> code : customer.dimensionCodes().entrySet()) {
          codes.setObject(1, customer.id().value());
          codes.setString(2, code.getKey());
          codes.setString(3, code.getValue());
          batch.add();
        }
      }
      batch.finish();
    }
    try (PreparedStatement tags = connection.prepareStatement(
        "INSERT INTO " + tables.tag() + " (customer_id, tag) VALUES (?, ?)")) {
      Batch batch = new Batch(tags);
      for (Customer customer : customers) {
        for (String tag : customer.tags()) {
          tags.setObject(1, customer.id().value());
          tags.setString(2, tag);
          batch.add();
        }
      }
      batch.finish();
    }
    insertReferences(connection, tables, customers);
    insertLookupKeys(connection, tables, codec, customers);
    if (dialect.attributesInSideTable()) {
      try (PreparedStatement attributes = connection.prepareStatement(
          "INSERT INTO " + tables.attribute() + " (customer_id, name, value_key) VALUES (?, ?, ?)")) {
        Batch batch = new Batch(attributes);
        for (Customer customer : customers) {
          for (Map.Entry<String, AttributeValue> attribute : customer.attributes().entrySet()) {
            attributes.setObject(1, customer.id().value());
            attributes.setString(2, attribute.getKey());
            attributes.setString(3, CustomerCodec.attributeKey(attribute.getValue()));
            batch.add();
          }
        }
        batch.finish();
      }
    }
  }

  /** Inserts the external references; a clash with another customer's reference is a unique violation. */
  static void insertReferences(Connection connection, Tables tables, Collection<Customer> customers)
      throws SQLException {
    try (PreparedStatement references = connection.prepareStatement(
        "INSERT INTO " + tables.externalRef() + " (ref_system, ref_id, customer_id) VALUES (?, ?, ?)")) {
      Batch batch = new Batch(references);
      for (Customer customer : customers) {
        for (ExternalReference reference : customer.externalReferences()) {
          references.setString(1, reference.system());
          references.setString(2, reference.id());
          references.setObject(3, customer.id().value());
          batch.add();
        }
      }
      batch.finish();
    }
  }

  /**
   * Inserts every customer's {@link LookupKey}s, the index that {@code Criteria} lookups read; every
   * path that writes customers calls this (or its COPY twin) in the same transaction. The values are
   * {@link CustomerCodec#storedLookupKeys}: blind indexes where the codec protects the field.
   */
  static void insertLookupKeys(Connection connection, Tables tables, CustomerCodec codec,
      Collection<Customer> customers)
      throws SQLException {
    try (PreparedStatement keys = connection.prepareStatement(
        "INSERT INTO " + tables.lookup() + " (key_type, key_value, customer_id) VALUES (?, ?, ?)")) {
      Batch batch = new Batch(keys);
      for (Customer customer : customers) {
        for (LookupKey key : codec.storedLookupKeys(customer)) {
          keys.setString(1, key.type());
          keys.setString(2, key.value());
          keys.setObject(3, customer.id().value());
          batch.add();
        }
      }
      batch.finish();
    }
  }

  static void deleteSideRows(Connection connection, Tables tables, Dialect dialect, List<CustomerId> ids)
      throws SQLException {
    deleteFrom(connection, tables.code(), ids);
    deleteFrom(connection, tables.tag(), ids);
    deleteFrom(connection, tables.externalRef(), ids);
    deleteFrom(connection, tables.lookup(), ids);
    if (dialect.attributesInSideTable()) {
      deleteFrom(connection, tables.attribute(), ids);
    }
  }

  private static void deleteFrom(Connection connection, String table, List<CustomerId> ids) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE customer_id = ?")) {
      Batch batch = new Batch(delete);
      for (CustomerId id : ids) {
        delete.setObject(1, id.value());
        batch.add();
      }
      batch.finish();
    }
  }

  /** Adds rows to a statement's batch and sends it every {@link #BATCH} rows. */
  static final class Batch {
    private final PreparedStatement statement;
    private int pending;

    Batch(PreparedStatement statement) {
      this.statement = statement;
    }

    void add() throws SQLException {
      statement.addBatch();
      if (++pending == BATCH) {
        statement.executeBatch();
        pending = 0;
      }
    }

    void finish() throws SQLException {
      if (pending > 0) {
        statement.executeBatch();
        pending = 0;
      }
    }
  }
}
