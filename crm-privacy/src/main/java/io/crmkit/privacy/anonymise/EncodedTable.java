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
    for (int j = 0; j < columns; j++) {
      Map<String, Integer> leafIndex = new HashMap<>();
      for (int r = 0; r < rows; r++) {
        String value = table.rows().get(r).get(qi[j]);
        rowLeaf[j][r] = leafIndex.computeIfAbsent(value, v -> leafIndex.size());
      }
      String[] leafValues = new String[leafIndex.size()];
      leafIndex.forEach((value, index) -> leafValues[index] = value);
      leaves.add(List.of(leafValues));
      encodeLevels(j, names.get(j), hierarchies.get(j), leafValues);
    }
    Map<List<Integer>, Integer> tupleIndex = new HashMap<>();
    Map<String, Integer> sensitiveIndex = new HashMap<>();
    List<int[]> tuples = new ArrayList<>();
    List<Integer> sensitiveCodes = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    this.rowTuple = new int[rows];
    for (int r = 0; r < rows; r++) {
      int[] tuple = new int[columns];
      List<Integer> key = new ArrayList<>(columns + 1);
      for (int j = 0; j < columns; j++) {
        tuple[j] = rowLeaf[j][r];
        key.add(tuple[j]);
      }
      int sensitiveCode = sensitive < 0 ? 0
          : sensitiveIndex.computeIfAbsent(table.rows().get(r).get(sensitive), v -> sensitiveIndex.size());
      key.add(sensitiveCode);
      Integer t = tupleIndex.get(key);
      if (t == null) {
        t = tuples.size();
        tupleIndex.put(key, t);
        tuples.add(tuple);
        sensitiveCodes.add(sensitiveCode);
        counts.add(0);
      }
      counts.set(t, counts.get(t) + 1);
      rowTuple[r] = t;
    }
    this.tupleLeaves = tuples.toArray(int[][]::new);
    this.tupleSensitive = sensitiveCodes.stream().mapToInt(Integer::intValue).toArray();
    this.tupleCount = counts.stream().mapToInt(Integer::intValue).toArray();
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
