package io.crmkit.core.dedup.match;

import java.util.List;

/**
 * Single-linkage clustering of records by their accepted pairs, built strongest pair first
 * (Kruskal), each node counting its members and the pairs inside it; then read from the top to
 * apply {@link Clustering}'s density rule.
 *
 * <p>Why it gives the rule's result: a sparse component drops its weakest pair; as long as it
 * stays connected it keeps its members and only gets sparser, so it drops pairs until it falls
 * apart, which happens exactly at the pair that joined its two largest parts when the pairs were
 * added strongest first, its node here. Each part then holds the pairs inside it that are stronger
 * than that one: the pairs its own node counted before the join. So a node is an entity if it has
 * at most two members or its pairs reach the density, and otherwise its two children are checked.
 *
 * <p>Arrays of ints, one pass over the pairs with a union-find: near-linear in records and pairs.
 */
final class Dendrogram {
  private final int records;
  private final int[] size;
  private final int[] smallest;
  private final int[] left;
  private final int[] right;
  private final long[] pairs;
  private final boolean[] joined;
  private int nodes;

  /**
   * @param records how many records (leaves 0 to records - 1)
   * @param strongestFirst the accepted pairs, in {@link Clustering.Edge#STRONGEST_FIRST} order
   */
  Dendrogram(int records, List<Clustering.Edge> strongestFirst) {
    this.records = records;
    int capacity = records + Math.min(records, strongestFirst.size());
    size = new int[capacity];
    smallest = new int[capacity];
    left = new int[capacity];
    right = new int[capacity];
    pairs = new long[capacity];
    joined = new boolean[capacity];
    for (int i = 0; i < records; i++) {
      size[i] = 1;
      smallest[i] = i;
      left[i] = -1;
      right[i] = -1;
    }
    nodes = records;
    build(strongestFirst);
  }

  private void build(List<Clustering.Edge> strongestFirst) {
    int[] parent = new int[records];
    int[] nodeOfRoot = new int[records];
    for (int i = 0; i < records; i++) {
      parent[i] = i;
      nodeOfRoot[i] = i;
    }
    for (Clustering.Edge e : strongestFirst) {
      int ra = find(parent, e.a());
      int rb = find(parent, e.b());
      if (ra == rb) {
        pairs[nodeOfRoot[ra]]++;
        continue;
      }
      int na = nodeOfRoot[ra];
      int nb = nodeOfRoot[rb];
      int node = nodes++;
      left[node] = na;
      right[node] = nb;
      size[node] = size[na] + size[nb];
      smallest[node] = Math.min(smallest[na], smallest[nb]);
      pairs[node] = pairs[na] + pairs[nb] + 1;
      joined[na] = true;
      joined[nb] = true;
      int root = Math.min(ra, rb);
      parent[Math.max(ra, rb)] = root;
      nodeOfRoot[root] = node;
    }
  }

  /** Each record's entity, as the index of the smallest record of its cluster. */
  int[] entities(double minDensity) {
    int[] entity = new int[records];
    for (int i = 0; i < records; i++) {
      entity[i] = i;
    }
    int[] stack = new int[Math.max(1, nodes)];
    for (int top = nodes - 1; top >= records; top--) {
      if (joined[top]) {
        continue;
      }
      int depth = 0;
      stack[depth++] = top;
      while (depth > 0) {
        int node = stack[--depth];
        double possible = size[node] * (size[node] - 1.0) / 2;
        if (size[node] <= 2 || pairs[node] >= minDensity * possible) {
          assign(node, smallest[node], entity);
        } else {
          stack[depth++] = left[node];
          stack[depth++] = right[node];
        }
      }
    }
    return entity;
  }

  private void assign(int node, int id, int[] entity) {
    int[] stack = new int[size[node]];
    int depth = 0;
    stack[depth++] = node;
    while (depth > 0) {
      int n = stack[--depth];
      if (n < records) {
        entity[n] = id;
      } else {
        stack[depth++] = left[n];
        stack[depth++] = right[n];
      }
    }
  }

  private static int find(int[] parent, int x) {
    int root = x;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[x] != root) {
      int next = parent[x];
      parent[x] = root;
      x = next;
    }
    return root;
  }
}
