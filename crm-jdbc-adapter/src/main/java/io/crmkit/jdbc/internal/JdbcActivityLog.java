package io.crmkit.jdbc.internal;

import io.crmkit.core.activity.Activity;
import io.crmkit.core.activity.ActivityLog;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.CustomerId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@link ActivityLog} over one JDBC table. Recording checks every activity against what is stored
 * (same id and same content is a no-op, different content a {@link DuplicateKeyException}) before
 * it writes anything, then inserts the new ones in batches, all in one transaction. When a
 * concurrent recorder stored some of them meanwhile, {@link KeyClashRetry} runs the check again.
 *
 * @param <A> the activity type
 */
class JdbcActivityLog<A extends Activity> implements ActivityLog<A> {
  static final int STREAM_PAGE = 1000;

  private final Connections connections;
  private final Tables tables;
  private final ActivityTable<A> mapping;

  JdbcActivityLog(Connections connections, Tables tables, ActivityTable<A> mapping) {
    this.connections = connections;
    this.tables = tables;
    this.mapping = mapping;
  }

  @Override
  public void record(A activity) {
    Objects.requireNonNull(activity, "activity");
    recordAll(List.of(activity));
  }

  @Override
  public void recordAll(Collection<? extends A> activities) {
    Objects.requireNonNull(activities, "activities");
    Map<UUID, A> batch = new LinkedHashMap<>();
    int row = 0;
    List<Violation> problems = new ArrayList<>();
    for (A activity : activities) {
      Objects.requireNonNull(activity, "activity");
      for (Violation violation : mapping.violations(activity)) {
        problems.add(violation.under("[" + row + "]"));
      }
      row++;
      A known = batch.putIfAbsent(activity.id().value(), activity);
      if (known != null && !known.equals(activity)) {
        throw new DuplicateKeyException(activity.id().toString(),
            mapping.entity() + " " + activity.id() + " appears twice in the batch with different content");
      }
    }
    if (!problems.isEmpty()) {
      throw new CrmValidationException(mapping.entity(), problems);
    }
    if (batch.isEmpty()) {
      return;
    }
    connections.write("record " + batch.size() + " " + mapping.entity().toLowerCase(java.util.Locale.ROOT) + "s",
        connection -> KeyClashRetry.run(connection, retry -> {
          insert(retry, unrecorded(retry, batch.values()));
          return null;
        }));
  }

  /**
   * Overwrites every column but the id and customer of each stored activity, one batched {@code
   * UPDATE ... WHERE id = ? AND customer_id = ?}, checked like a recording first.
   */
  @Override
  public int redact(Collection<? extends A> redacted) {
    Objects.requireNonNull(redacted, "redacted");
    List<Violation> problems = new ArrayList<>();
    int row = 0;
    for (A activity : redacted) {
      Objects.requireNonNull(activity, "activity");
      for (Violation violation : mapping.violations(activity)) {
        problems.add(violation.under("[" + row + "]"));
      }
      row++;
    }
    if (!problems.isEmpty()) {
      throw new CrmValidationException(mapping.entity(), problems);
    }
    if (redacted.isEmpty()) {
      return 0;
    }
    List<String> extra = mapping.extraColumns();
    StringBuilder sql = new StringBuilder("UPDATE ").append(mapping.table(tables))
        .append(" SET occurred_at = ?, occurred_nanos = ?");
    extra.forEach(column -> sql.append(", ").append(column).append(" = ?"));
    sql.append(" WHERE id = ? AND customer_id = ?");
    return connections.write("redact " + redacted.size() + " "
        + mapping.entity().toLowerCase(java.util.Locale.ROOT) + "s", connection -> {
          try (PreparedStatement update = connection.prepareStatement(sql.toString())) {
            for (A activity : redacted) {
              Values.setInstant(update, 1, activity.occurredAt());
              mapping.bindExtra(update, 3, activity);
              update.setObject(3 + extra.size(), activity.id().value());
              update.setObject(4 + extra.size(), activity.customerId().value());
              update.addBatch();
            }
            int changed = 0;
            for (int count : update.executeBatch()) {
              changed += Math.max(count, 0);
            }
            return changed;
          }
        });
  }

  /**
   * The activities not stored yet.
   *
   * @throws DuplicateKeyException if one is stored with different content
   */
  private List<A> unrecorded(Connection connection, Collection<A> activities) throws SQLException {
    Map<UUID, A> stored = storedAmong(connection, activities.stream().map(a -> a.id().value()).toList());
    List<A> fresh = new ArrayList<>();
    for (A activity : activities) {
      A known = stored.get(activity.id().value());
      if (known == null) {
        fresh.add(activity);
      } else if (!known.equals(activity)) {
        throw new DuplicateKeyException(activity.id().toString(),
            mapping.entity() + " " + activity.id() + " was already recorded with different content");
      }
    }
    return fresh;
  }

  @Override
  public List<A> forCustomer(CustomerId customerId, TimeRange range) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(range, "range");
    if (!overlapsStorable(range)) {
      return List.of();
    }
    SqlBuilder sql = new SqlBuilder().append("SELECT * FROM ").append(mapping.table(tables))
        .append(" WHERE customer_id = ").param(Values.uuid(customerId.value()));
    timeCondition(sql, range);
    sql.append(" ORDER BY occurred_at, occurred_nanos, id");
    return connections.read("read " + mapping.entity().toLowerCase(java.util.Locale.ROOT) + "s of customer "
        + customerId, connection -> list(connection, sql));
  }

  /**
   * Streams in (time, id) order one keyset page at a time, each on a connection held only for that
   * page: constant memory, nothing held open between pages.
   */
  @Override
  public Stream<A> stream(TimeRange range) {
    Objects.requireNonNull(range, "range");
    if (!overlapsStorable(range)) {
      return Stream.empty();
    }
    return KeysetPages.stream(STREAM_PAGE, last -> {
      SqlBuilder sql = streamPageSql(range, last);
      return connections.read("stream " + mapping.entity().toLowerCase(java.util.Locale.ROOT) + "s",
          connection -> list(connection, sql));
    });
  }

  /** One keyset page of {@link #stream}: the activities in {@code range} after {@code last}. */
  SqlBuilder streamPageSql(TimeRange range, A last) {
    SqlBuilder sql = new SqlBuilder().append("SELECT * FROM ").append(mapping.table(tables)).append(" WHERE 1 = 1");
    timeCondition(sql, range);
    if (last != null) {
      InstantConditions.after(sql.append(" AND "), "occurred_at", "occurred_nanos", "id", last.occurredAt(),
          last.id().value());
    }
    return sql.append(" ORDER BY occurred_at, occurred_nanos, id LIMIT ").param(Values.integer(STREAM_PAGE));
  }

  private static boolean overlapsStorable(TimeRange range) {
    return !range.from().isAfter(Values.MAX_INSTANT) && range.to().isAfter(Values.MIN_INSTANT);
  }

  /** Appends {@code AND from <= occurred < to}, leaving out bounds beyond the storable instants. */
  private static void timeCondition(SqlBuilder sql, TimeRange range) {
    if (!range.from().isBefore(Values.MIN_INSTANT)) {
      InstantConditions.atOrAfter(sql.append(" AND "), "occurred_at", "occurred_nanos", range.from());
    }
    if (!range.to().isAfter(Values.MAX_INSTANT)) {
      InstantConditions.before(sql.append(" AND "), "occurred_at", "occurred_nanos", range.to());
    }
  }


  private Map<UUID, A> storedAmong(Connection connection, Collection<UUID> ids) throws SQLException {
    Map<UUID, A> found = new HashMap<>();
    List<UUID> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += ReferenceLookup.CHUNK) {
      List<UUID> chunk = all.subList(from, Math.min(all.size(), from + ReferenceLookup.CHUNK));
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT * FROM " + mapping.table(tables) + " WHERE id = ANY(?)")) {
        Array array = connection.createArrayOf("UUID", chunk.toArray());
        select.setArray(1, array);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            A activity = mapping.read(rs);
            found.put(activity.id().value(), activity);
          }
        } finally {
          array.free();
        }
      }
    }
    return found;
  }

  private void insert(Connection connection, List<A> fresh) throws SQLException {
    if (fresh.isEmpty()) {
      return;
    }
    List<String> extra = mapping.extraColumns();
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(mapping.table(tables))
        .append(" (id, customer_id, occurred_at, occurred_nanos");
    extra.forEach(column -> sql.append(", ").append(column));
    sql.append(") VALUES (?, ?, ?, ?").append(", ?".repeat(extra.size())).append(")");
    try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
      CustomerRows.Batch batch = new CustomerRows.Batch(insert);
      for (A activity : fresh) {
        insert.setObject(1, activity.id().value());
        insert.setObject(2, activity.customerId().value());
        Values.setInstant(insert, 3, activity.occurredAt());
        mapping.bindExtra(insert, 5, activity);
        batch.add();
      }
      batch.finish();
    }
  }

  private List<A> list(Connection connection, SqlBuilder sql) throws SQLException {
    try (PreparedStatement select = sql.prepare(connection); ResultSet rs = select.executeQuery()) {
      List<A> out = new ArrayList<>();
      while (rs.next()) {
        out.add(mapping.read(rs));
      }
      return out;
    }
  }
}
