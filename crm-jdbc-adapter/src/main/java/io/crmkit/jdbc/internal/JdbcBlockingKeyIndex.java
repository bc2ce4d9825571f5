package io.crmkit.jdbc.internal;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.dedup.BlockingKeyIndex;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link BlockingKeyIndex} over the {@code blocking_key} table, primary key {@code (customer_id,
 * block_key)} and an index on {@code (block_key, customer_id)}. Replacing deletes the customer's
 * rows and inserts the new ones in one transaction; finding joins the keys, bound as one array
 * per {@value ReferenceLookup#CHUNK} keys, with the index ({@code UNNEST}, which both H2 and
 * PostgreSQL answer with one index lookup per key).
 */
final class JdbcBlockingKeyIndex implements BlockingKeyIndex {
  private final Connections connections;
  private final Tables tables;

  JdbcBlockingKeyIndex(Connections connections, Tables tables) {
    this.connections = connections;
    this.tables = tables;
  }

  @Override
  public void replace(CustomerId customerId, Set<String> keys) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(keys, "keys");
    List<String> checked = List.copyOf(keys);
    checked.forEach(BlockingKeyIndex::checkKey);
    checked.forEach(key -> StorageGuard.checkQueryText("blocking key", key));
    connections.write("replace the blocking keys of customer " + customerId, connection -> {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM " + tables.blockingKey() + " WHERE customer_id = ?")) {
        delete.setObject(1, customerId.value());
        delete.executeUpdate();
      }
      if (!checked.isEmpty()) {
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO " + tables.blockingKey() + " (customer_id, block_key) VALUES (?, ?)")) {
          CustomerRows.Batch batch = new CustomerRows.Batch(insert);
          for (String key : checked) {
            insert.setObject(1, customerId.value());
            insert.setString(2, key);
            batch.add();
          }
          batch.finish();
        }
      }
      return null;
    });
  }

  @Override
  public Set<String> keysOf(CustomerId customerId) {
    Objects.requireNonNull(customerId, "customerId");
    return connections.read("read the blocking keys of customer " + customerId, connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT block_key FROM " + tables.blockingKey() + " WHERE customer_id = ?")) {
        select.setObject(1, customerId.value());
        Set<String> keys = new HashSet<>();
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            keys.add(rs.getString(1));
          }
        }
        return Set.copyOf(keys);
      }
    });
  }

  @Override
  public Map<CustomerId, Set<String>> find(Collection<String> keys) {
    Objects.requireNonNull(keys, "keys");
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
    distinct.forEach(key -> StorageGuard.checkQueryText("blocking key", Objects.requireNonNull(key, "key")));
    if (distinct.isEmpty()) {
      return Map.of();
    }
    return connections.read("find customers by " + distinct.size() + " blocking keys", connection -> {
      Map<CustomerId, Set<String>> found = new HashMap<>();
      for (int from = 0; from < distinct.size(); from += ReferenceLookup.CHUNK) {
        List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + ReferenceLookup.CHUNK));
        try (PreparedStatement select = connection.prepareStatement(findSql())) {
          Array array = connection.createArrayOf("VARCHAR", chunk.toArray());
          select.setArray(1, array);
          try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              found.computeIfAbsent(CustomerId.of(Values.uuid(rs, "customer_id")), id -> new HashSet<>())
                  .add(rs.getString("block_key"));
            }
          } finally {
            array.free();
          }
        }
      }
      found.replaceAll((id, matched) -> Set.copyOf(matched));
      return found;
    });
  }

  /** The SQL of {@link #find}, one array parameter, for EXPLAIN tests. */
  String findSql() {
    return "SELECT b.customer_id, b.block_key FROM UNNEST(?) AS k(v) JOIN " + tables.blockingKey()
        + " b ON b.block_key = k.v";
  }
}
