package io.crmkit.jdbc.internal;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.Customer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * H2, the embedded default. H2 compares text in UTF-16 order, which differs from code-point
 * order between supplementary characters and U+E000..U+FFFF; casting to VARBINARY (UTF-8 bytes,
 * compared unsigned) gives code-point order. Attributes are matched through their side table.
 */
final class H2Dialect extends Dialect {

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

  @Override
  void insertCustomers(Connection connection, Tables tables, CustomerCodec codec, List<Customer> customers)
      throws SQLException {
    CustomerRows.insertBatched(connection, tables, this, codec, customers);
  }
}
