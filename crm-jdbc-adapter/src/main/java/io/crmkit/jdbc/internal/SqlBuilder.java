package io.crmkit.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL text plus its parameters, built together so that every value is a bound parameter. */
final class SqlBuilder {
  private final StringBuilder sql = new StringBuilder();
  private final List<Binder> params = new ArrayList<>();

  SqlBuilder append(String text) {
    sql.append(text);
    return this;
  }

  /** Appends {@code placeholder} (which holds exactly one {@code ?}) and its value. */
  SqlBuilder param(String placeholder, Binder binder) {
    sql.append(placeholder);
    params.add(binder);
    return this;
  }

  SqlBuilder param(Binder binder) {
    return param("?", binder);
  }

  SqlBuilder append(SqlBuilder other) {
    sql.append(other.sql);
    params.addAll(other.params);
    return this;
  }

  String sql() {
    return sql.toString();
  }

  List<Binder> params() {
    return List.copyOf(params);
  }

  PreparedStatement prepare(Connection connection) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql.toString());
    try {
      bind(statement, 1);
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  /** Binds the parameters from position {@code first}; returns the next free position. */
  int bind(PreparedStatement statement, int first) throws SQLException {
    int index = first;
    for (Binder binder : params) {
      binder.bind(statement, index++);
    }
    return index;
  }

  @Override
  public String toString() {
    return sql.toString();
  }
}
