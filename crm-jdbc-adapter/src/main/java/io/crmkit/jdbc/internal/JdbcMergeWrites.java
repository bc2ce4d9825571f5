package io.crmkit.jdbc.internal;

import io.crmkit.core.common.ConcurrentUpdateException;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.dedup.merge.MergeWrites;
import io.crmkit.core.dedup.merge.MovedActivity;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * {@link MergeWrites} on the store's own tables: removing deletes the customer's side-table rows
 * and row after locking it at the expected version ({@code SELECT ... FOR UPDATE}); restoring
 * inserts through {@link Customers#save} and then sets the version; moving activities rewrites
 * their {@code customer_id}, which is all that ties an activity row to its customer.
 */
final class JdbcMergeWrites implements MergeWrites {
  private final Connections connections;
  private final Tables tables;
  private final Dialect dialect;
  private final Customers customers;

  JdbcMergeWrites(Connections connections, Tables tables, Dialect dialect, Customers customers) {
    this.connections = connections;
    this.tables = tables;
    this.dialect = dialect;
    this.customers = customers;
  }

  @Override
  public void remove(Customer expected) {
    Objects.requireNonNull(expected, "expected");
    connections.write("remove customer " + expected.id(), connection -> {
      Long found = lockedVersion(connection, expected.id());
      if (found == null || found != expected.version()) {
        throw new ConcurrentUpdateException("Customer", expected.id().toString(), expected.version(),
            found == null ? "but it does not exist" : "found " + found);
      }
      CustomerRows.deleteSideRows(connection, tables, dialect, List.of(expected.id()));
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + tables.customer() + " WHERE id = ?")) {
        delete.setObject(1, expected.id().value());
        delete.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Customer restore(Customer snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    return connections.write("restore customer " + snapshot.id(), connection -> {
      Customer inserted = customers.save(snapshot.withVersion(0));
      Customer stored = inserted.withVersion(snapshot.version() + 1);
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE " + tables.customer() + " SET version = ? WHERE id = ?")) {
        update.setLong(1, stored.version());
        update.setObject(2, stored.id().value());
        update.executeUpdate();
      }
      return stored;
    });
  }

  @Override
  public List<MovedActivity> moveActivities(CustomerId from, CustomerId to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return connections.write("move the activities of customer " + from + " to " + to, connection -> {
      List<MovedActivity> moved = new ArrayList<>();
      moved.addAll(moveAll(connection, tables.purchase(), MovedActivity.Kind.PURCHASE, from, to));
      moved.addAll(moveAll(connection, tables.interaction(), MovedActivity.Kind.INTERACTION, from, to));
      return List.copyOf(moved);
    });
  }

  private static List<MovedActivity> moveAll(Connection connection, String table, MovedActivity.Kind kind,
      CustomerId from, CustomerId to) throws SQLException {
    List<MovedActivity> moved = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT id FROM " + table
        + " WHERE customer_id = ? ORDER BY occurred_at, occurred_nanos, id FOR UPDATE")) {
      select.setObject(1, from.value());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          moved.add(new MovedActivity(kind, io.crmkit.core.activity.ActivityId.of(rs.getObject(1, UUID.class))));
        }
      }
    }
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE " + table + " SET customer_id = ? WHERE customer_id = ?")) {
      update.setObject(1, to.value());
      update.setObject(2, from.value());
      update.executeUpdate();
    }
    return moved;
  }

  @Override
  public int moveActivities(Collection<MovedActivity> activities, CustomerId from, CustomerId to) {
    Objects.requireNonNull(activities, "activities");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    List<UUID> purchases = ids(activities, MovedActivity.Kind.PURCHASE);
    List<UUID> interactions = ids(activities, MovedActivity.Kind.INTERACTION);
    return connections.write("move " + activities.size() + " activities of customer " + from + " to " + to,
        connection -> moveListed(connection, tables.purchase(), purchases, from, to)
            + moveListed(connection, tables.interaction(), interactions, from, to));
  }

  private static int moveListed(Connection connection, String table, List<UUID> ids, CustomerId from, CustomerId to)
      throws SQLException {
    int moved = 0;
    for (int start = 0; start < ids.size(); start += ReferenceLookup.CHUNK) {
      List<UUID> chunk = ids.subList(start, Math.min(ids.size(), start + ReferenceLookup.CHUNK));
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE " + table + " SET customer_id = ? WHERE customer_id = ? AND id = ANY(?)")) {
        Array array = connection.createArrayOf("UUID", chunk.toArray());
        try {
          update.setObject(1, to.value());
          update.setObject(2, from.value());
          update.setArray(3, array);
          moved += update.executeUpdate();
        } finally {
          array.free();
        }
      }
    }
    return moved;
  }

  private static List<UUID> ids(Collection<MovedActivity> activities, MovedActivity.Kind kind) {
    return activities.stream().filter(a -> a.kind() == kind).map(a -> a.id().value()).distinct().toList();
  }

  private Long lockedVersion(Connection connection, CustomerId id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT version FROM " + tables.customer() + " WHERE id = ? FOR UPDATE")) {
      select.setObject(1, id.value());
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }
}
