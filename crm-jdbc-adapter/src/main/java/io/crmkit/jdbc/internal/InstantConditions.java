package io.crmkit.jdbc.internal;

import java.time.Instant;

/**
 * Conditions on an instant stored as two columns (a microsecond timestamp and the nanoseconds
 * below it), exact to the nanosecond. Each starts with a plain bound on the timestamp column,
 * implied by the exact condition after it, because H2 derives no index range from an {@code OR}:
 * without it a keyset page walked the index from its start, so a stream cost time in the square of
 * its rows.
 */
final class InstantConditions {
  private InstantConditions() {}

  /** Appends {@code (at, nanos) >= instant}. */
  static SqlBuilder atOrAfter(SqlBuilder sql, String atColumn, String nanosColumn, Instant instant) {
    return sql.append("(").append(atColumn).append(" >= ").param(Values.timestamp(instant))
        .append(" AND (").append(atColumn).append(" > ").param(Values.timestamp(instant))
        .append(" OR (").append(atColumn).append(" = ").param(Values.timestamp(instant))
        .append(" AND ").append(nanosColumn).append(" >= ").param(Values.nanos(instant)).append(")))");
  }

  /** Appends {@code (at, nanos) < instant}. */
  static SqlBuilder before(SqlBuilder sql, String atColumn, String nanosColumn, Instant instant) {
    return sql.append("(").append(atColumn).append(" <= ").param(Values.timestamp(instant))
        .append(" AND (").append(atColumn).append(" < ").param(Values.timestamp(instant))
        .append(" OR (").append(atColumn).append(" = ").param(Values.timestamp(instant))
        .append(" AND ").append(nanosColumn).append(" < ").param(Values.nanos(instant)).append(")))");
  }

  /** Appends {@code (at, nanos, id) > (instant, id)}: after the row at {@code instant} with {@code id}. */
  static SqlBuilder after(SqlBuilder sql, String atColumn, String nanosColumn, String idColumn, Instant instant,
      java.util.UUID id) {
    return sql.append("(").append(atColumn).append(" >= ").param(Values.timestamp(instant))
        .append(" AND (").append(atColumn).append(" > ").param(Values.timestamp(instant))
        .append(" OR (").append(atColumn).append(" = ").param(Values.timestamp(instant))
        .append(" AND (").append(nanosColumn).append(" > ").param(Values.nanos(instant))
        .append(" OR (").append(nanosColumn).append(" = ").param(Values.nanos(instant))
        .append(" AND ").append(idColumn).append(" > ").param(Values.uuid(id)).append(")))))");
  }
}
