package io.crmkit.privacy.anonymise;

import java.util.HashMap;
import java.util.Map;

/**
 * The complete bottom-up search of the lattice with bound pruning (see {@link Anonymiser}).
 */
final class Search {
  private final EncodedTable table;
  private final Lattice lattice;
  private final Settings settings;
  private final int budget;
  private long evaluated;

  Search(EncodedTable table, Lattice lattice, Settings settings) {
    this.table = table;
    this.lattice = lattice;
    this.settings = settings;
    this.budget = (int) Math.floor(settings.suppressionLimit() * table.rows + 1e-9);
  }

  /** @return the optimal anonymous partition, or null if no node is anonymous */
  Partition run() {
    boolean[] pruned = new boolean[lattice.size()];
    Partition best = null;
    double bestValue = Double.POSITIVE_INFINITY;
    Metric metric = settings.metric();
    Map<Integer, Partition> previousLayer = new HashMap<>();
    Map<Integer, Partition> layer = new HashMap<>();
    int layerSum = 0;
    for (int node : lattice.bottomUp()) {
      if (lattice.levelSum(node) != layerSum) {
        layerSum = lattice.levelSum(node);
        previousLayer = layer;
        layer = new HashMap<>();
      }
      if (abovePruned(node, pruned)) {
        pruned[node] = true;
        continue;
      }
      Partition partition = evaluate(node, previousLayer);
      evaluated++;
      if (partition.bound(metric) >= bestValue) {
        pruned[node] = true;
        continue;
      }
      layer.put(node, partition);
      if (partition.suppressed <= budget && partition.value(metric) < bestValue) {
        best = partition;
        bestValue = partition.value(metric);
        pruned[node] = partition.bound(metric) >= bestValue;
      }
    }
    return best;
  }

  /**
   * Rolls up the evaluated node just below with the fewest classes; from the tuples at the bottom
   * or when l-diversity needs the sensitive values. A node that is not pruned has every node just
   * below it evaluated and kept in the previous layer.
   */
  private Partition evaluate(int node, Map<Integer, Partition> previousLayer) {
    int[] levels = lattice.levels(node);
    Partition smallest = null;
    if (settings.l() == 1) {
      for (int j = 0; j < lattice.columns(); j++) {
        Partition below = previousLayer.get(lattice.below(node, j));
        if (below != null && (smallest == null || below.classes < smallest.classes)) {
          smallest = below;
        }
      }
    }
    return smallest == null ? new Partition(table, levels, settings.k(), settings.l())
        : Partition.rollUp(table, smallest, levels, settings.k());
  }

  private boolean abovePruned(int node, boolean[] pruned) {
    for (int j = 0; j < lattice.columns(); j++) {
      int below = lattice.below(node, j);
      if (below >= 0 && pruned[below]) {
        return true;
      }
    }
    return false;
  }

  long evaluated() {
    return evaluated;
  }
}
