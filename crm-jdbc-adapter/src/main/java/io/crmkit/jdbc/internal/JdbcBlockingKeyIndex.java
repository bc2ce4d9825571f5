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
import java.util.LinkedHashMap;
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
 *
 * <p>With a field protection, a key is stored as {@code blind:} and its
 * blind index ({@link CustomerProtection#blockingKey}), and {@link #find} looks up the blind index
 * of each key asked for and answers with the keys as asked; {@link #keysOf} then returns the stored
 * forms, which {@link #replace} and {@link #find} take back as they are (a merge moves keys so).
 */
final class JdbcBlockingKeyIndex implements BlockingKeyIndex {
  private final Connections connections;
  private final Tables tables;
  private final CustomerProtection protection;

  JdbcBlockingKeyIndex(Connections connections, Tables tables, CustomerProtection protection) {
    this.connections = connections;
    this.tables = tables;
    this.protection = protection;
  }

  @Override
  public void replace(CustomerId customerId, Set<String> keys) {
    replaceAll(Map.of(Objects.requireNonNull(customerId, "customerId"), Objects.requireNonNull(keys, "keys")));
  }

  /** Checks every key first, then deletes each customer's rows and inserts its new ones, in batches. */
  @Override
  public void replaceAll(Map<CustomerId, Set<String>> keys) {
    Map<CustomerId, List<String>> checked = new LinkedHashMap<>();
    keys.forEach((customerId, given) -> {
      Objects.requireNonNull(customerId, "customerId");
      List<String> listed = List.copyOf(Objects.requireNonNull(given, "keys"));
      listed.forEach(BlockingKeyIndex::checkKey);
      listed.forEach(key -> StorageGuard.checkQueryText("blocking key", key));
      checked.put(customerId, listed.stream().map(protection::blockingKey).distinct().toList());
    });
    if (checked.isEmpty()) {
      return;
    }
    connections.write("replace the blocking keys of " + Subjects.customers(checked.keySet()), connection -> {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM " + tables.blockingKey() + " WHERE customer_id = ?");
          PreparedStatement insert = connection.prepareStatement(
              "INSERT INTO " + tables.blockingKey() + " (customer_id, block_key) VALUES (?, ?)")) {
        CustomerRows.Batch deletes = new CustomerRows.Batch(delete);
        for (CustomerId customerId : checked.keySet()) {
          delete.setObject(1, customerId.value());
          deletes.add();
        }
        deletes.finish();
        CustomerRows.Batch inserts = new CustomerRows.Batch(insert);
        for (Map.Entry<CustomerId, List<String>> customer : checked.entrySet()) {
          for (String key : customer.getValue()) {
            insert.setObject(1, customer.getKey().value());
            insert.setString(2, key);
            inserts.add();
          }
        }
        inserts.finish();
      }
      return null;
    });
  }

  @Override
  public Set<String> keysOf(CustomerId customerId) {
    Objects.requireNonNull(customerId, "customerId");
    return keysOf(List.of(customerId)).get(customerId);
  }

  /** One statement, run once per customer: an index lookup on both databases. */
  @Override
  public Map<CustomerId, Set<String>> keysOf(Collection<CustomerId> customerIds) {
    Map<CustomerId, Set<String>> keys = new LinkedHashMap<>();
    customerIds.forEach(id -> keys.put(Objects.requireNonNull(id, "customerId"), Set.of()));
    if (keys.isEmpty()) {
      return keys;
    }
    return connections.read("read the blocking keys of " + Subjects.customers(keys.keySet()), connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT block_key FROM " + tables.blockingKey() + " WHERE customer_id = ?")) {
        for (Map.Entry<CustomerId, Set<String>> customer : keys.entrySet()) {
          select.setObject(1, customer.getKey().value());
          Set<String> found = new HashSet<>();
          try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              found.add(rs.getString(1));
            }
          }
          customer.setValue(Set.copyOf(found));
        }
      }
      return keys;
    });
  }

  @Override
  public Map<CustomerId, Set<String>> find(Collection<String> keys) {
    Objects.requireNonNull(keys, "keys");
    List<String> asked = new ArrayList<>(new LinkedHashSet<>(keys));
    asked.forEach(key -> StorageGuard.checkQueryText("blocking key", Objects.requireNonNull(key, "key")));
    if (asked.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> askedByStored = new HashMap<>();
    for (String key : asked) {
      askedByStored.computeIfAbsent(protection.blockingKey(key), stored -> new ArrayList<>()).add(key);
    }
    List<String> distinct = new ArrayList<>(askedByStored.keySet());
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
                  .addAll(askedByStored.get(rs.getString("block_key")));
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
