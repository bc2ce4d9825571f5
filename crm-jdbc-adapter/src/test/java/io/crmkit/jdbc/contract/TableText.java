package io.crmkit.jdbc.contract;

import io.crmkit.core.common.CrmStorageException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Every text and JSON value in every table of a database schema, the outbox and history tables
 * included: what a scan of the storage finds, whatever the adapters' ports let one read.
 */
final class TableText {
  private TableText() {}

  /** The values of every character, CLOB and JSON column of every table in the connection's schema. */
  static String of(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      Map<String, List<String>> columns = textColumns(connection);
      StringBuilder text = new StringBuilder();
      try (Statement statement = connection.createStatement()) {
        for (Map.Entry<String, List<String>> table : columns.entrySet()) {
          String select = "SELECT " + String.join(", ", table.getValue()) + " FROM \"" + table.getKey() + '"';
          try (ResultSet rs = statement.executeQuery(select)) {
            while (rs.next()) {
              for (int i = 1; i <= table.getValue().size(); i++) {
                text.append(rs.getString(i)).append('\t');
              }
              text.append('\n');
            }
          }
        }
      }
      return text.toString();
    } catch (SQLException e) {
      throw new CrmStorageException("could not scan the tables", e);
    }
  }

  private static Map<String, List<String>> textColumns(Connection connection) throws SQLException {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    DatabaseMetaData meta = connection.getMetaData();
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
    }
    for (String table : tables) {
      try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), table, "%")) {
        while (rs.next()) {
          if (isText(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"))) {
            columns.computeIfAbsent(table, t -> new ArrayList<>()).add('"' + rs.getString("COLUMN_NAME") + '"');
          }
        }
      }
    }
    return columns;
  }

  private static boolean isText(int type, String typeName) {
    return switch (type) {
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
          Types.CLOB, Types.NCLOB -> true;
      default -> typeName != null && typeName.toLowerCase(Locale.ROOT).contains("json");
    };
  }
}
