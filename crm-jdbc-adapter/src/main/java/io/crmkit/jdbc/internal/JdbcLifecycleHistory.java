package io.crmkit.jdbc.internal;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.Require;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.lifecycle.LifecycleHistory;
import io.crmkit.core.lifecycle.HistoryEntry;
import io.crmkit.core.lifecycle.Trigger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Savepoint;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@link LifecycleHistory} over the {@code lifecycle_history} table, primary key {@code
 * (customer_id, origin_customer_id, customer_version)} (lifecycle migration V2). Appending inserts
 * unless the key exists ({@link Dialect#insertIfAbsent}, which leaves the caller's transaction
 * usable), then compares the stored row: identical is a no-op, different a {@link
 * DuplicateKeyException}. Instants round-trip to the nanosecond. Own entries are the rows whose
 * origin is their customer: {@code latest} reads only those, through the primary key. Moving
 * history is an {@code UPDATE ... SET customer_id}. Streams read keyset pages in (customer id,
 * origin, version) order, each on a connection held only for that page.
 */
final class JdbcLifecycleHistory implements LifecycleHistory {
  /** Rows per keyset page when streaming. */
  static final int STREAM_PAGE = 1000;
  private static final List<String> COLUMNS = List.of("customer_id", "customer_version", "from_stage", "to_stage",
      "trigger_name", "moved_at", "moved_nanos", "actor", "reason", "origin_customer_id");
  private static final List<String> KEY = List.of("customer_id", "origin_customer_id", "customer_version");

  private final Connections connections;
  private final Tables tables;
  private final Dialect dialect;

  JdbcLifecycleHistory(Connections connections, Tables tables, Dialect dialect) {
    this.connections = connections;
    this.tables = tables;
    this.dialect = dialect;
  }

  @Override
  public void append(HistoryEntry entry) {
    Objects.requireNonNull(entry, "entry");
    check(entry);
    connections.write("append lifecycle history entry " + key(entry), connection -> {
      appendOn(connection, entry);
      return null;
    });
  }

  /**
   * One batch of plain inserts from a savepoint; if any fails (an entry already there, identical or
   * not), back to the savepoint and entry by entry as {@link #append}, which tells the two apart.
   */
  @Override
  public void appendAll(List<HistoryEntry> entries) {
    Objects.requireNonNull(entries, "entries");
    entries.forEach(entry -> check(Objects.requireNonNull(entry, "entry")));
    if (entries.isEmpty()) {
      return;
    }
    connections.write("append " + entries.size() + " lifecycle history entries", connection -> {
      Savepoint start = connection.setSavepoint();
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.lifecycleHistory() + " ("
          + String.join(", ", COLUMNS) + ") VALUES (" + Dialect.placeholders(COLUMNS.size()) + ")")) {
        CustomerRows.Batch batch = new CustomerRows.Batch(insert);
        for (HistoryEntry entry : entries) {
          Dialect.bindAll(insert, values(entry));
          batch.add();
        }
        batch.finish();
        return null;
      } catch (SQLException e) {
        connection.rollback(start);
      }
      for (HistoryEntry entry : entries) {
        appendOn(connection, entry);
      }
      return null;
    });
  }

  private static void check(HistoryEntry entry) {
    List<Violation> problems = StorageGuard.violations(entry);
    if (!problems.isEmpty()) {
      throw new CrmValidationException("HistoryEntry", problems);
    }
  }

  private static String key(HistoryEntry entry) {
    return entry.customerId() + "@" + entry.customerVersion();
  }

  private static List<Binder> values(HistoryEntry entry) {
    return List.of(Values.uuid(entry.customerId().value()), Values.integer(entry.customerVersion()),
        Values.text(entry.from().name()), Values.text(entry.to().name()), Values.text(entry.trigger().name()),
        Values.timestamp(entry.at()), Values.nanos(entry.at()), Values.text(entry.actor()),
        Values.text(entry.reason().orElse(null)), Values.uuid(entry.origin().value()));
  }

  /** Inserts unless the key exists; then identical is a no-op and different a {@link DuplicateKeyException}. */
  private void appendOn(Connection connection, HistoryEntry entry) throws SQLException {
    if (dialect.insertIfAbsent(connection, tables.lifecycleHistory(), COLUMNS, KEY, values(entry))) {
      return;
    }
    Optional<HistoryEntry> known = stored(connection, entry);
    if (known.isEmpty() || !known.get().equals(entry)) {
      throw new DuplicateKeyException(key(entry), "Lifecycle history of customer " + entry.customerId()
          + " already has a different entry for version " + entry.customerVersion()
          + known.map(k -> ": " + k).orElse(" (written concurrently)"));
    }
  }

  @Override
  public List<HistoryEntry> forCustomer(CustomerId customerId) {
    Objects.requireNonNull(customerId, "customerId");
    return connections.read("read lifecycle history of customer " + customerId, connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + tables.lifecycleHistory()
          + " WHERE customer_id = ? ORDER BY moved_at, moved_nanos, origin_customer_id, customer_version")) {
        select.setObject(1, customerId.value());
        return list(select);
      }
    });
  }

  @Override
  public Optional<HistoryEntry> latest(CustomerId customerId) {
    Objects.requireNonNull(customerId, "customerId");
    return connections.read("read the latest lifecycle history entry of customer " + customerId, connection -> {
      try (PreparedStatement select = connection.prepareStatement(latestSql())) {
        select.setObject(1, customerId.value());
        select.setObject(2, customerId.value());
        List<HistoryEntry> found = list(select);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
      }
    });
  }

  /**
   * One query per chunk of {@value ReferenceLookup#CHUNK} customers: the newest own row of each by
   * {@code ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY customer_version DESC)}.
   */
  @Override
  public Map<CustomerId, HistoryEntry> latest(Collection<CustomerId> customerIds) {
    Objects.requireNonNull(customerIds, "customerIds");
    Set<CustomerId> distinct = new LinkedHashSet<>();
    for (CustomerId id : customerIds) {
      distinct.add(Objects.requireNonNull(id, "customerId"));
    }
    if (distinct.isEmpty()) {
      return Map.of();
    }
    return connections.read("read the latest lifecycle history entries of " + distinct.size() + " customers",
        connection -> {
          Map<CustomerId, HistoryEntry> found = new HashMap<>();
          List<UUID> all = distinct.stream().map(CustomerId::value).toList();
          for (int from = 0; from < all.size(); from += ReferenceLookup.CHUNK) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + ReferenceLookup.CHUNK));
            try (PreparedStatement select = connection.prepareStatement(bulkLatestSql())) {
              Array array = connection.createArrayOf("UUID", chunk.toArray());
              select.setArray(1, array);
              try {
                for (HistoryEntry entry : list(select)) {
                  found.put(entry.customerId(), entry);
                }
              } finally {
                array.free();
              }
            }
          }
          return found;
        });
  }

  @Override
  public Stream<HistoryEntry> stream(TimeRange range) {
    Objects.requireNonNull(range, "range");
    if (range.from().isAfter(Values.MAX_INSTANT) || !range.to().isAfter(Values.MIN_INSTANT)) {
      return Stream.empty();
    }
    return KeysetPages.stream(STREAM_PAGE, last -> {
      SqlBuilder sql = streamPageSql(range, last);
      return connections.read("stream lifecycle history", connection -> {
        try (PreparedStatement select = sql.prepare(connection)) {
          return list(select);
        }
      });
    });
  }

  /**
   * The SQL of {@link #latest(CustomerId)}, for EXPLAIN tests: the customer's id twice, as customer
   * and as origin, so that both key columns are index conditions.
   */
  String latestSql() {
    return "SELECT * FROM " + tables.lifecycleHistory() + " WHERE customer_id = ? AND origin_customer_id = ?"
        + " ORDER BY customer_version DESC LIMIT 1";
  }

  /** The SQL of {@link #latest(Collection)}, one array parameter, for EXPLAIN tests. */
  String bulkLatestSql() {
    return "SELECT * FROM (SELECT h.*, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY customer_version DESC)"
        + " AS newest FROM " + tables.lifecycleHistory() + " h WHERE customer_id = ANY(?)"
        + " AND origin_customer_id = customer_id) latest WHERE newest = 1";
  }

  /** One keyset page of {@link #stream}: the entries in {@code range} after {@code last}. */
  SqlBuilder streamPageSql(TimeRange range, HistoryEntry last) {
    SqlBuilder sql = new SqlBuilder().append("SELECT * FROM ").append(tables.lifecycleHistory()).append(" WHERE 1 = 1");
    if (!range.from().isBefore(Values.MIN_INSTANT)) {
      InstantConditions.atOrAfter(sql.append(" AND "), "moved_at", "moved_nanos", range.from());
    }
    if (!range.to().isAfter(Values.MAX_INSTANT)) {
      InstantConditions.before(sql.append(" AND "), "moved_at", "moved_nanos", range.to());
    }
    if (last != null) {
      UUID id = last.customerId().value();
      UUID origin = last.origin().value();
      // customer_id >= ?, implied by the rest, gives H2 an index range (it derives none from an OR)
      sql.append(" AND customer_id >= ").param(Values.uuid(id)).append(" AND (customer_id > ").param(Values.uuid(id))
          .append(" OR (customer_id = ").param(Values.uuid(id))
          .append(" AND (origin_customer_id > ").param(Values.uuid(origin))
          .append(" OR (origin_customer_id = ").param(Values.uuid(origin))
          .append(" AND customer_version > ").param(Values.integer(last.customerVersion())).append("))))");
    }
    return sql.append(" ORDER BY customer_id, origin_customer_id, customer_version LIMIT ")
        .param(Values.integer(STREAM_PAGE));
  }

  @Override
  public int redactReasons(CustomerId customerId) {
    Objects.requireNonNull(customerId, "customerId");
    return connections.write("drop the lifecycle history reasons of customer " + customerId, connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE " + tables.lifecycleHistory()
          + " SET reason = NULL WHERE (customer_id = ? OR origin_customer_id = ?) AND reason IS NOT NULL")) {
        update.setObject(1, customerId.value());
        update.setObject(2, customerId.value());
        return update.executeUpdate();
      }
    });
  }

  @Override
  public List<HistoryEntry> move(CustomerId from, CustomerId to) {
    checkIds(from, to);
    return move(Map.of(from, to)).get(from);
  }

  /** One statement lists and locks each customer's entries, another moves them, customer by customer. */
  @Override
  public Map<CustomerId, List<HistoryEntry>> move(Map<CustomerId, CustomerId> moves) {
    moves.forEach(JdbcLifecycleHistory::checkIds);
    Require.disjointMoves(moves);
    if (moves.isEmpty()) {
      return Map.of();
    }
    return connections.write("move the lifecycle history of " + Subjects.moves(moves), connection -> {
      Map<CustomerId, List<HistoryEntry>> moved = new LinkedHashMap<>();
      try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + tables.lifecycleHistory()
          + " WHERE customer_id = ? ORDER BY moved_at, moved_nanos, origin_customer_id, customer_version FOR UPDATE");
          PreparedStatement update = connection.prepareStatement(
              "UPDATE " + tables.lifecycleHistory() + " SET customer_id = ? WHERE customer_id = ?")) {
        for (Map.Entry<CustomerId, CustomerId> move : moves.entrySet()) {
          select.setObject(1, move.getKey().value());
          List<HistoryEntry> moving = list(select);
          moved.put(move.getKey(), List.copyOf(moving));
          if (moving.isEmpty()) {
            continue;
          }
          update.setObject(1, move.getValue().value());
          update.setObject(2, move.getKey().value());
          try {
            update.executeUpdate();
          } catch (SQLException e) {
            throw clashOr(e, move.getKey(), move.getValue());
          }
        }
      }
      return moved;
    });
  }

  @Override
  public int move(Collection<HistoryEntry> entries, CustomerId from, CustomerId to) {
    Objects.requireNonNull(entries, "entries");
    checkIds(from, to);
    Set<List<Object>> keys = new LinkedHashSet<>();
    entries.forEach(e -> keys.add(List.of(Objects.requireNonNull(e, "entry").origin().value(), e.customerVersion())));
    if (keys.isEmpty()) {
      return 0;
    }
    return connections.write("move " + keys.size() + " lifecycle history entries of customer " + from + " to " + to,
        connection -> {
          int moved = 0;
          try (PreparedStatement update = connection.prepareStatement("UPDATE " + tables.lifecycleHistory()
              + " SET customer_id = ? WHERE customer_id = ? AND origin_customer_id = ? AND customer_version = ?")) {
            for (List<Object> key : keys) {
              update.setObject(1, to.value());
              update.setObject(2, from.value());
              update.setObject(3, key.get(0));
              update.setLong(4, (Long) key.get(1));
              moved += update.executeUpdate();
            }
          } catch (SQLException e) {
            throw clashOr(e, from, to);
          }
          return moved;
        });
  }

  /** A key clash as the port's {@link DuplicateKeyException}; any other failure as it is. */
  private static SQLException clashOr(SQLException e, CustomerId from, CustomerId to) {
    if (Dialect.isUniqueViolation(e)) {
      throw new DuplicateKeyException(to.toString(), "Lifecycle history of customer " + to
          + " already has an entry of the same origin and version as one moving from " + from);
    }
    return e;
  }

  private static void checkIds(CustomerId from, CustomerId to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Require.argument(!from.equals(to), "history moves between two customers, got %s twice", from);
  }

  private Optional<HistoryEntry> stored(Connection connection, HistoryEntry entry) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + tables.lifecycleHistory()
        + " WHERE customer_id = ? AND origin_customer_id = ? AND customer_version = ?")) {
      select.setObject(1, entry.customerId().value());
      select.setObject(2, entry.origin().value());
      select.setLong(3, entry.customerVersion());
      List<HistoryEntry> found = list(select);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  private static List<HistoryEntry> list(PreparedStatement select) throws SQLException {
    try (ResultSet rs = select.executeQuery()) {
      List<HistoryEntry> out = new ArrayList<>();
      while (rs.next()) {
        out.add(read(rs));
      }
      return out;
    }
  }

  private static HistoryEntry read(ResultSet rs) throws SQLException {
    Instant at = Values.instant(rs, "moved_at", "moved_nanos");
    return new HistoryEntry(CustomerId.of(Values.uuid(rs, "customer_id")), rs.getLong("customer_version"),
        LifecycleStage.of(rs.getString("from_stage")), LifecycleStage.of(rs.getString("to_stage")),
        Trigger.of(rs.getString("trigger_name")), at, rs.getString("actor"),
        Optional.ofNullable(rs.getString("reason")),
        CustomerId.of(Values.uuid(rs, "origin_customer_id")));
  }
}
