package io.crmkit.privacy.anonymise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The table reduced to what the search needs: the distinct combinations of quasi-identifier leaves
 * and sensitive value with their counts, and per column and level a dense code for every leaf and
 * the loss of that code. Every node of the lattice is evaluated on these tuples, never on the rows.
 */
final class EncodedTable {
  final int rows;
  final int columns;
  final int[] heights;
  /** codes[j][level][leaf]: the dense code of leaf's value at that level. */
  final int[][][] codes;
  /** cardinality[j][level]: how many distinct codes that level has. */
  final int[][] cardinality;
  /** loss[j][level][leaf]: (leaves under the generalised value - 1) / (leaves - 1). */
  final double[][][] loss;
  /** tuple t: its leaves, sensitive code and count. */
  final int[][] tupleLeaves;
  /**
   * tupleCodes[j][level][t]: tuple t's code in column j at that level, column by column so that
   * grouping the tuples of a node reads memory in order.
   */
  final int[][][] tupleCodes;
  final int[] tupleSensitive;
  final int[] tupleCount;
  /** row to its tuple. */
  final int[] rowTuple;
  /** leaf values per column, by leaf index. */
  final List<List<String>> leaves;

  EncodedTable(Table table, Settings settings) {
    List<String> names = new ArrayList<>(settings.quasiIdentifiers().keySet());
    List<Hierarchy> hierarchies = new ArrayList<>(settings.quasiIdentifiers().values());
    int[] qi = names.stream().mapToInt(table::column).toArray();
    int sensitive = settings.sensitive().map(table::column).orElse(-1);
    this.rows = table.size();
    this.columns = qi.length;
    this.heights = hierarchies.stream().mapToInt(Hierarchy::height).toArray();
    this.codes = new int[columns][][];
    this.cardinality = new int[columns][];
    this.loss = new double[columns][][];
    this.leaves = new ArrayList<>();
    int[][] rowLeaf = new int[columns][rows];
    List<Map<String, Integer>> leafIndex = new ArrayList<>();
    for (int j = 0; j < columns; j++) {
      leafIndex.add(new HashMap<>());
    }
    // Row by row, not column by column: each row's cells are read while they are in the cache.
    for (int r = 0; r < rows; r++) {
      List<String> row = table.rows().get(r);
      for (int j = 0; j < columns; j++) {
        Map<String, Integer> index = leafIndex.get(j);
        String value = row.get(qi[j]);
        Integer leaf = index.get(value);
        if (leaf == null) {
          leaf = index.size();
          index.put(value, leaf);
        }
        rowLeaf[j][r] = leaf;
      }
    }
    for (int j = 0; j < columns; j++) {
      String[] leafValues = new String[leafIndex.get(j).size()];
      leafIndex.get(j).forEach((value, index) -> leafValues[index] = value);
      leaves.add(List.of(leafValues));
      encodeLevels(j, names.get(j), hierarchies.get(j), leafValues);
    }
    this.rowTuple = new int[rows];
    int[] sensitiveCode = sensitiveCodes(table, sensitive);
    long[] keys = new long[rows];
    long radix = 1;
    for (int j = 0; j < columns; j++) {
      radix = appendColumn(keys, radix, rowLeaf[j], leaves.get(j).size());
    }
    appendColumn(keys, radix, sensitiveCode, sensitive < 0 ? 1 : rows);
    DenseKeys tupleOf = new DenseKeys(Math.min(rows, 1 << 16));
    int[] firstRow = new int[rows];
    int[] counts = new int[rows];
    for (int r = 0; r < rows; r++) {
      int before = tupleOf.size();
      int t = tupleOf.idOf(keys[r]);
      if (t == before) {
        firstRow[t] = r;
      }
      counts[t]++;
      rowTuple[r] = t;
    }
    int tuples = tupleOf.size();
    this.tupleCount = Arrays.copyOf(counts, tuples);
    this.tupleLeaves = new int[tuples][columns];
    this.tupleSensitive = new int[tuples];
    this.tupleCodes = new int[columns][][];
    for (int t = 0; t < tuples; t++) {
      for (int j = 0; j < columns; j++) {
        tupleLeaves[t][j] = rowLeaf[j][firstRow[t]];
      }
      tupleSensitive[t] = sensitiveCode[firstRow[t]];
    }
    for (int j = 0; j < columns; j++) {
      tupleCodes[j] = new int[heights[j]][tuples];
      for (int level = 0; level < heights[j]; level++) {
        int[] code = codes[j][level];
        int[] byTuple = tupleCodes[j][level];
        for (int t = 0; t < tuples; t++) {
          byTuple[t] = code[tupleLeaves[t][j]];
        }
      }
    }
  }

  private static int[] sensitiveCodes(Table table, int sensitive) {
    int[] codes = new int[table.size()];
    if (sensitive >= 0) {
      Map<String, Integer> index = new HashMap<>();
      for (int r = 0; r < codes.length; r++) {
        codes[r] = index.computeIfAbsent(table.rows().get(r).get(sensitive), v -> index.size());
      }
    }
    return codes;
  }

  /**
   * Appends one column to mixed-radix row keys, renumbering the keys densely first whenever the
   * radix would overflow a long; returns the new radix.
   */
  private static long appendColumn(long[] keys, long radix, int[] values, int cardinality) {
    int card = Math.max(1, cardinality);
    if (radix > Long.MAX_VALUE / card) {
      DenseKeys dense = new DenseKeys(keys.length);
      for (int r = 0; r < keys.length; r++) {
        keys[r] = dense.idOf(keys[r]);
      }
      radix = Math.max(1, dense.size());
    }
    for (int r = 0; r < keys.length; r++) {
      keys[r] = keys[r] * card + values[r];
    }
    return radix * card;
  }

  private void encodeLevels(int j, String name, Hierarchy hierarchy, String[] leafValues) {
    int height = heights[j];
    codes[j] = new int[height][leafValues.length];
    cardinality[j] = new int[height];
    loss[j] = new double[height][leafValues.length];
    for (int level = 0; level < height; level++) {
      Map<String, Integer> codeOf = new HashMap<>();
      for (int leaf = 0; leaf < leafValues.length; leaf++) {
        String generalised;
        try {
          generalised = hierarchy.generalise(leafValues[leaf], level);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("column " + name + ": " + e.getMessage(), e);
        }
        codes[j][level][leaf] = codeOf.computeIfAbsent(generalised, v -> codeOf.size());
      }
      cardinality[j][level] = codeOf.size();
      int[] covered = new int[codeOf.size()];
      for (int leaf = 0; leaf < leafValues.length; leaf++) {
        covered[codes[j][level][leaf]]++;
      }
      for (int leaf = 0; leaf < leafValues.length; leaf++) {
        loss[j][level][leaf] = leafValues.length == 1 ? 0.0
            : (covered[codes[j][level][leaf]] - 1) / (double) (leafValues.length - 1);
      }
    }
    requireConsistent(j, name);
  }

  /** Codes equal at one level must stay equal above it, or the search's bounds would not hold. */
  private void requireConsistent(int j, String name) {
    for (int level = 0; level + 1 < heights[j]; level++) {
      int[] parent = new int[cardinality[j][level]];
      Arrays.fill(parent, -1);
      for (int leaf = 0; leaf < codes[j][level].length; leaf++) {
        int code = codes[j][level][leaf];
        int above = codes[j][level + 1][leaf];
        if (parent[code] >= 0 && parent[code] != above) {
          throw new IllegalArgumentException("column " + name + ": the hierarchy is not a tree at level "
              + level + " (a value there has two parents)");
        }
        parent[code] = above;
      }
    }
  }

  int tuples() {
    return tupleCount.length;
  }
}
