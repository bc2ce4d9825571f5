package io.crmkit.jdbc.internal;

import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.MetricValue;
import io.crmkit.core.metric.CustomerMetric;
import io.crmkit.core.metric.CustomerMetrics;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
 * {@link CustomerMetrics} over the {@code customer_metric} table, primary key {@code (customer_id,
 * metric_name)}, a number in {@code number_value} or a text in {@code text_value}. Recording is an
 * upsert ({@link Dialect#upsertSql}) in JDBC batches of {@value CustomerRows#BATCH}, all in one
 * transaction, reading the metrics as it goes, so a million metrics never sit in memory at once;
 * a metric whose time the database cannot store stops the write before its batch is sent, and the
 * transaction rolls back. Bulk reads go {@value ReferenceLookup#CHUNK} ids per query through
 * {@link Dialect#fromCustomers}.
 */
final class JdbcCustomerMetrics implements CustomerMetrics {
  private static final List<String> COLUMNS =
      List.of("customer_id", "metric_name", "number_value", "text_value", "computed_at", "computed_nanos");
  private static final List<String> KEY = List.of("customer_id", "metric_name");

  private final Connections connections;
  private final Tables tables;
  private final Dialect dialect;

  JdbcCustomerMetrics(Connections connections, Tables tables, Dialect dialect) {
    this.connections = connections;
    this.tables = tables;
    this.dialect = dialect;
  }

  @Override
  public void record(CustomerMetric metric) {
    recordAll(List.of(Objects.requireNonNull(metric, "metric")));
  }

  @Override
  public void recordAll(Iterable<CustomerMetric> metrics) {
    Objects.requireNonNull(metrics, "metrics");
    connections.write("record customer metrics", connection -> {
      try (PreparedStatement upsert = connection.prepareStatement(
          dialect.upsertSql(tables.customerMetric(), COLUMNS, KEY))) {
        CustomerRows.Batch batch = new CustomerRows.Batch(upsert);
        int index = 0;
        for (CustomerMetric metric : metrics) {
          Objects.requireNonNull(metric, "metric");
          List<io.crmkit.core.common.Violation> problems = StorageGuard.violations(metric);
          if (!problems.isEmpty()) {
            int at = index;
            throw new CrmValidationException("CustomerMetric",
                problems.stream().map(v -> v.under("[" + at + "]")).toList());
          }
          upsert.setObject(1, metric.customerId().value());
          upsert.setString(2, metric.name());
          if (metric.value() instanceof MetricValue.Number number) {
            upsert.setDouble(3, number.value());
            upsert.setNull(4, Types.VARCHAR);
          } else {
            upsert.setNull(3, Types.DOUBLE);
            upsert.setString(4, ((MetricValue.Text) metric.value()).value());
          }
          Values.setInstant(upsert, 5, metric.computedAt());
          batch.add();
          index++;
        }
        batch.finish();
      }
      return null;
    });
  }

  @Override
  public Optional<CustomerMetric> find(CustomerId customerId, String name) {
    Objects.requireNonNull(customerId, "customerId");
    MetricValue.checkName(name);
    SqlBuilder sql = new SqlBuilder().append("SELECT * FROM ").append(tables.customerMetric())
        .append(" WHERE customer_id = ").param(Values.uuid(customerId.value()))
        .append(" AND metric_name = ").param(Values.text(name));
    return connections.read("read metric " + name + " of customer " + customerId, connection -> {
      try (PreparedStatement select = sql.prepare(connection)) {
        List<CustomerMetric> found = list(select);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
      }
    });
  }

  @Override
  public Map<String, CustomerMetric> allOf(CustomerId customerId) {
    Objects.requireNonNull(customerId, "customerId");
    SqlBuilder sql = new SqlBuilder().append("SELECT * FROM ").append(tables.customerMetric())
        .append(" WHERE customer_id = ").param(Values.uuid(customerId.value()));
    return connections.read("read the metrics of customer " + customerId, connection -> {
      try (PreparedStatement select = sql.prepare(connection)) {
        Map<String, CustomerMetric> found = new HashMap<>();
        list(select).forEach(metric -> found.put(metric.name(), metric));
        return found;
      }
    });
  }

  @Override
  public Map<CustomerId, CustomerMetric> find(Collection<CustomerId> customerIds, String name) {
    Objects.requireNonNull(customerIds, "customerIds");
    MetricValue.checkName(name);
    Set<UUID> distinct = new LinkedHashSet<>();
    for (CustomerId id : customerIds) {
      distinct.add(Objects.requireNonNull(id, "customerId").value());
    }
    if (distinct.isEmpty()) {
      return Map.of();
    }
    return connections.read("read metric " + name + " of " + distinct.size() + " customers", connection -> {
      Map<CustomerId, CustomerMetric> found = new HashMap<>();
      List<UUID> all = List.copyOf(distinct);
      for (int from = 0; from < all.size(); from += ReferenceLookup.CHUNK) {
        List<UUID> chunk = all.subList(from, Math.min(all.size(), from + ReferenceLookup.CHUNK));
        Array array = connection.createArrayOf("UUID", chunk.toArray());
        try {
          SqlBuilder sql = new SqlBuilder().append("SELECT m.*");
          dialect.fromCustomers(sql, tables.customerMetric(), "m", (statement, index) -> statement.setArray(index, array));
          sql.append(" AND m.metric_name = ").param(Values.text(name));
          try (PreparedStatement select = sql.prepare(connection)) {
            list(select).forEach(metric -> found.put(metric.customerId(), metric));
          }
        } finally {
          array.free();
        }
      }
      return found;
    });
  }

  @Override
  public boolean remove(CustomerId customerId, String name) {
    Objects.requireNonNull(customerId, "customerId");
    MetricValue.checkName(name);
    return connections.write("remove metric " + name + " of customer " + customerId, connection -> {
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + tables.customerMetric()
          + " WHERE customer_id = ? AND metric_name = ?")) {
        delete.setObject(1, customerId.value());
        delete.setString(2, name);
        return delete.executeUpdate() > 0;
      }
    });
  }

  @Override
  public long removeAll(String name) {
    MetricValue.checkName(name);
    return connections.write("remove metric " + name, connection -> {
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + tables.customerMetric()
          + " WHERE metric_name = ?")) {
        delete.setString(1, name);
        return (long) delete.executeUpdate();
      }
    });
  }

  private static List<CustomerMetric> list(PreparedStatement select) throws SQLException {
    try (ResultSet rs = select.executeQuery()) {
      List<CustomerMetric> out = new ArrayList<>();
      while (rs.next()) {
        String text = rs.getString("text_value");
        MetricValue value = text != null ? MetricValue.text(text) : MetricValue.number(rs.getDouble("number_value"));
        out.add(new CustomerMetric(CustomerId.of(Values.uuid(rs, "customer_id")), rs.getString("metric_name"), value,
            Values.instant(rs, "computed_at", "computed_nanos")));
      }
      return out;
    }
  }
}
