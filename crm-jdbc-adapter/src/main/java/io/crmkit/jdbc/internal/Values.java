package io.crmkit.jdbc.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * How Java values become column values and back. Instants are split into a microsecond
 * timestamp (what both databases store natively) and the nanoseconds below it, so they round-trip
 * exactly; both parts together order like the instant.
 */
final class Values {
  /** The first instant crmkit stores: both databases and their drivers agree on years 1 to 9999. */
  static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
  static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");
  static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
  static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);

  private Values() {}

  static boolean storable(Instant instant) {
    return !instant.isBefore(MIN_INSTANT) && !instant.isAfter(MAX_INSTANT);
  }

  static boolean storable(LocalDate date) {
    return !date.isBefore(MIN_DATE) && !date.isAfter(MAX_DATE);
  }

  static OffsetDateTime micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  static int nanosBelowMicro(Instant instant) {
    return instant.getNano() % 1000;
  }

  static Instant instant(ResultSet rs, String timestampColumn, String nanosColumn) throws SQLException {
    OffsetDateTime time = rs.getObject(timestampColumn, OffsetDateTime.class);
    return time.toInstant().plusNanos(rs.getInt(nanosColumn));
  }

  /** The instant in columns {@code timestampColumn} and {@code nanosColumn}, by position. */
  static Instant instant(ResultSet rs, int timestampColumn, int nanosColumn) throws SQLException {
    OffsetDateTime time = rs.getObject(timestampColumn, OffsetDateTime.class);
    return time.toInstant().plusNanos(rs.getInt(nanosColumn));
  }

  static UUID uuid(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }

  static Binder uuid(UUID value) {
    return (statement, index) -> statement.setObject(index, value);
  }

  static Binder text(String value) {
    return (statement, index) -> setText(statement, index, value);
  }

  static Binder date(LocalDate value) {
    return (statement, index) -> setDate(statement, index, value);
  }

  static Binder timestamp(Instant value) {
    return (statement, index) -> statement.setObject(index, micros(value));
  }

  static Binder nanos(Instant value) {
    return (statement, index) -> statement.setInt(index, nanosBelowMicro(value));
  }

  static Binder integer(long value) {
    return (statement, index) -> statement.setLong(index, value);
  }

  static void setText(PreparedStatement statement, int index, String value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }

  static void setDate(PreparedStatement statement, int index, LocalDate value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.DATE);
    } else {
      statement.setObject(index, value);
    }
  }

  static void setDecimal(PreparedStatement statement, int index, BigDecimal value) throws SQLException {
    statement.setBigDecimal(index, value);
  }

  /** Sets an instant's two columns at {@code index} and {@code index + 1}. */
  static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
    statement.setObject(index, micros(value));
    statement.setInt(index + 1, nanosBelowMicro(value));
  }
}
