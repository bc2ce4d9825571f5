package io.crmkit.privacy.anonymise;

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
    for (int node : lattice.bottomUp()) {
      if (abovePruned(node, pruned)) {
        pruned[node] = true;
        continue;
      }
      Partition partition = new Partition(table, lattice.levels(node), settings.k(), settings.l());
      evaluated++;
      if (partition.bound(metric) >= bestValue) {
        pruned[node] = true;
        continue;
      }
      if (partition.suppressed <= budget && partition.value(metric) < bestValue) {
        best = partition;
        bestValue = partition.value(metric);
        pruned[node] = partition.bound(metric) >= bestValue;
      }
    }
    return best;
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
