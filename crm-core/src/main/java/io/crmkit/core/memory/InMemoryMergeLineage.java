package io.crmkit.core.memory;

import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.dedup.merge.Merge;
import io.crmkit.core.dedup.merge.MergeLineage;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** {@link MergeLineage} in memory: merges by id; writes serialised and undone on rollback. */
final class InMemoryMergeLineage implements MergeLineage {
  private final Map<UUID, Merge> byId = new ConcurrentHashMap<>();
  private final InMemoryTransactions transactions;

  InMemoryMergeLineage(InMemoryTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void record(Merge merge) {
    Objects.requireNonNull(merge, "merge");
    transactions.inTransaction(() -> {
      if (add(merge)) {
        transactions.onRollback(() -> byId.remove(merge.id(), merge));
      }
      return null;
    });
  }

  private synchronized boolean add(Merge merge) {
    Merge known = byId.putIfAbsent(merge.id(), merge);
    if (known != null && !known.equals(merge)) {
      throw new DuplicateKeyException(merge.id().toString(), "A different merge " + merge.id() + " was recorded");
    }
    return known == null;
  }

  @Override
  public Optional<Merge> find(UUID mergeId) {
    return Optional.ofNullable(byId.get(Objects.requireNonNull(mergeId, "mergeId")));
  }

  @Override
  public List<Merge> involving(CustomerId customerId) {
    Objects.requireNonNull(customerId, "customerId");
    return byId.values().stream()
        .filter(merge -> merge.records().stream().anyMatch(r -> r.before().id().equals(customerId)))
        .sorted(Comparator.comparing(Merge::mergedAt).thenComparing(Merge.ID_ORDER))
        .toList();
  }

  @Override
  public Merge markUndone(UUID mergeId, Merge.Undo undo) {
    Objects.requireNonNull(mergeId, "mergeId");
    Objects.requireNonNull(undo, "undo");
    return transactions.inTransaction(() -> {
      Merge before = undo(mergeId, undo);
      Merge after = byId.get(mergeId);
      transactions.onRollback(() -> byId.replace(mergeId, after, before));
      return after;
    });
  }

  private synchronized Merge undo(UUID mergeId, Merge.Undo undo) {
    Merge known = byId.get(mergeId);
    Require.argument(known != null, "no merge %s was recorded", mergeId);
    Require.state(known.undone().isEmpty(), "merge %s was undone already", mergeId);
    byId.put(mergeId, known.withUndone(undo));
    return known;
  }

  @Override
  public void redact(Merge redacted) {
    Objects.requireNonNull(redacted, "redacted");
    transactions.inTransaction(() -> {
      Merge before = replace(redacted);
      transactions.onRollback(() -> byId.replace(redacted.id(), redacted, before));
      return null;
    });
  }

  private synchronized Merge replace(Merge redacted) {
    Merge known = byId.get(redacted.id());
    Require.argument(known != null, "no merge %s was recorded", redacted.id());
    Require.argument(sameCustomers(known, redacted), "a redacted merge names the same customers in the same order"
        + " as merge %s", redacted.id());
    byId.put(redacted.id(), redacted);
    return known;
  }

  private static boolean sameCustomers(Merge one, Merge other) {
    return one.records().stream().map(r -> r.before().id()).toList()
        .equals(other.records().stream().map(r -> r.before().id()).toList());
  }

  @Override
  public List<Merge> all() {
    return List.copyOf(byId.values());
  }
}
