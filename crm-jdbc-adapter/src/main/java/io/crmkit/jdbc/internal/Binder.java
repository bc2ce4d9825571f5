package io.crmkit.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds one value to one parameter position of a prepared statement. */
@FunctionalInterface
interface Binder {
  void bind(PreparedStatement statement, int index) throws SQLException;
}
