package io.crmkit.jdbc.internal;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.Customer;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * What differs between the databases crmkit supports, in one place (the rest of the adapter is
 * plain SQL that both understand): how JSON parameters are typed, how text is ordered by code
 * point, how custom attributes are matched, and how large loads are written.
 */
public abstract class Dialect {

  /** The dialect for the database behind {@code connection}, from its metadata. */
  public static Dialect detect(Connection connection) throws SQLException {
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

  /** The placeholder for a JSON document bound as text. */
  abstract String jsonParameter();

  /**
   * An expression that orders and compares {@code textExpression} by Unicode code point. Where
   * the column itself already does (PostgreSQL with {@code COLLATE "C"}), the column unchanged, so
   * that indexes apply.
   */
  abstract String codePointOrder(String textExpression);

  /** Whether custom attributes are also written to the {@code customer_attribute} side table. */
  abstract boolean attributesInSideTable();

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

  /** Whether {@code e} reports a unique or primary key violation. */
  boolean isUniqueViolation(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return name();
  }
}
