package io.crmkit.privacy.anonymise;

import io.crmkit.core.common.Require;

/**
 * The lattice of level vectors: node {@code i} is the mixed-radix number of its levels, the first
 * column most significant, so ascending index is lexicographic order of level vectors.
 */
final class Lattice {
  private final int[] heights;
  private final long[] weights;
  private final int size;

  Lattice(int[] heights, long maxNodes) {
    this.heights = heights.clone();
    this.weights = new long[heights.length];
    long size = 1;
    for (int j = heights.length - 1; j >= 0; j--) {
      weights[j] = size;
      size *= heights[j];
      Require.argument(size <= maxNodes,
          "the lattice has more than %s nodes; use fewer quasi-identifiers or shorter hierarchies", maxNodes);
    }
    this.size = (int) size;
  }

  int size() {
    return size;
  }

  int columns() {
    return heights.length;
  }

  int[] levels(int node) {
    int[] levels = new int[heights.length];
    for (int j = 0; j < heights.length; j++) {
      levels[j] = (int) (node / weights[j] % heights[j]);
    }
    return levels;
  }

  int levelSum(int node) {
    int sum = 0;
    for (int level : levels(node)) {
      sum += level;
    }
    return sum;
  }

  int maxLevelSum() {
    int sum = 0;
    for (int height : heights) {
      sum += height - 1;
    }
    return sum;
  }

  /**
   * @return the node one level lower in column j, or -1 if that column is at level 0
   */
  int below(int node, int j) {
    return node / weights[j] % heights[j] == 0 ? -1 : (int) (node - weights[j]);
  }

  /**
   * @return the node one level higher in column j, or -1 if that column is at its top
   */
  int above(int node, int j) {
    return node / weights[j] % heights[j] == heights[j] - 1 ? -1 : (int) (node + weights[j]);
  }

  /** Nodes ordered by level sum, then index: every node after all its specialisations. */
  int[] bottomUp() {
    int[] buckets = new int[maxLevelSum() + 2];
    int[] sums = new int[size];
    for (int node = 0; node < size; node++) {
      sums[node] = levelSum(node);
      buckets[sums[node] + 1]++;
    }
    for (int s = 1; s < buckets.length; s++) {
      buckets[s] += buckets[s - 1];
    }
    int[] order = new int[size];
    for (int node = 0; node < size; node++) {
      order[buckets[sums[node]]++] = node;
    }
    return order;
  }
}
