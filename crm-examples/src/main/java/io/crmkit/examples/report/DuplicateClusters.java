package io.crmkit.examples.report;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.dedup.merge.Merge;
import io.crmkit.core.dedup.merge.MergeLineage;
import io.crmkit.core.dedup.merge.MergedRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The merges of a merge lineage and the clusters they made: every merge in one read where the
 * lineage can list them ({@link #addAll}), else found from the customers that exist now, asking the
 * lineage per customer ({@link MergeLineage#involving}); a merge also names the
 * customers it absorbed, whose own earlier merges are followed in turn, so a chain (A absorbed B,
 * then C absorbed A) is found whole and counts as one cluster of three. Not thread-safe.
 */
final class DuplicateClusters {
  private final MergeLineage lineage;
  private final Map<java.util.UUID, Merge> merges = new LinkedHashMap<>();
  private final Set<CustomerId> visited = new HashSet<>();

  DuplicateClusters(MergeLineage lineage) {
    this.lineage = Objects.requireNonNull(lineage, "lineage");
  }

  /**
   * Takes every merge of the lineage at once ({@link MergeLineage#all}, one read) and returns
   * true, or returns false if the lineage cannot list its merges, for the caller to
   * {@link #visit} each customer instead.
   */
  boolean addAll() {
    try {
      lineage.all().forEach(merge -> merges.putIfAbsent(merge.id(), merge));
      return true;
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  /** Reads the merges involving {@code customer}, and those of every customer they name. */
  void visit(CustomerId customer) {
    Deque<CustomerId> pending = new ArrayDeque<>();
    pending.push(Objects.requireNonNull(customer, "customer"));
    while (!pending.isEmpty()) {
      CustomerId id = pending.pop();
      if (!visited.add(id)) {
        continue;
      }
      for (Merge merge : lineage.involving(id)) {
        if (merges.putIfAbsent(merge.id(), merge) == null) {
          for (MergedRecord merged : merge.records()) {
            pending.push(merged.before().id());
          }
        }
      }
    }
  }

  /** The merges found so far and the clusters of those in effect, with the review queue's size. */
  ReportData.Duplicates result(long reviewPending) {
    Map<CustomerId, CustomerId> parent = new HashMap<>();
    long active = 0;
    long undone = 0;
    long absorbed = 0;
    for (Merge merge : merges.values()) {
      if (merge.undone().isPresent()) {
        undone++;
        continue;
      }
      active++;
      absorbed += merge.absorbedIds().size();
      for (CustomerId id : merge.absorbedIds()) {
        union(parent, merge.survivorId(), id);
      }
    }
    Map<CustomerId, Long> sizes = new HashMap<>();
    for (CustomerId id : new ArrayList<>(parent.keySet())) {
      sizes.merge(root(parent, id), 1L, Long::sum);
    }
    Map<Long, Long> clustersBySize = new TreeMap<>();
    sizes.values().forEach(size -> clustersBySize.merge(size, 1L, Long::sum));
    List<ReportData.Count> counts = new ArrayList<>();
    clustersBySize.forEach((size, clusters) -> counts.add(new ReportData.Count(Long.toString(size), clusters)));
    return new ReportData.Duplicates(active, undone, absorbed, reviewPending, counts);
  }

  private static void union(Map<CustomerId, CustomerId> parent, CustomerId a, CustomerId b) {
    CustomerId rootA = root(parent, a);
    CustomerId rootB = root(parent, b);
    if (!rootA.equals(rootB)) {
      parent.put(rootB, rootA);
    }
  }

  /** The cluster's representative, halving the path on the way (a customer seen first is its own). */
  private static CustomerId root(Map<CustomerId, CustomerId> parent, CustomerId id) {
    CustomerId current = id;
    parent.putIfAbsent(current, current);
    while (!parent.get(current).equals(current)) {
      CustomerId grand = parent.get(parent.get(current));
      parent.put(current, grand);
      current = grand;
    }
    return current;
  }
}
