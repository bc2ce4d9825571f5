package io.crmkit.core.memory;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.lifecycle.HistoryEntry;
import io.crmkit.core.lifecycle.LifecycleHistory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * {@link LifecycleHistory} in memory, kept sorted by customer id, then origin and version, so that
 * {@link #stream} needs no sorting and a customer's own entries are one contiguous range. Writes
 * are serialised and undone on rollback; reads never block.
 */
final class InMemoryLifecycleHistory implements LifecycleHistory {
  private static final Comparator<HistoryEntry> BY_TIME = Comparator.comparing(HistoryEntry::at)
      .thenComparing(HistoryEntry::origin).thenComparingLong(HistoryEntry::customerVersion);

  private final NavigableMap<CustomerId, NavigableMap<Key, HistoryEntry>> byCustomer = new ConcurrentSkipListMap<>();
  private final InMemoryTransactions transactions;

  InMemoryLifecycleHistory(InMemoryTransactions transactions) {
    this.transactions = transactions;
  }

  /** An entry's identity under the customer it is kept under. */
  private record Key(CustomerId origin, long version) implements Comparable<Key> {
    static Key of(HistoryEntry entry) {
      return new Key(entry.origin(), entry.customerVersion());
    }

    @Override
    public int compareTo(Key other) {
      int byOrigin = origin.compareTo(other.origin);
      return byOrigin != 0 ? byOrigin : Long.compare(version, other.version);
    }
  }

  @Override
  public void append(HistoryEntry entry) {
    Objects.requireNonNull(entry, "entry");
    transactions.inTransaction(() -> {
      if (add(entry)) {
        transactions.onRollback(() -> remove(entry));
      }
      return null;
    });
  }

  /** All or none: one transaction of the store, whose rollback takes back the entries added before a clash. */
  @Override
  public void appendAll(List<HistoryEntry> entries) {
    Objects.requireNonNull(entries, "entries");
    transactions.inTransaction(() -> {
      entries.forEach(this::append);
      return null;
    });
  }

  /** Adds {@code entry}; false if the same entry was there already. */
  private synchronized boolean add(HistoryEntry entry) {
    NavigableMap<Key, HistoryEntry> entries =
        byCustomer.computeIfAbsent(entry.customerId(), id -> new ConcurrentSkipListMap<>());
    HistoryEntry known = entries.putIfAbsent(Key.of(entry), entry);
    if (known != null && !known.equals(entry)) {
      throw new DuplicateKeyException(entry.customerId() + "@" + entry.customerVersion(),
          "Lifecycle history of customer " + entry.customerId() + " already has a different entry for version "
              + entry.customerVersion() + ": " + known);
    }
    return known == null;
  }

  private synchronized void remove(HistoryEntry entry) {
    NavigableMap<Key, HistoryEntry> entries = byCustomer.get(entry.customerId());
    if (entries != null) {
      entries.remove(Key.of(entry), entry);
    }
  }

  @Override
  public List<HistoryEntry> forCustomer(CustomerId customerId) {
    Objects.requireNonNull(customerId, "customerId");
    NavigableMap<Key, HistoryEntry> entries = byCustomer.get(customerId);
    if (entries == null) {
      return List.of();
    }
    List<HistoryEntry> sorted = new ArrayList<>(entries.values());
    sorted.sort(BY_TIME);
    return List.copyOf(sorted);
  }

  @Override
  public Optional<HistoryEntry> latest(CustomerId customerId) {
    Objects.requireNonNull(customerId, "customerId");
    return Optional.ofNullable(newestOwn(customerId));
  }

  @Override
  public Map<CustomerId, HistoryEntry> latest(Collection<CustomerId> customerIds) {
    Objects.requireNonNull(customerIds, "customerIds");
    Map<CustomerId, HistoryEntry> found = new HashMap<>();
    for (CustomerId id : customerIds) {
      HistoryEntry newest = newestOwn(Objects.requireNonNull(id, "customerId"));
      if (newest != null) {
        found.put(id, newest);
      }
    }
    return found;
  }

  /** The customer's own entry of the highest version, or null: its own entries are one key range. */
  private HistoryEntry newestOwn(CustomerId customerId) {
    NavigableMap<Key, HistoryEntry> entries = byCustomer.get(customerId);
    if (entries == null) {
      return null;
    }
    Map.Entry<Key, HistoryEntry> newest = entries.floorEntry(new Key(customerId, Long.MAX_VALUE));
    return newest != null && newest.getKey().origin().equals(customerId) ? newest.getValue() : null;
  }

  @Override
  public Stream<HistoryEntry> stream(TimeRange range) {
    Objects.requireNonNull(range, "range");
    return byCustomer.values().stream()
        .flatMap(entries -> entries.values().stream())
        .filter(entry -> range.contains(entry.at()));
  }

  @Override
  public List<HistoryEntry> move(CustomerId from, CustomerId to) {
    checkIds(from, to);
    return transactions.inTransaction(() -> {
      List<HistoryEntry> moving = forCustomer(from);
      moveAll(moving, to);
      return moving;
    });
  }

  @Override
  public int move(Collection<HistoryEntry> entries, CustomerId from, CustomerId to) {
    Objects.requireNonNull(entries, "entries");
    checkIds(from, to);
    Set<Key> listed = new HashSet<>();
    entries.forEach(entry -> listed.add(Key.of(Objects.requireNonNull(entry, "entry"))));
    return transactions.inTransaction(() -> {
      NavigableMap<Key, HistoryEntry> kept = byCustomer.get(from);
      List<HistoryEntry> moving = new ArrayList<>();
      if (kept != null) {
        listed.forEach(key -> Optional.ofNullable(kept.get(key)).ifPresent(moving::add));
      }
      moveAll(moving, to);
      return moving.size();
    });
  }

  /**
   * Re-keeps each of {@code moving} under {@code to}, registering the way back for a rollback. Checks
   * every target key first, so a clash moves nothing.
   */
  private synchronized void moveAll(List<HistoryEntry> moving, CustomerId to) {
    NavigableMap<Key, HistoryEntry> target = byCustomer.get(to);
    for (HistoryEntry entry : moving) {
      if (target != null && target.containsKey(Key.of(entry))) {
        throw new DuplicateKeyException(to + "@" + entry.origin() + "@" + entry.customerVersion(),
            "Lifecycle history of customer " + to + " already has the entry of " + entry.origin() + " for version "
                + entry.customerVersion() + ": " + target.get(Key.of(entry)));
      }
    }
    for (HistoryEntry entry : moving) {
      HistoryEntry moved = entry.keptUnder(to);
      remove(entry);
      add(moved);
      transactions.onRollback(() -> {
        remove(moved);
        add(entry);
      });
    }
  }

  private static void checkIds(CustomerId from, CustomerId to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Require.argument(!from.equals(to), "history moves between two customers, got %s twice", from);
  }

  @Override
  public int redactReasons(CustomerId customerId) {
    Objects.requireNonNull(customerId, "customerId");
    return transactions.inTransaction(() -> {
      List<HistoryEntry> redacted = withoutReasons(customerId);
      transactions.onRollback(() -> restore(redacted));
      return redacted.size();
    });
  }

  /** Replaces the entries of or from the customer that have a reason; returns them as they were. */
  private synchronized List<HistoryEntry> withoutReasons(CustomerId customerId) {
    List<HistoryEntry> redacted = new ArrayList<>();
    for (NavigableMap<Key, HistoryEntry> entries : byCustomer.values()) {
      for (HistoryEntry entry : entries.values()) {
        boolean concerned = entry.customerId().equals(customerId) || entry.origin().equals(customerId);
        if (concerned && entry.reason().isPresent()) {
          entries.put(Key.of(entry), new HistoryEntry(entry.customerId(), entry.customerVersion(), entry.from(),
              entry.to(), entry.trigger(), entry.at(), entry.actor(), Optional.empty(), entry.origin()));
          redacted.add(entry);
        }
      }
    }
    return redacted;
  }

  private synchronized void restore(List<HistoryEntry> entries) {
    for (HistoryEntry entry : entries) {
      byCustomer.get(entry.customerId()).put(Key.of(entry), entry);
    }
  }
}
