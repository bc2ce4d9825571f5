package io.crmkit.privacy.anonymise;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Mondrian's top-down partitioning (LeFevre, DeWitt and Ramakrishnan 2006) over the encoded
 * tuples. Starting from the whole table, a partition is split on the quasi-identifier whose tightest
 * generalisation is widest (normalised as generalisation loss, 0 to 1), falling back to the next
 * widest when that one cannot be split, until no split keeps every part valid (at least k records
 * and l distinct sensitive values).
 *
 * <ul>
 *   <li>A numeric column is cut once, between two distinct values, as close to the median record as
 *       the parts stay valid.
 *   <li>A categorical column is split along its hierarchy: the partition's values are grouped by
 *       the children of their lowest common ancestor. Children that are valid alone become parts;
 *       the others are pooled into one remaining part (merged with the smallest valid child if the
 *       pool alone is not valid). This relaxation lets a large child be released in detail while
 *       its rare siblings stay together under the parent.
 * </ul>
 *
 * <p>Records with equal quasi-identifiers always stay together (every cut is on values), so the
 * parts are disjoint boxes and their tightest generalisations differ.
 */
final class Mondrian {
  private final EncodedTable table;
  private final int[][] ranks;
  private final int k;
  private final int l;
  /** Stamp per sensitive code, to count distinct sensitive values without allocating. */
  private final int[] seenAt;
  private int stamp;
  private int examined;

  /**
   * @param table the encoded table
   * @param ranks per column the numeric rank of each leaf, or {@code null} for a categorical column
   * @param k the smallest part
   * @param l the distinct sensitive values each part needs
   */
  Mondrian(EncodedTable table, int[][] ranks, int k, int l) {
    this.table = table;
    this.ranks = ranks.clone();
    this.k = k;
    this.l = l;
    this.seenAt = new int[Arrays.stream(table.tupleSensitive).max().orElse(0) + 1];
  }

  /**
   * @return the final partitions, each the tuple indices in it; empty if the whole table is not
   *     valid (fewer than k records or l distinct sensitive values), so nothing can be released
   */
  List<int[]> partition() {
    int[] all = new int[table.tuples()];
    Arrays.setAll(all, t -> t);
    if (!valid(all)) {
      return List.of();
    }
    List<int[]> done = new ArrayList<>();
    Deque<int[]> work = new ArrayDeque<>();
    work.push(all);
    while (!work.isEmpty()) {
      int[] part = work.pop();
      examined++;
      List<int[]> parts = split(part);
      if (parts == null) {
        done.add(part);
      } else {
        parts.forEach(work::push);
      }
    }
    return done;
  }

  /** @return the partitions examined (split or kept) by {@link #partition()} */
  int examined() {
    return examined;
  }

  /**
   * The lowest hierarchy level at which every tuple of the part shares one value of column j, or
   * the height of the hierarchy if even its top level has several values there (a user's hierarchy
   * need not end in one root): local recoding then treats {@code *} as the root above the top.
   */
  static int commonLevel(EncodedTable table, int j, int[] part) {
    int leaf = table.tupleLeaves[part[0]][j];
    for (int level = 0; level < table.heights[j]; level++) {
      int[] code = table.codes[j][level];
      int shared = code[leaf];
      boolean same = true;
      for (int i = 1; i < part.length && same; i++) {
        same = code[table.tupleLeaves[part[i]][j]] == shared;
      }
      if (same) {
        return level;
      }
    }
    return table.heights[j];
  }

  /** The loss of column j's value at a level for a leaf, 1 above the top of the hierarchy. */
  static double loss(EncodedTable table, int j, int level, int leaf) {
    if (level == table.heights[j]) {
      return 1.0;
    }
    return table.loss[j][level][leaf];
  }

  /** The smallest and largest rank of numeric column j in the part. */
  static int[] rankRange(EncodedTable table, int[] rank, int j, int[] part) {
    int low = Integer.MAX_VALUE;
    int high = Integer.MIN_VALUE;
    for (int t : part) {
      int r = rank[table.tupleLeaves[t][j]];
      low = Math.min(low, r);
      high = Math.max(high, r);
    }
    return new int[] {low, high};
  }

  private List<int[]> split(int[] part) {
    int columns = table.columns;
    double[] width = new double[columns];
    int[] level = new int[columns];
    for (int j = 0; j < columns; j++) {
      int leaves = table.leaves.get(j).size();
      if (ranks[j] != null) {
        int[] range = rankRange(table, ranks[j], j, part);
        width[j] = leaves == 1 ? 0 : (range[1] - range[0]) / (double) (leaves - 1);
      } else {
        level[j] = commonLevel(table, j, part);
        width[j] = loss(table, j, level[j], table.tupleLeaves[part[0]][j]);
      }
    }
    Integer[] order = new Integer[columns];
    Arrays.setAll(order, j -> j);
    Arrays.sort(order, Comparator.comparingDouble(j -> -width[j]));
    for (int j : order) {
      if (width[j] == 0) {
        continue;
      }
      List<int[]> parts = ranks[j] != null ? cutAtMedian(part, j) : splitAlongHierarchy(part, j, level[j]);
      if (parts != null) {
        return parts;
      }
    }
    return null;
  }

  private List<int[]> cutAtMedian(int[] part, int j) {
    int m = part.length;
    long[] keys = new long[m];
    for (int i = 0; i < m; i++) {
      keys[i] = (long) ranks[j][table.tupleLeaves[part[i]][j]] << 32 | part[i];
    }
    Arrays.sort(keys);
    int[] sorted = new int[m];
    long total = 0;
    for (int i = 0; i < m; i++) {
      sorted[i] = (int) keys[i];
      total += table.tupleCount[sorted[i]];
    }
    int[] leftDistinct = l > 1 ? prefixDistinct(sorted, false) : null;
    int[] rightDistinct = l > 1 ? prefixDistinct(sorted, true) : null;
    int best = -1;
    long bestGap = Long.MAX_VALUE;
    long left = 0;
    for (int p = 1; p < m; p++) {
      left += table.tupleCount[sorted[p - 1]];
      if (keys[p] >>> 32 == keys[p - 1] >>> 32 || left < k || total - left < k) {
        continue;
      }
      if (l > 1 && (leftDistinct[p] < l || rightDistinct[m - p] < l)) {
        continue;
      }
      long gap = Math.abs(2 * left - total);
      if (gap < bestGap) {
        bestGap = gap;
        best = p;
      }
    }
    return best < 0 ? null : List.of(Arrays.copyOfRange(sorted, 0, best), Arrays.copyOfRange(sorted, best, m));
  }

  /** distinct[i]: distinct sensitive values among the first i tuples (from the end if reversed). */
  private int[] prefixDistinct(int[] tuples, boolean reversed) {
    int[] distinct = new int[tuples.length + 1];
    stamp++;
    for (int i = 0; i < tuples.length; i++) {
      int sensitive = table.tupleSensitive[tuples[reversed ? tuples.length - 1 - i : i]];
      distinct[i + 1] = distinct[i];
      if (seenAt[sensitive] != stamp) {
        seenAt[sensitive] = stamp;
        distinct[i + 1]++;
      }
    }
    return distinct;
  }

  private List<int[]> splitAlongHierarchy(int[] part, int j, int level) {
    int[] childCode = table.codes[j][level - 1];
    DenseKeys children = new DenseKeys(part.length);
    int[] childOf = new int[part.length];
    for (int i = 0; i < part.length; i++) {
      childOf[i] = children.idOf(childCode[table.tupleLeaves[part[i]][j]]);
    }
    int[] sizes = new int[children.size()];
    for (int child : childOf) {
      sizes[child]++;
    }
    int[][] groups = new int[sizes.length][];
    for (int c = 0; c < sizes.length; c++) {
      groups[c] = new int[sizes[c]];
    }
    int[] fill = new int[sizes.length];
    for (int i = 0; i < part.length; i++) {
      groups[childOf[i]][fill[childOf[i]]++] = part[i];
    }
    List<int[]> parts = new ArrayList<>();
    List<int[]> pooled = new ArrayList<>();
    for (int[] group : groups) {
      (valid(group) ? parts : pooled).add(group);
    }
    if (!pooled.isEmpty()) {
      int[] rest = concat(pooled);
      if (!valid(rest)) {
        int[] smallest = parts.stream().min(Comparator.comparingLong(this::records)).orElse(null);
        if (smallest == null) {
          return null;
        }
        parts.remove(smallest);
        rest = concat(List.of(rest, smallest));
      }
      parts.add(rest);
    }
    return parts.size() < 2 ? null : parts;
  }

  private static int[] concat(List<int[]> arrays) {
    int[] all = new int[arrays.stream().mapToInt(a -> a.length).sum()];
    int at = 0;
    for (int[] array : arrays) {
      System.arraycopy(array, 0, all, at, array.length);
      at += array.length;
    }
    return all;
  }

  private long records(int[] part) {
    long count = 0;
    for (int t : part) {
      count += table.tupleCount[t];
    }
    return count;
  }

  private boolean valid(int[] part) {
    if (records(part) < k) {
      return false;
    }
    if (l == 1) {
      return true;
    }
    stamp++;
    int distinct = 0;
    for (int t : part) {
      int sensitive = table.tupleSensitive[t];
      if (seenAt[sensitive] != stamp) {
        seenAt[sensitive] = stamp;
        distinct++;
      }
    }
    return distinct >= l;
  }
}
