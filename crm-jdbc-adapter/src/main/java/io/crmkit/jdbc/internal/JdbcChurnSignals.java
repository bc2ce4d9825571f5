package io.crmkit.jdbc.internal;

import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.lifecycle.ChurnSignal;
import io.crmkit.core.lifecycle.ChurnSignals;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@link ChurnSignals} over the {@code churn_signal} table, primary key {@code (customer_id,
 * measured_at, measured_nanos)}. Recording is an upsert ({@link Dialect#upsertSql}: {@code MERGE}
 * on H2, {@code ON CONFLICT DO UPDATE} on PostgreSQL) in JDBC batches, all in one transaction;
 * probabilities are {@code double precision}, so they come back bit for bit. Lookups "measured
 * before" compare the instant to the nanosecond and use the primary key.
 */
final class JdbcChurnSignals implements ChurnSignals {
  private static final List<String> COLUMNS =
      List.of("customer_id", "measured_at", "measured_nanos", "probability_alive", "source");
  private static final List<String> KEY = List.of("customer_id", "measured_at", "measured_nanos");

  private final Connections connections;
  private final Tables tables;
  private final Dialect dialect;

  JdbcChurnSignals(Connections connections, Tables tables, Dialect dialect) {
    this.connections = connections;
    this.tables = tables;
    this.dialect = dialect;
  }

  @Override
  public void record(ChurnSignal signal) {
    recordAll(List.of(Objects.requireNonNull(signal, "signal")));
  }

  @Override
  public void recordAll(Collection<ChurnSignal> signals) {
    List<ChurnSignal> all = List.copyOf(Objects.requireNonNull(signals, "signals"));
    List<Violation> problems = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      for (Violation violation : StorageGuard.violations(all.get(i))) {
        problems.add(violation.under("[" + i + "]"));
      }
    }
    if (!problems.isEmpty()) {
      throw new CrmValidationException("ChurnSignal", problems);
    }
    if (all.isEmpty()) {
      return;
    }
    connections.write("record " + all.size() + " churn signal(s)", connection -> {
      try (PreparedStatement upsert = connection.prepareStatement(
          dialect.upsertSql(tables.churnSignal(), COLUMNS, KEY))) {
        CustomerRows.Batch batch = new CustomerRows.Batch(upsert);
        for (ChurnSignal signal : all) {
          upsert.setObject(1, signal.customerId().value());
          Values.setInstant(upsert, 2, signal.measuredAt());
          upsert.setDouble(4, signal.probabilityAlive());
          upsert.setString(5, signal.source());
          batch.add();
        }
        batch.finish();
      }
      return null;
    });
  }

  @Override
  public Optional<ChurnSignal> latest(CustomerId customerId, Instant asOf) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(asOf, "asOf");
    if (!asOf.isAfter(Values.MIN_INSTANT)) {
      return Optional.empty();
    }
    SqlBuilder sql = latestSql(customerId, asOf);
    return connections.read("read the latest churn signal of customer " + customerId, connection -> {
      try (PreparedStatement select = sql.prepare(connection)) {
        List<ChurnSignal> found = list(select);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
      }
    });
  }

  /**
   * One query per chunk of {@value ReferenceLookup#CHUNK} customers: the newest row before
   * {@code asOf} of each, by {@code ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY
   * measured_at DESC, measured_nanos DESC)}.
   */
  @Override
  public Map<CustomerId, ChurnSignal> latest(Collection<CustomerId> customerIds, Instant asOf) {
    Objects.requireNonNull(customerIds, "customerIds");
    Objects.requireNonNull(asOf, "asOf");
    Set<CustomerId> distinct = new LinkedHashSet<>();
    for (CustomerId id : customerIds) {
      distinct.add(Objects.requireNonNull(id, "customerId"));
    }
    if (distinct.isEmpty() || !asOf.isAfter(Values.MIN_INSTANT)) {
      return Map.of();
    }
    return connections.read("read the latest churn signals of " + distinct.size() + " customers", connection -> {
      Map<CustomerId, ChurnSignal> found = new HashMap<>();
      List<UUID> all = distinct.stream().map(CustomerId::value).toList();
      for (int from = 0; from < all.size(); from += ReferenceLookup.CHUNK) {
        List<UUID> chunk = all.subList(from, Math.min(all.size(), from + ReferenceLookup.CHUNK));
        Array array = connection.createArrayOf("UUID", chunk.toArray());
        try (PreparedStatement select = bulkLatestSql(array, asOf).prepare(connection)) {
          for (ChurnSignal signal : list(select)) {
            found.put(signal.customerId(), signal);
          }
        } finally {
          array.free();
        }
      }
      return found;
    });
  }

  /** The query of {@link #latest(CustomerId, Instant)}, for EXPLAIN tests. */
  SqlBuilder latestSql(CustomerId customerId, Instant asOf) {
    SqlBuilder sql = new SqlBuilder().append("SELECT * FROM ").append(tables.churnSignal())
        .append(" WHERE customer_id = ").param(Values.uuid(customerId.value()));
    measuredBefore(sql, asOf);
    return sql.append(" ORDER BY measured_at DESC, measured_nanos DESC LIMIT 1");
  }

  /** The query of {@link #latest(Collection, Instant)} for one chunk, bound to {@code ids}. */
  SqlBuilder bulkLatestSql(Array ids, Instant asOf) {
    SqlBuilder sql = new SqlBuilder().append("SELECT * FROM (SELECT s.*, ROW_NUMBER() OVER (PARTITION BY customer_id")
        .append(" ORDER BY measured_at DESC, measured_nanos DESC) AS newest FROM ").append(tables.churnSignal())
        .append(" s WHERE customer_id = ANY(").param((statement, index) -> statement.setArray(index, ids)).append(")");
    measuredBefore(sql, asOf);
    return sql.append(") latest WHERE newest = 1");
  }

  /** Appends {@code AND measured before asOf}, or nothing if every storable instant is before it. */
  private static void measuredBefore(SqlBuilder sql, Instant asOf) {
    if (!asOf.isAfter(Values.MAX_INSTANT)) {
      InstantConditions.before(sql.append(" AND "), "measured_at", "measured_nanos", asOf);
    }
  }

  private static List<ChurnSignal> list(PreparedStatement select) throws SQLException {
    try (ResultSet rs = select.executeQuery()) {
      List<ChurnSignal> out = new ArrayList<>();
      while (rs.next()) {
        out.add(new ChurnSignal(CustomerId.of(Values.uuid(rs, "customer_id")), rs.getDouble("probability_alive"),
            Values.instant(rs, "measured_at", "measured_nanos"), rs.getString("source")));
      }
      return out;
    }
  }

  @Override
  public List<ChurnSignal> all() {
    return connections.read("read every churn signal", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + tables.churnSignal())) {
        return list(select);
      }
    });
  }
}
