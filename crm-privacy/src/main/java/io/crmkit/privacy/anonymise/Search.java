package io.crmkit.privacy.anonymise;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The complete search of the lattice (see {@link Anonymiser}): top-down with predictive tagging
 * when nothing may be suppressed, bottom-up with bound pruning and roll-ups otherwise.
 */
final class Search {
  /** Relative difference under which two metric values are the same (rounding of loss sums). */
  private static final double TIE = 1e-12;
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
    return budget == 0 ? topDown() : bottomUp();
  }

  /**
   * Without a suppression budget, being anonymous is monotone in both directions: a node whose
   * classes all hold k records (and l sensitive values) has generalisations that do too, and a node
   * that does not has specialisations that do not either. Walking the lattice top-down, a node with
   * a non-anonymous generalisation is tagged non-anonymous without grouping anything; only the
   * anonymous nodes and the non-anonymous ones just below them are evaluated (95 of Adult's 4,320
   * nodes), each split from a generalisation's classes in one pass over the tuples. Every anonymous
   * node is evaluated, so the optimum among them is exact.
   */
  private Partition topDown() {
    boolean[] anonymous = new boolean[lattice.size()];
    int[] order = lattice.bottomUp();
    Metric metric = settings.metric();
    Map<Integer, Partition> layerAbove = new HashMap<>();
    Map<Integer, Partition> layer = new HashMap<>();
    int layerSum = -1;
    Partition best = null;
    for (int i = order.length - 1; i >= 0; i--) {
      int node = order[i];
      if (lattice.levelSum(node) != layerSum) {
        layerSum = lattice.levelSum(node);
        layerAbove = layer;
        layer = new HashMap<>();
      }
      if (!everyGeneralisationAnonymous(node, anonymous)) {
        continue;
      }
      Partition partition = refineFromAbove(node, layerAbove);
      evaluated++;
      anonymous[node] = partition.suppressed == 0;
      if (anonymous[node]) {
        layer.put(node, partition);
        if (best == null || better(partition, best, metric)) {
          best = partition;
        }
      }
    }
    return best;
  }

  /**
   * A node's classes split from those of a generalisation one level up in one column (every
   * generalisation of an evaluated node is anonymous, so evaluated and kept); the top node's from
   * the tuples.
   */
  private Partition refineFromAbove(int node, Map<Integer, Partition> layerAbove) {
    int[] levels = lattice.levels(node);
    for (int j = 0; j < lattice.columns(); j++) {
      Partition parent = layerAbove.get(lattice.above(node, j));
      if (parent != null) {
        return Partition.refine(table, parent, j, levels, settings.k(), settings.l());
      }
    }
    return new Partition(table, levels, settings.k(), settings.l());
  }

  private boolean everyGeneralisationAnonymous(int node, boolean[] anonymous) {
    for (int j = 0; j < lattice.columns(); j++) {
      int above = lattice.above(node, j);
      if (above >= 0 && !anonymous[above]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The order {@link Anonymiser} promises: the lower metric value, then the lower level sum, then
   * the lexicographically smaller level vector. Loss values that differ only by rounding tie.
   */
  private static boolean better(Partition candidate, Partition best, Metric metric) {
    double a = candidate.value(metric);
    double b = best.value(metric);
    if (Math.abs(a - b) > TIE * Math.max(1.0, Math.abs(b))) {
      return a < b;
    }
    int sumA = sum(candidate.levels);
    int sumB = sum(best.levels);
    return sumA != sumB ? sumA < sumB : Arrays.compare(candidate.levels, best.levels) < 0;
  }

  private static int sum(int[] levels) {
    int sum = 0;
    for (int level : levels) {
      sum += level;
    }
    return sum;
  }

  /**
   * The complete bottom-up walk with a suppression budget, where a node's metric can fall as levels
   * rise (fewer records suppressed): bound pruning, and roll-ups from the node below.
   */
  private Partition bottomUp() {
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
