package io.crmkit.core.memory;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.lifecycle.LifecycleHistory;
import io.crmkit.core.lifecycle.HistoryEntry;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * {@link LifecycleHistory} in memory, kept sorted by customer id and version so that
 * {@link #stream} needs no sorting. Appends are serialised; reads never block.
 */
final class InMemoryLifecycleHistory implements LifecycleHistory {
  private final NavigableMap<CustomerId, NavigableMap<Long, HistoryEntry>> byCustomer = new ConcurrentSkipListMap<>();
  private final InMemoryTransactions transactions;

  InMemoryLifecycleHistory(InMemoryTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void append(HistoryEntry entry) {
    Objects.requireNonNull(entry, "entry");
    transactions.inTransaction(() -> {
      if (add(entry)) {
        transactions.onRollback(() -> byCustomer.get(entry.customerId()).remove(entry.customerVersion(), entry));
      }
      return null;
    });
  }

  /** Adds {@code entry}; false if the same entry was there already. */
  private synchronized boolean add(HistoryEntry entry) {
    NavigableMap<Long, HistoryEntry> entries =
        byCustomer.computeIfAbsent(entry.customerId(), id -> new ConcurrentSkipListMap<>());
    HistoryEntry known = entries.putIfAbsent(entry.customerVersion(), entry);
    if (known != null && !known.equals(entry)) {
      throw new DuplicateKeyException(entry.customerId() + "@" + entry.customerVersion(),
          "Lifecycle history of customer " + entry.customerId() + " already has a different entry for version "
              + entry.customerVersion() + ": " + known);
    }
    return known == null;
  }

  @Override
  public List<HistoryEntry> forCustomer(CustomerId customerId) {
    Objects.requireNonNull(customerId, "customerId");
    NavigableMap<Long, HistoryEntry> entries = byCustomer.get(customerId);
    return entries == null ? List.of() : List.copyOf(entries.values());
  }

  @Override
  public Optional<HistoryEntry> latest(CustomerId customerId) {
    Objects.requireNonNull(customerId, "customerId");
    NavigableMap<Long, HistoryEntry> entries = byCustomer.get(customerId);
    return Optional.ofNullable(entries == null ? null : entries.lastEntry()).map(Map.Entry::getValue);
  }

  @Override
  public Map<CustomerId, HistoryEntry> latest(Collection<CustomerId> customerIds) {
    Objects.requireNonNull(customerIds, "customerIds");
    Map<CustomerId, HistoryEntry> found = new HashMap<>();
    for (CustomerId id : customerIds) {
      NavigableMap<Long, HistoryEntry> entries = byCustomer.get(Objects.requireNonNull(id, "customerId"));
      Map.Entry<Long, HistoryEntry> last = entries == null ? null : entries.lastEntry();
      if (last != null) {
        found.put(id, last.getValue());
      }
    }
    return found;
  }

  @Override
  public Stream<HistoryEntry> stream(TimeRange range) {
    Objects.requireNonNull(range, "range");
    return byCustomer.values().stream()
        .flatMap(entries -> entries.values().stream())
        .filter(entry -> range.contains(entry.at()));
  }
}
