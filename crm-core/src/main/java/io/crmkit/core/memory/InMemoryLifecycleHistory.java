package io.crmkit.core.memory;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.lifecycle.LifecycleHistory;
import io.crmkit.core.lifecycle.StageMove;
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
  private final NavigableMap<CustomerId, NavigableMap<Long, StageMove>> byCustomer = new ConcurrentSkipListMap<>();
  private final InMemoryTransactions transactions;

  InMemoryLifecycleHistory(InMemoryTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void append(StageMove move) {
    Objects.requireNonNull(move, "move");
    transactions.inTransaction(() -> {
      if (add(move)) {
        transactions.onRollback(() -> byCustomer.get(move.customerId()).remove(move.customerVersion(), move));
      }
      return null;
    });
  }

  /** Adds {@code move}; false if the same entry was there already. */
  private synchronized boolean add(StageMove move) {
    NavigableMap<Long, StageMove> moves =
        byCustomer.computeIfAbsent(move.customerId(), id -> new ConcurrentSkipListMap<>());
    StageMove known = moves.putIfAbsent(move.customerVersion(), move);
    if (known != null && !known.equals(move)) {
      throw new DuplicateKeyException(move.customerId() + "@" + move.customerVersion(),
          "Lifecycle history of customer " + move.customerId() + " already has a different entry for version "
              + move.customerVersion() + ": " + known);
    }
    return known == null;
  }

  @Override
  public List<StageMove> forCustomer(CustomerId customerId) {
    Objects.requireNonNull(customerId, "customerId");
    NavigableMap<Long, StageMove> moves = byCustomer.get(customerId);
    return moves == null ? List.of() : List.copyOf(moves.values());
  }

  @Override
  public Optional<StageMove> latest(CustomerId customerId) {
    Objects.requireNonNull(customerId, "customerId");
    NavigableMap<Long, StageMove> moves = byCustomer.get(customerId);
    return Optional.ofNullable(moves == null ? null : moves.lastEntry()).map(Map.Entry::getValue);
  }

  @Override
  public Map<CustomerId, StageMove> latest(Collection<CustomerId> customerIds) {
    Objects.requireNonNull(customerIds, "customerIds");
    Map<CustomerId, StageMove> found = new HashMap<>();
    for (CustomerId id : customerIds) {
      NavigableMap<Long, StageMove> moves = byCustomer.get(Objects.requireNonNull(id, "customerId"));
      Map.Entry<Long, StageMove> last = moves == null ? null : moves.lastEntry();
      if (last != null) {
        found.put(id, last.getValue());
      }
    }
    return found;
  }

  @Override
  public Stream<StageMove> stream(TimeRange range) {
    Objects.requireNonNull(range, "range");
    return byCustomer.values().stream()
        .flatMap(moves -> moves.values().stream())
        .filter(move -> range.contains(move.at()));
  }
}
