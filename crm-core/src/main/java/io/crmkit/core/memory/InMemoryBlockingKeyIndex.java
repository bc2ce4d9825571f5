package io.crmkit.core.memory;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.dedup.BlockingKeyIndex;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link BlockingKeyIndex} in memory: keys by customer and customers by key, changed together under
 * one lock and undone on rollback; reads never block.
 */
final class InMemoryBlockingKeyIndex implements BlockingKeyIndex {
  private final Map<CustomerId, Set<String>> byCustomer = new ConcurrentHashMap<>();
  private final Map<String, Set<CustomerId>> byKey = new ConcurrentHashMap<>();
  private final InMemoryTransactions transactions;

  InMemoryBlockingKeyIndex(InMemoryTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void replace(CustomerId customerId, Set<String> keys) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(keys, "keys");
    Set<String> checked = Set.copyOf(keys);
    checked.forEach(BlockingKeyIndex::checkKey);
    transactions.inTransaction(() -> {
      Set<String> previous = put(customerId, checked);
      transactions.onRollback(() -> put(customerId, previous));
      return null;
    });
  }

  /** Makes {@code keys} the customer's keys; returns the keys it had. */
  private synchronized Set<String> put(CustomerId customerId, Set<String> keys) {
    Set<String> previous = byCustomer.getOrDefault(customerId, Set.of());
    for (String key : previous) {
      byKey.computeIfPresent(key, (k, ids) -> {
        Set<CustomerId> rest = new HashSet<>(ids);
        rest.remove(customerId);
        return rest.isEmpty() ? null : Set.copyOf(rest);
      });
    }
    for (String key : keys) {
      byKey.merge(key, Set.of(customerId), (ids, added) -> {
        Set<CustomerId> all = new HashSet<>(ids);
        all.addAll(added);
        return Set.copyOf(all);
      });
    }
    if (keys.isEmpty()) {
      byCustomer.remove(customerId);
    } else {
      byCustomer.put(customerId, keys);
    }
    return previous;
  }

  @Override
  public Set<String> keysOf(CustomerId customerId) {
    return byCustomer.getOrDefault(Objects.requireNonNull(customerId, "customerId"), Set.of());
  }

  @Override
  public Map<CustomerId, Set<String>> find(Collection<String> keys) {
    Objects.requireNonNull(keys, "keys");
    Map<CustomerId, Set<String>> found = new HashMap<>();
    for (String key : Set.copyOf(keys)) {
      for (CustomerId id : byKey.getOrDefault(key, Set.of())) {
        found.computeIfAbsent(id, k -> new HashSet<>()).add(key);
      }
    }
    found.replaceAll((id, matched) -> Set.copyOf(matched));
    return found;
  }
}
