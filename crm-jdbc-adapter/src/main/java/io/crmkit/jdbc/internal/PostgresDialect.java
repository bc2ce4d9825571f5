package io.crmkit.jdbc.internal;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.Customer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL, the production target. Text columns are declared {@code COLLATE "C"}, so plain
 * comparisons are code-point comparisons and prefix {@code LIKE} uses b-tree indexes; attributes
 * are a {@code jsonb} column matched by containment ({@code @>}, GIN-indexed); large loads use
 * {@code COPY}; upserts and insert-unless-present are {@code ON CONFLICT}, because a failed
 * statement aborts the whole transaction; one pending code request per code is a partial unique
 * index.
 */
final class PostgresDialect extends Dialect {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresDialect.class);

  /** PostgreSQL's REPEATABLE READ is snapshot isolation: one snapshot, taken at the transaction's first statement. */
  @Override
  int snapshotIsolation() {
    return Connection.TRANSACTION_REPEATABLE_READ;
  }

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  String jsonParameter() {
    return "CAST(? AS JSONB)";
  }

  @Override
  String codePointOrder(String textExpression) {
    return textExpression;
  }

  /** {@code = ANY(?)}, an index condition here (a join with {@code UNNEST(?)} is planned far worse). */
  @Override
  void fromCustomers(SqlBuilder sql, String table, String alias, Binder ids) {
    sql.append(" FROM ").append(table).append(" ").append(alias).append(" WHERE ").append(alias)
        .append(".customer_id = ANY(").param(ids).append(")");
  }

  /** {@code = ANY(?)}, an index condition on both key columns here. */
  @Override
  String referenceHoldersSql(String table) {
    return "SELECT ref_id, customer_id FROM " + table + " WHERE ref_id = ANY(?) AND ref_system = ?";
  }

  @Override
  boolean attributesInSideTable() {
    return false;
  }

  @Override
  void attributeEquals(SqlBuilder sql, String alias, Tables tables, CustomerCodec codec,
      String name, AttributeValue value) {
    sql.append(alias).append(".attributes @> ")
        .param("CAST(? AS JSONB)", Values.text(codec.attributeContainment(name, value)));
  }

  @Override
  int maxJsonChars() {
    return Integer.MAX_VALUE;
  }

  /**
   * One statement: {@code INSERT ... ON CONFLICT DO UPDATE ... RETURNING}, which takes the row's
   * lock whether it inserts or updates; the {@code WHERE} of the update leaves a spent sequence
   * unchanged and returns no row.
   */
  @Override
  OptionalLong addToSequence(Connection connection, Tables tables, String key, int count) throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + tables.codeSequence()
        + " AS s (sequence_key, last_value) VALUES (?, ?) ON CONFLICT (sequence_key) DO UPDATE"
        + " SET last_value = s.last_value + EXCLUDED.last_value WHERE s.last_value <= ? RETURNING last_value")) {
      upsert.setString(1, key);
      upsert.setLong(2, count);
      upsert.setLong(3, Long.MAX_VALUE - count);
      try (ResultSet rs = upsert.executeQuery()) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  @Override
  String upsertSql(String table, List<String> columns, List<String> keyColumns) {
    StringBuilder set = new StringBuilder();
    for (String column : columns) {
      if (!keyColumns.contains(column)) {
        set.append(set.length() == 0 ? "" : ", ").append(column).append(" = EXCLUDED.").append(column);
      }
    }
    return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + placeholders(columns.size())
        + ") ON CONFLICT (" + String.join(", ", keyColumns) + ") DO UPDATE SET " + set;
  }

  /** {@code ON CONFLICT DO NOTHING}: a failed statement would abort the whole transaction. */
  @Override
  boolean insertIfAbsent(Connection connection, String table, List<String> columns, List<String> keyColumns,
      List<Binder> values) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " ("
        + String.join(", ", columns) + ") VALUES (" + placeholders(columns.size()) + ") ON CONFLICT ("
        + String.join(", ", keyColumns) + ") DO NOTHING")) {
      bindAll(insert, values);
      return insert.executeUpdate() == 1;
    }
  }

  @Override
  boolean pendingCodeColumn() {
    return false;
  }

  @Override
  void insertCustomers(Connection connection, Tables tables, CustomerCodec codec, List<Customer> customers)
      throws SQLException {
    if (customers.size() >= PostgresCopy.MIN_ROWS && PostgresCopy.available(connection)) {
      PostgresCopy.insertCustomers(connection, tables, codec, customers);
    } else {
      if (customers.size() >= PostgresCopy.MIN_ROWS) {
        LOG.debug("COPY is not available on this connection; loading {} customers with batches", customers.size());
      }
      CustomerRows.insertBatched(connection, tables, this, codec, customers);
    }
  }
}
