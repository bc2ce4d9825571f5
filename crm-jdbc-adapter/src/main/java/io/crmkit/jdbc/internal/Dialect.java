package io.crmkit.jdbc.internal;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.Customer;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * What differs between the databases crmkit supports, in one place (the rest of the adapter is
 * plain SQL that both understand): how JSON parameters are typed, how text is ordered by code
 * point, how custom attributes are matched, how large loads are written, how a sequence is
 * advanced, how a row is upserted or inserted unless present, how one pending code request per
 * code is enforced, how rows of a set of customers are selected, and which isolation level reads a
 * snapshot.
 */
abstract class Dialect {

  /** The dialect for the database behind {@code connection}, from its metadata. */
  static Dialect detect(Connection connection) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    String product = metaData.getDatabaseProductName();
    String lower = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (lower.contains("postgresql")) {
      return new PostgresDialect();
    }
    if (lower.equals("h2")) {
      return new H2Dialect();
    }
    throw new IllegalArgumentException("crmkit's JDBC adapter supports H2 and PostgreSQL; the DataSource is "
        + product + " " + metaData.getDatabaseProductVersion());
  }

  /** A short name, also the folder of the dialect's migrations: {@code h2} or {@code postgresql}. */
  public abstract String name();

  /**
   * The JDBC isolation level at which one transaction reads a consistent snapshot of the whole
   * database, unchanged by what other transactions commit meanwhile.
   */
  abstract int snapshotIsolation();

  /** The placeholder for a JSON document bound as text. */
  abstract String jsonParameter();

  /**
   * An expression that orders and compares {@code textExpression} by Unicode code point. Where
   * the column itself already does (PostgreSQL with {@code COLLATE "C"}), the column unchanged, so
   * that indexes apply.
   */
  abstract String codePointOrder(String textExpression);

  /**
   * Appends {@code FROM table alias WHERE} limited to the rows of the customers in the UUID array
   * {@code ids}, written so that the customer index is used; more conditions can follow with
   * {@code AND}.
   */
  abstract void fromCustomers(SqlBuilder sql, String table, String alias, Binder ids);

  /** Whether custom attributes are also written to the {@code customer_attribute} side table. */
  abstract boolean attributesInSideTable();

  /**
   * The query of which references of one system are held and by whom: parameter 1 the reference
   * ids as an array, parameter 2 the system; columns {@code ref_id, customer_id}. Each dialect's
   * form is the one its planner answers with a primary-key lookup per id.
   */
  abstract String referenceHoldersSql(String table);

  /**
   * What follows the customer table's alias in a keyset page of a customer stream ({@code ...
   * WHERE criteria AND id > ? ORDER BY id LIMIT n}): nothing where the planner weighs the order
   * and limit itself. H2 picks the index of an indexed criterion (stage, tier, owner) instead,
   * reads every matching row and sorts them for each page, so a stream of n customers cost n² /
   * page rows; there the hint walks the primary key, which reads the table once over all pages.
   */
  String customerStreamHint(Connection connection, Tables tables) throws SQLException {
    return "";
  }

  /** Appends a condition that the customer {@code alias} has attribute {@code name} equal to {@code value}. */
  abstract void attributeEquals(SqlBuilder sql, String alias, Tables tables, CustomerCodec codec,
      String name, AttributeValue value);

  /** The longest JSON document the dialect's JSON columns hold, in characters. */
  abstract int maxJsonChars();

  /**
   * Writes new customers (already checked: storable, no clashes) and their side-table rows, as
   * fast as the database allows, inside the caller's transaction.
   */
  abstract void insertCustomers(Connection connection, Tables tables, CustomerCodec codec,
      List<Customer> customers) throws SQLException;

  /**
   * Adds {@code count} to the {@code last_value} of sequence {@code key} in the {@code
   * code_sequence} table, creating the row (from 0) if it is absent, atomically and in the
   * connection's current transaction: concurrent callers are serialised by the row's lock, so
   * each gets its own block. Returns the new last value, or empty (changing nothing) if it would
   * pass {@link Long#MAX_VALUE}.
   */
  abstract OptionalLong addToSequence(Connection connection, Tables tables, String key, int count)
      throws SQLException;

  /**
   * An upsert of one row: inserts {@code columns} (one {@code ?} each, in order) or, if a row with
   * the same {@code keyColumns} exists, sets its other columns to the given values.
   */
  abstract String upsertSql(String table, List<String> columns, List<String> keyColumns);

  /**
   * Inserts one row of {@code columns} bound by {@code values} unless a row with the same {@code
   * keyColumns} exists; returns whether it inserted. A key clash leaves the current transaction
   * usable (no failed statement on PostgreSQL, where that would abort it).
   */
  abstract boolean insertIfAbsent(Connection connection, String table, List<String> columns,
      List<String> keyColumns, List<Binder> values) throws SQLException;

  /**
   * Whether the {@code code_request} table has a {@code pending_code} column (the code while the
   * request is pending, null after) under a unique index, because the database has no partial
   * unique index on {@code (scheme_id, code) WHERE outcome IS NULL}.
   */
  abstract boolean pendingCodeColumn();

  /** The SQL state of a unique or primary key violation, the same on H2 and PostgreSQL. */
  static final String UNIQUE_VIOLATION = "23505";

  /** Whether {@code e} reports a unique or primary key violation. */
  static boolean isUniqueViolation(SQLException e) {
    return hasState(e, UNIQUE_VIOLATION);
  }

  private static boolean hasState(SQLException e, String state) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** {@code n} comma-separated placeholders. */
  static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  /** Binds {@code values} to positions 1, 2, ... */
  static void bindAll(PreparedStatement statement, List<Binder> values) throws SQLException {
    int index = 1;
    for (Binder value : values) {
      value.bind(statement, index++);
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
