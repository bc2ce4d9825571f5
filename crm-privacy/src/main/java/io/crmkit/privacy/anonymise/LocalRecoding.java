package io.crmkit.privacy.anonymise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Local recoding ({@link Settings.Recoding#LOCAL}): partitions the table with {@link Mondrian} and
 * writes each class's records with the tightest generalisation of their values. A categorical cell
 * becomes the lowest common ancestor of the class's values in the column's hierarchy (the value
 * itself if the class holds one, {@code *} if the hierarchy has no common top for them); a numeric
 * cell becomes {@code [low-high]}, the smallest and
 * largest value in the class as written in the table (the value itself if they are equal).
 *
 * <p>Classes are the records sharing their output cells, so the report is computed from exactly
 * what is written. Records are suppressed only when the whole table cannot satisfy k (or l): then
 * every record is, if the budget allows it.
 */
final class LocalRecoding {
  private LocalRecoding() {}

  static Anonymiser.Result anonymise(Table table, Settings settings) {
    EncodedTable encoded = new EncodedTable(table, settings);
    int[][] ranks = new int[encoded.columns][];
    for (int j = 0; j < encoded.columns; j++) {
      ranks[j] = NumericOrder.ranks(encoded.leaves.get(j));
    }
    Mondrian mondrian = new Mondrian(encoded, ranks, settings.k(), settings.l());
    List<int[]> parts = mondrian.partition();
    if (parts.isEmpty()) {
      int budget = (int) Math.floor(settings.suppressionLimit() * table.size() + 1e-9);
      if (table.size() > budget) {
        throw new Anonymiser.NoSolutionException(settings);
      }
      return suppressAll(table, settings, mondrian.examined());
    }
    List<String> names = new ArrayList<>(settings.quasiIdentifiers().keySet());
    List<Hierarchy> hierarchies = new ArrayList<>(settings.quasiIdentifiers().values());
    Map<List<String>, Integer> classOf = new HashMap<>();
    List<List<String>> classCells = new ArrayList<>();
    int[] tupleClass = new int[encoded.tuples()];
    long[] classSize = new long[parts.size()];
    double lossSum = 0;
    for (int[] part : parts) {
      String[] cells = new String[encoded.columns];
      double cellLoss = 0;
      for (int j = 0; j < encoded.columns; j++) {
        if (ranks[j] != null) {
          int[] range = Mondrian.rankRange(encoded, ranks[j], j, part);
          cells[j] = range(encoded.leaves.get(j), ranks[j], range);
          int leaves = encoded.leaves.get(j).size();
          cellLoss += leaves == 1 ? 0 : (range[1] - range[0]) / (double) (leaves - 1);
        } else {
          int level = Mondrian.commonLevel(encoded, j, part);
          int leaf = encoded.tupleLeaves[part[0]][j];
          cells[j] = level == encoded.heights[j] ? Hierarchies.ANY
              : hierarchies.get(j).generalise(encoded.leaves.get(j).get(leaf), level);
          cellLoss += Mondrian.loss(encoded, j, level, leaf);
        }
      }
      List<String> key = List.of(cells);
      int c = classOf.computeIfAbsent(key, x -> classCells.size());
      if (c == classCells.size()) {
        classCells.add(key);
      }
      long records = 0;
      for (int t : part) {
        tupleClass[t] = c;
        records += encoded.tupleCount[t];
      }
      classSize[c] += records;
      lossSum += cellLoss / encoded.columns * records;
    }
    int[] qi = names.stream().mapToInt(table::column).toArray();
    List<List<String>> rows = new ArrayList<>(table.size());
    for (int r = 0; r < table.size(); r++) {
      String[] row = table.rows().get(r).toArray(String[]::new);
      List<String> cells = classCells.get(tupleClass[encoded.rowTuple[r]]);
      for (int j = 0; j < qi.length; j++) {
        row[qi[j]] = cells.get(j);
      }
      rows.add(List.of(row));
    }
    int classes = classCells.size();
    long discernibility = Arrays.stream(classSize, 0, classes).map(size -> size * size).sum();
    Anonymiser.Report report = new Anonymiser.Report(Map.of(), 0, discernibility, classes,
        table.size() / (double) classes, lossSum / table.size(), 0, mondrian.examined());
    return new Anonymiser.Result(new Table(table.header(), rows), List.of(), report);
  }

  /** {@code [low-high]} as written in the table, or the value itself when the class holds one. */
  private static String range(List<String> leaves, int[] rank, int[] range) {
    String low = null;
    String high = null;
    for (int leaf = 0; leaf < rank.length; leaf++) {
      if (rank[leaf] == range[0]) {
        low = leaves.get(leaf);
      }
      if (rank[leaf] == range[1]) {
        high = leaves.get(leaf);
      }
    }
    return range[0] == range[1] ? low : "[" + low + "-" + high + "]";
  }

  private static Anonymiser.Result suppressAll(Table table, Settings settings, int examined) {
    int[] qi = settings.quasiIdentifiers().keySet().stream().mapToInt(table::column).toArray();
    List<List<String>> rows = new ArrayList<>(table.size());
    List<Integer> suppressed = new ArrayList<>(table.size());
    for (int r = 0; r < table.size(); r++) {
      List<String> row = new ArrayList<>(table.rows().get(r));
      for (int column : qi) {
        row.set(column, Hierarchies.ANY);
      }
      rows.add(row);
      suppressed.add(r);
    }
    long n = table.size();
    Anonymiser.Report report = new Anonymiser.Report(Map.of(), table.size(), n * n, 0, 0,
        n == 0 ? 0 : 1, 0, examined);
    return new Anonymiser.Result(new Table(table.header(), rows), suppressed, report);
  }
}
