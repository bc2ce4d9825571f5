package io.crmkit.privacy.anonymise;

import io.crmkit.core.common.Require;
import java.util.Arrays;

/**
 * The equivalence classes of one node (a level per quasi-identifier) and what they imply under the
 * settings: which classes are too small (fewer than k records or l distinct sensitive values) and
 * so suppressed, and the metrics with their lower bound.
 *
 * <p>Classes are built from items: the table's distinct tuples, or the classes of a node one level
 * below ({@link #rollUp}). Hierarchies are trees, so a class below never splits above, and grouping
 * its representative tuple gives the same classes from far fewer items.
 */
final class Partition {
  final int[] levels;
  /** Whether the items are the table's tuples (else the classes of a node below). */
  final boolean fromTuples;
  /** item to its class; items are tuples unless rolled up. */
  final int[] itemClass;
  /** class to one tuple in it. */
  final int[] classRep;
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

  /** Classes of a node from the table's distinct tuples (the only way that knows sensitive values). */
  Partition(EncodedTable table, int[] levels, int k, int l) {
    this(table, levels, k, l, identity(table.tuples()), table.tupleCount, true, null);
  }

  /**
   * Classes of a node one level below {@code parent} in {@code column}, from the tuples: two tuples
   * share a class here exactly when they share the parent's class and their value of that column
   * at this level (every other column is at the parent's level). So one key of two parts replaces
   * a key over every column, and the classes stay over the tuples, sensitive values included.
   */
  static Partition refine(EncodedTable table, Partition parent, int column, int[] levels, int k, int l) {
    Require.state(parent.fromTuples, "refining needs the parent's classes of the tuples");
    int[] code = table.tupleCodes[column][levels[column]];
    long card = table.cardinality[column][levels[column]];
    long[] keys = new long[table.tuples()];
    for (int t = 0; t < keys.length; t++) {
      keys[t] = parent.itemClass[t] * card + code[t];
    }
    return new Partition(table, levels, k, l, identity(table.tuples()), table.tupleCount, true, keys);
  }

  /**
   * Classes of a node from those of any node below it (every level at most this node's), for
   * k-anonymity without l-diversity: hierarchies are trees, so a class below lies inside one class
   * above.
   */
  static Partition rollUp(EncodedTable table, Partition below, int[] levels, int k) {
    return new Partition(table, levels, k, 1, below.classRep, below.classSize, false, null);
  }

  private Partition(EncodedTable table, int[] levels, int k, int l, int[] itemRep, int[] itemCount,
      boolean fromTuples, long[] givenKeys) {
    this.levels = levels.clone();
    this.fromTuples = fromTuples;
    int items = itemRep.length;
    Require.state(l == 1 || items == table.tuples(), "l-diversity needs the tuples, not rolled-up classes");
    this.itemClass = new int[items];
    long[] keys = givenKeys != null ? givenKeys : keyColumns(table, levels, itemRep);
    int[] sizes = new int[items];
    int[] reps = new int[items];
    DenseKeys classOf = new DenseKeys(items);
    for (int i = 0; i < items; i++) {
      int c = classOf.idOf(keys[i]);
      itemClass[i] = c;
      if (sizes[c] == 0) {
        reps[c] = itemRep[i];
      }
      sizes[c] += itemCount[i];
    }
    this.classes = classOf.size();
    this.classSize = Arrays.copyOf(sizes, classes);
    this.classRep = Arrays.copyOf(reps, classes);
    int[] distinct = l > 1 ? distinctSensitive(table) : null;
    this.classSuppressed = new boolean[classes];
    int suppressedRecords = 0;
    long kept = 0;
    long all = 0;
    int keptClasses = 0;
    double keptLoss = 0;
    double allLoss = 0;
    for (int c = 0; c < classes; c++) {
      long square = (long) classSize[c] * classSize[c];
      double classLoss = recordLoss(table, classRep[c]) * classSize[c];
      all += square;
      allLoss += classLoss;
      classSuppressed[c] = classSize[c] < k || (distinct != null && distinct[c] < l);
      if (classSuppressed[c]) {
        suppressedRecords += classSize[c];
      } else {
        kept += square;
        keptLoss += classLoss;
        keptClasses++;
      }
    }
    this.keptClasses = keptClasses;
    this.suppressed = suppressedRecords;
    this.discernibility = kept + (long) suppressedRecords * table.rows;
    this.discernibilityBound = all;
    this.loss = table.rows == 0 ? 0 : (keptLoss + suppressedRecords) / table.rows;
    this.lossBound = table.rows == 0 ? 0 : allLoss / table.rows;
  }

  /** Every record of a class has the same generalised values, so the same loss as its representative. */
  private double recordLoss(EncodedTable table, int tuple) {
    double cells = 0;
    for (int j = 0; j < table.columns; j++) {
      cells += table.loss[j][levels[j]][table.tupleLeaves[tuple][j]];
    }
    return cells / table.columns;
  }

  private static int[] identity(int n) {
    int[] identity = new int[n];
    Arrays.setAll(identity, i -> i);
    return identity;
  }

  /** Mixed-radix keys, renumbered densely whenever the radix would overflow a long. */
  private static long[] keyColumns(EncodedTable table, int[] levels, int[] itemRep) {
    long[] keys = new long[itemRep.length];
    long radix = 1;
    for (int j = 0; j < table.columns; j++) {
      int[] code = table.tupleCodes[j][levels[j]];
      int card = table.cardinality[j][levels[j]];
      if (radix > Long.MAX_VALUE / card) {
        radix = renumber(keys);
      }
      for (int i = 0; i < keys.length; i++) {
        keys[i] = keys[i] * card + code[itemRep[i]];
      }
      radix *= card;
    }
    return keys;
  }

  private static long renumber(long[] keys) {
    DenseKeys dense = new DenseKeys(keys.length);
    for (int i = 0; i < keys.length; i++) {
      keys[i] = dense.idOf(keys[i]);
    }
    return Math.max(1, dense.size());
  }

  private int[] distinctSensitive(EncodedTable table) {
    int[] distinct = new int[classes];
    DenseKeys seen = new DenseKeys(itemClass.length);
    for (int t = 0; t < itemClass.length; t++) {
      int before = seen.size();
      seen.idOf((long) itemClass[t] << 32 | table.tupleSensitive[t]);
      if (seen.size() > before) {
        distinct[itemClass[t]]++;
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
