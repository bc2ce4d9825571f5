package io.crmkit.segmentation.memory;

import io.crmkit.core.customer.CriteriaEvaluator;
import io.crmkit.core.memory.InMemoryTransactions;
import io.crmkit.segmentation.segment.Segment;
import io.crmkit.segmentation.segment.SegmentDefinitions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SegmentDefinitions} in memory, writing through the store's transactions. */
final class InMemorySegmentDefinitions implements SegmentDefinitions {
  private final Map<String, Segment> byName = new ConcurrentHashMap<>();
  private final InMemoryTransactions transactions;

  InMemorySegmentDefinitions(InMemoryTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void save(Segment segment) {
    Objects.requireNonNull(segment, "segment");
    transactions.inTransaction(() -> {
      Segment replaced = byName.put(segment.name(), segment);
      transactions.onRollback(() -> restore(segment.name(), replaced));
      return null;
    });
  }

  @Override
  public Optional<Segment> find(String name) {
    return Optional.ofNullable(byName.get(Segment.checkName(name)));
  }

  @Override
  public List<Segment> all() {
    return byName.values().stream()
        .sorted((a, b) -> CriteriaEvaluator.compareCodePoints(a.name(), b.name())).toList();
  }

  @Override
  public boolean remove(String name) {
    Segment.checkName(name);
    return transactions.inTransaction(() -> {
      Segment removed = byName.remove(name);
      if (removed != null) {
        transactions.onRollback(() -> byName.put(name, removed));
      }
      return removed != null;
    });
  }

  private void restore(String name, Segment previous) {
    if (previous == null) {
      byName.remove(name);
    } else {
      byName.put(name, previous);
    }
  }
}
