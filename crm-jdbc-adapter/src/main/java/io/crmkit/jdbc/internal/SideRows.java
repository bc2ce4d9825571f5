package io.crmkit.jdbc.internal;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.LookupKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A customer's side-table rows as the store keeps them, and the change from one copy's rows to
 * another's: an update that adds an external reference and a lookup key (a golden record taking in
 * a duplicate's) deletes and inserts those rows alone instead of every side row of the customer.
 * {@link CustomerUpdates} uses it where it knows the stored copy's rows exactly (its {@link
 * SideDigest} matches).
 */
final class SideRows {

  /**
   * A kind of side row: its table, the columns an insert names (the customer id, then {@link
   * Row#first} and, but for tags, {@link Row#second}), and the condition a delete finds one by.
   * Codes and attributes are deleted by their key alone (one code per dimension, one value per
   * attribute), so a changed value is a delete and an insert.
   */
  enum Kind {
    CODE(Tables::code, "customer_id, dimension, code", "customer_id = ? AND dimension = ?", true, false),
    TAG(Tables::tag, "customer_id, tag", "customer_id = ? AND tag = ?", false, false),
    REFERENCE(Tables::externalRef, "customer_id, ref_system, ref_id",
        "customer_id = ? AND ref_system = ? AND ref_id = ?", true, true),
    LOOKUP(Tables::lookup, "customer_id, key_type, key_value", "customer_id = ? AND key_type = ? AND key_value = ?",
        true, true),
    ATTRIBUTE(Tables::attribute, "customer_id, name, value_key", "customer_id = ? AND name = ?", true, false);

    private final Function<Tables, String> table;
    private final String columns;
    private final String condition;
    private final boolean insertsSecond;
    private final boolean deletesBySecond;

    Kind(Function<Tables, String> table, String columns, String condition, boolean insertsSecond,
        boolean deletesBySecond) {
      this.table = table;
      this.columns = columns;
      this.condition = condition;
      this.insertsSecond = insertsSecond;
      this.deletesBySecond = deletesBySecond;
    }

    String insertSql(Tables tables) {
      return "INSERT INTO " + table.apply(tables) + " (" + columns + ") VALUES (?, ?" + (insertsSecond ? ", ?" : "") + ")";
    }

    String deleteSql(Tables tables) {
      return "DELETE FROM " + table.apply(tables) + " WHERE " + condition;
    }
  }

  /** One side row of a customer: its kind and its one or two texts. */
  record Row(Kind kind, String first, String second) {}

  private SideRows() {}

  /** {@code customer}'s side rows as {@code codec} and {@code dialect} store them. */
  static Set<Row> of(CustomerCodec codec, Dialect dialect, Customer customer) {
    Set<Row> rows = new LinkedHashSet<>();
    customer.dimensionCodes().forEach((dimension, code) -> rows.add(new Row(Kind.CODE, dimension, code)));
    customer.tags().forEach(tag -> rows.add(new Row(Kind.TAG, tag, null)));
    for (ExternalReference reference : customer.externalReferences()) {
      rows.add(new Row(Kind.REFERENCE, reference.system(), reference.id()));
    }
    for (LookupKey key : codec.storedLookupKeys(customer)) {
      rows.add(new Row(Kind.LOOKUP, key.type(), key.value()));
    }
    if (dialect.attributesInSideTable()) {
      for (Map.Entry<String, AttributeValue> attribute : customer.attributes().entrySet()) {
        rows.add(new Row(Kind.ATTRIBUTE, attribute.getKey(), CustomerCodec.attributeKey(attribute.getValue())));
      }
    }
    return rows;
  }

  /**
   * Deletes each customer's rows that are in {@link Change#before} but not in {@link Change#after}.
   * Called before any side row of the same write is inserted, so that a row one customer gives up
   * is free for another to take.
   */
  static void deleteGone(Connection connection, Tables tables, Map<CustomerId, Change> changes) throws SQLException {
    for (Map.Entry<Kind, List<Keyed>> kind : rows(changes, true).entrySet()) {
      run(connection, kind.getKey().deleteSql(tables), kind.getValue(), kind.getKey().deletesBySecond);
    }
  }

  /** Inserts each customer's rows that are in {@link Change#after} but not in {@link Change#before}. */
  static void insertCome(Connection connection, Tables tables, Map<CustomerId, Change> changes) throws SQLException {
    for (Map.Entry<Kind, List<Keyed>> kind : rows(changes, false).entrySet()) {
      run(connection, kind.getKey().insertSql(tables), kind.getValue(), kind.getKey().insertsSecond);
    }
  }

  /** The rows that went ({@code gone}) or came, by kind. */
  private static Map<Kind, List<Keyed>> rows(Map<CustomerId, Change> changes, boolean gone) {
    Map<Kind, List<Keyed>> rows = new EnumMap<>(Kind.class);
    changes.forEach((customer, change) -> {
      Set<Row> from = gone ? change.before() : change.after();
      Set<Row> against = gone ? change.after() : change.before();
      for (Row row : from) {
        if (!against.contains(row)) {
          rows.computeIfAbsent(row.kind(), kind -> new ArrayList<>()).add(new Keyed(customer, row));
        }
      }
    });
    return rows;
  }

  /** A customer's side rows as stored and as they are to be. */
  record Change(Set<Row> before, Set<Row> after) {}

  private record Keyed(CustomerId customer, Row row) {}

  private static void run(Connection connection, String sql, List<Keyed> rows, boolean withSecond)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      CustomerRows.Batch batch = new CustomerRows.Batch(statement);
      for (Keyed keyed : rows) {
        statement.setObject(1, keyed.customer().value());
        statement.setString(2, keyed.row().first());
        if (withSecond) {
          statement.setString(3, keyed.row().second());
        }
        batch.add();
      }
      batch.finish();
    }
  }
}
