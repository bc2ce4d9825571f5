package io.crmkit.privacy.anonymise;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The equivalence classes of one node (a level per quasi-identifier) and what they imply under the
 * settings: which classes are too small (fewer than k records or l distinct sensitive values) and
 * so suppressed, and the metrics with their lower bound.
 */
final class Partition {
  final int[] levels;
  /** tuple to its class. */
  final int[] tupleClass;
  final int[] classSize;
  final boolean[] classSuppressed;
  final int suppressed;
  final int classes;
  /** Classes that are not suppressed. */
  final int keptClasses;
  final long discernibility;
  final double loss;
  /** Discernibility if nothing were suppressed: no node at or above this one can do better. */
  final long discernibilityBound;
  /** Loss if nothing were suppressed: no node at or above this one can do better. */
  final double lossBound;

  Partition(EncodedTable table, int[] levels, int k, int l) {
    this.levels = levels.clone();
    int tuples = table.tuples();
    this.tupleClass = new int[tuples];
    Map<Long, Integer> classOf = new HashMap<>();
    long[] keys = new long[tuples];
    keyColumns(table, keys);
    int[] sizes = new int[tuples];
    for (int t = 0; t < tuples; t++) {
      Integer c = classOf.putIfAbsent(keys[t], classOf.size());
      tupleClass[t] = c == null ? classOf.size() - 1 : c;
      sizes[tupleClass[t]] += table.tupleCount[t];
    }
    this.classes = classOf.size();
    this.classSize = Arrays.copyOf(sizes, classes);
    int[] distinct = l > 1 ? distinctSensitive(table) : null;
    this.classSuppressed = new boolean[classes];
    int suppressedRecords = 0;
    long kept = 0;
    long all = 0;
    int keptClasses = 0;
    for (int c = 0; c < classes; c++) {
      long square = (long) classSize[c] * classSize[c];
      all += square;
      classSuppressed[c] = classSize[c] < k || (distinct != null && distinct[c] < l);
      if (classSuppressed[c]) {
        suppressedRecords += classSize[c];
      } else {
        kept += square;
        keptClasses++;
      }
    }
    this.suppressed = suppressedRecords;
    this.discernibility = kept + (long) suppressedRecords * table.rows;
    this.discernibilityBound = all;
    double keptLoss = 0;
    double allLoss = 0;
    for (int t = 0; t < tuples; t++) {
      double cell = 0;
      for (int j = 0; j < table.columns; j++) {
        cell += table.loss[j][levels[j]][table.tupleLeaves[t][j]];
      }
      double weighted = cell / table.columns * table.tupleCount[t];
      allLoss += weighted;
      if (!classSuppressed[tupleClass[t]]) {
        keptLoss += weighted;
      }
    }
    this.loss = table.rows == 0 ? 0 : (keptLoss + suppressedRecords) / table.rows;
    this.lossBound = table.rows == 0 ? 0 : allLoss / table.rows;
    this.keptClasses = keptClasses;
  }

  /** Mixed-radix keys, renumbered densely whenever the radix would overflow a long. */
  private void keyColumns(EncodedTable table, long[] keys) {
    long radix = 1;
    for (int j = 0; j < table.columns; j++) {
      int[] code = table.codes[j][levels[j]];
      int card = table.cardinality[j][levels[j]];
      if (radix > Long.MAX_VALUE / card) {
        radix = renumber(keys);
      }
      for (int t = 0; t < keys.length; t++) {
        keys[t] = keys[t] * card + code[table.tupleLeaves[t][j]];
      }
      radix *= card;
    }
  }

  private static long renumber(long[] keys) {
    Map<Long, Long> dense = new HashMap<>();
    for (int t = 0; t < keys.length; t++) {
      Long previous = dense.putIfAbsent(keys[t], (long) dense.size());
      keys[t] = previous == null ? dense.size() - 1 : previous;
    }
    return Math.max(1, dense.size());
  }

  private int[] distinctSensitive(EncodedTable table) {
    int[] distinct = new int[classes];
    Set<Long> seen = new HashSet<>();
    for (int t = 0; t < tupleClass.length; t++) {
      if (seen.add((long) tupleClass[t] << 32 | table.tupleSensitive[t])) {
        distinct[tupleClass[t]]++;
      }
    }
    return distinct;
  }

  double value(Metric metric) {
    return metric == Metric.DISCERNIBILITY ? discernibility : loss;
  }

  double bound(Metric metric) {
    return metric == Metric.DISCERNIBILITY ? discernibilityBound : lossBound;
  }
}
