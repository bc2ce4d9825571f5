package io.crmkit.jdbc.internal;

import java.time.Instant;

/**
 * Conditions on an instant stored as two columns (a microsecond timestamp and the nanoseconds
 * below it), exact to the nanosecond, written so that an index on both columns applies.
 */
final class InstantConditions {
  private InstantConditions() {}

  /** Appends {@code (at, nanos) >= instant}. */
  static SqlBuilder atOrAfter(SqlBuilder sql, String atColumn, String nanosColumn, Instant instant) {
    return sql.append("(").append(atColumn).append(" > ").param(Values.timestamp(instant))
        .append(" OR (").append(atColumn).append(" = ").param(Values.timestamp(instant))
        .append(" AND ").append(nanosColumn).append(" >= ").param(Values.nanos(instant)).append("))");
  }

  /** Appends {@code (at, nanos) < instant}. */
  static SqlBuilder before(SqlBuilder sql, String atColumn, String nanosColumn, Instant instant) {
    return sql.append("(").append(atColumn).append(" < ").param(Values.timestamp(instant))
        .append(" OR (").append(atColumn).append(" = ").param(Values.timestamp(instant))
        .append(" AND ").append(nanosColumn).append(" < ").param(Values.nanos(instant)).append("))");
  }
}
