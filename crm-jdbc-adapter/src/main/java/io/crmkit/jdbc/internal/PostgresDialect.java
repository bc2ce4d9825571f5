package io.crmkit.jdbc.internal;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.Customer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL, the production target. Text columns are declared {@code COLLATE "C"}, so plain
 * comparisons are code-point comparisons and prefix {@code LIKE} uses b-tree indexes; attributes
 * are a {@code jsonb} column matched by containment ({@code @>}, GIN-indexed); large loads use
 * {@code COPY}.
 */
final class PostgresDialect extends Dialect {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresDialect.class);

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
