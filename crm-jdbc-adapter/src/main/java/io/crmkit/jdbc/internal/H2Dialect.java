package io.crmkit.jdbc.internal;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.Customer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;

/**
 * H2, the embedded default. H2 compares text in UTF-16 order, which differs from code-point
 * order between supplementary characters and U+E000..U+FFFF; casting to VARBINARY (UTF-8 bytes,
 * compared unsigned) gives code-point order. Attributes are matched through their side table;
 * upserts are {@code MERGE ... KEY}; a failed statement does not end the transaction, so a key
 * clash can simply be caught.
 */
final class H2Dialect extends Dialect {

  /** H2's REPEATABLE READ still shows rows inserted by others (phantoms); SERIALIZABLE reads one snapshot. */
  @Override
  int snapshotIsolation() {
    return Connection.TRANSACTION_SERIALIZABLE;
  }

  @Override
  public String name() {
    return "h2";
  }

  @Override
  String jsonParameter() {
    return "?";
  }

  @Override
  String codePointOrder(String textExpression) {
    return "CAST(" + textExpression + " AS VARBINARY)";
  }

  /**
   * A join with the ids as a table, which H2 answers with one index lookup per id: H2 tests
   * {@code customer_id = ANY(?)} against every row of the table.
   */
  @Override
  void fromCustomers(SqlBuilder sql, String table, String alias, Binder ids) {
    sql.append(" FROM UNNEST(").param(ids).append(") AS ids(id) JOIN ").append(table).append(" ").append(alias)
        .append(" ON ").append(alias).append(".customer_id = ids.id WHERE TRUE");
  }

  /**
   * A join with the ids as a table: H2 answers {@code ref_system = ? AND ref_id = ANY(?)} with
   * the first key column only, reading every reference of the system for each lookup.
   */
  @Override
  String referenceHoldersSql(String table) {
    return "SELECT r.ref_id, r.customer_id FROM UNNEST(?) AS ids(ref_id) JOIN " + table
        + " r ON r.ref_system = ? AND r.ref_id = ids.ref_id";
  }

  /** {@code USE INDEX} of the customer table's primary-key index, whose name H2 generates. */
  @Override
  String customerStreamHint(Connection connection, Tables tables) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
        + " WHERE UPPER(TABLE_SCHEMA) = UPPER(COALESCE(?, CURRENT_SCHEMA)) AND UPPER(TABLE_NAME) = UPPER(?)"
        + " AND INDEX_TYPE_NAME = 'PRIMARY KEY'")) {
      select.setString(1, tables.schema());
      select.setString(2, tables.prefix() + "customer");
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? " USE INDEX (\"" + rs.getString(1) + "\")" : "";
      }
    }
  }

  @Override
  boolean attributesInSideTable() {
    return true;
  }

  @Override
  void attributeEquals(SqlBuilder sql, String alias, Tables tables, CustomerCodec codec,
      String name, AttributeValue value) {
    sql.append("EXISTS (SELECT 1 FROM ").append(tables.attribute()).append(" a WHERE a.customer_id = ")
        .append(alias).append(".id AND a.name = ").param(Values.text(name))
        .append(" AND a.value_key = ").param(Values.text(CustomerCodec.attributeKey(value)))
        .append(")");
  }

  @Override
  int maxJsonChars() {
    return StorageGuard.MAX_JSON_CHARS;
  }

  /**
   * An {@code UPDATE} under the row's lock, read back through H2's {@code FINAL TABLE}; if no row
   * changed, either the row is missing (insert it; if a concurrent caller inserted it first, its
   * key clash fails only that statement, and the update is tried again) or the sequence is spent.
   */
  @Override
  OptionalLong addToSequence(Connection connection, Tables tables, String key, int count) throws SQLException {
    long limit = Long.MAX_VALUE - count;
    while (true) {
      try (PreparedStatement update = connection.prepareStatement("SELECT last_value FROM FINAL TABLE (UPDATE "
          + tables.codeSequence() + " SET last_value = last_value + ? WHERE sequence_key = ? AND last_value <= ?)")) {
        update.setLong(1, count);
        update.setString(2, key);
        update.setLong(3, limit);
        try (ResultSet rs = update.executeQuery()) {
          if (rs.next()) {
            return OptionalLong.of(rs.getLong(1));
          }
        }
      }
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT last_value FROM " + tables.codeSequence() + " WHERE sequence_key = ?")) {
        select.setString(1, key);
        try (ResultSet rs = select.executeQuery()) {
          if (rs.next()) {
            if (rs.getLong(1) > limit) {
              return OptionalLong.empty();
            }
            continue;
          }
        }
      }
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO " + tables.codeSequence() + " (sequence_key, last_value) VALUES (?, ?)")) {
        insert.setString(1, key);
        insert.setLong(2, count);
        insert.executeUpdate();
        return OptionalLong.of(count);
      } catch (SQLException e) {
        if (!isUniqueViolation(e)) {
          throw e;
        }
      }
    }
  }

  @Override
  String upsertSql(String table, List<String> columns, List<String> keyColumns) {
    return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", keyColumns)
        + ") VALUES (" + placeholders(columns.size()) + ")";
  }

  /** A plain insert: in H2 a failed statement is undone on its own and the transaction goes on. */
  @Override
  boolean insertIfAbsent(Connection connection, String table, List<String> columns, List<String> keyColumns,
      List<Binder> values) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " ("
        + String.join(", ", columns) + ") VALUES (" + placeholders(columns.size()) + ")")) {
      bindAll(insert, values);
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      if (isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  boolean pendingCodeColumn() {
    return true;
  }

  @Override
  void insertCustomers(Connection connection, Tables tables, CustomerCodec codec, List<Customer> customers)
      throws SQLException {
    CustomerRows.insertBatched(connection, tables, this, codec, customers);
  }
}
