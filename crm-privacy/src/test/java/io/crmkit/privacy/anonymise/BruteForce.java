package io.crmkit.privacy.anonymise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An independent, deliberately naive reference: every node of the lattice evaluated on the rows
 * themselves with string keys, no encoding and no pruning. The search must agree with it.
 */
final class BruteForce {
  private BruteForce() {}

  /** One node's figures. */
  record Node(List<Integer> levels, boolean anonymous, int suppressed, long discernibility, double loss) {
    double value(Metric metric) {
      return metric == Metric.DISCERNIBILITY ? discernibility : loss;
    }
  }

  static List<Node> allNodes(Table table, Settings settings) {
    List<String> names = new ArrayList<>(settings.quasiIdentifiers().keySet());
    List<Hierarchy> hierarchies = new ArrayList<>(settings.quasiIdentifiers().values());
    List<Node> nodes = new ArrayList<>();
    Map<String, Double> cellLosses = new HashMap<>();
    for (List<Integer> levels : levelVectors(hierarchies)) {
      nodes.add(evaluate(table, settings, names, hierarchies, levels, cellLosses));
    }
    return nodes;
  }

  /** The best anonymous node's metric value, or null if none is anonymous. */
  static Double optimum(Table table, Settings settings) {
    return allNodes(table, settings).stream().filter(Node::anonymous)
        .map(node -> node.value(settings.metric())).min(Double::compare).orElse(null);
  }

  private static Node evaluate(Table table, Settings settings, List<String> names,
      List<Hierarchy> hierarchies, List<Integer> levels, Map<String, Double> cellLosses) {
    int n = table.size();
    Map<List<String>, List<Integer>> classes = new HashMap<>();
    for (int r = 0; r < n; r++) {
      List<String> key = new ArrayList<>();
      for (int j = 0; j < names.size(); j++) {
        key.add(hierarchies.get(j).generalise(table.rows().get(r).get(table.column(names.get(j))), levels.get(j)));
      }
      classes.computeIfAbsent(key, x -> new ArrayList<>()).add(r);
    }
    int suppressed = 0;
    long discernibility = 0;
    Set<Integer> suppressedRows = new HashSet<>();
    for (List<Integer> members : classes.values()) {
      Set<String> sensitive = new HashSet<>();
      settings.sensitive().ifPresent(column ->
          members.forEach(r -> sensitive.add(table.rows().get(r).get(table.column(column)))));
      if (members.size() < settings.k() || (settings.l() > 1 && sensitive.size() < settings.l())) {
        suppressed += members.size();
        suppressedRows.addAll(members);
      } else {
        discernibility += (long) members.size() * members.size();
      }
    }
    discernibility += (long) suppressed * n;
    double loss = 0;
    for (int r = 0; r < n; r++) {
      if (suppressedRows.contains(r)) {
        loss += 1;
        continue;
      }
      double cells = 0;
      for (int j = 0; j < names.size(); j++) {
        String column = names.get(j);
        Hierarchy hierarchy = hierarchies.get(j);
        String value = table.rows().get(r).get(table.column(column));
        int level = levels.get(j);
        cells += cellLosses.computeIfAbsent(column + "@" + level + "@" + value,
            x -> cellLoss(table, column, hierarchy, level, value));
      }
      loss += cells / names.size();
    }
    boolean anonymous = suppressed <= Math.floor(settings.suppressionLimit() * n + 1e-9);
    return new Node(levels, anonymous, suppressed, discernibility, n == 0 ? 0 : loss / n);
  }

  /** (leaves under the generalised value - 1) / (leaves - 1), leaves being the column's distinct values. */
  private static double cellLoss(Table table, String column, Hierarchy hierarchy, int level, String value) {
    Set<String> leaves = new HashSet<>();
    table.rows().forEach(row -> leaves.add(row.get(table.column(column))));
    if (leaves.size() == 1) {
      return 0;
    }
    String generalised = hierarchy.generalise(value, level);
    long covered = leaves.stream().filter(leaf -> hierarchy.generalise(leaf, level).equals(generalised)).count();
    return (covered - 1) / (double) (leaves.size() - 1);
  }

  private static List<List<Integer>> levelVectors(List<Hierarchy> hierarchies) {
    List<List<Integer>> vectors = new ArrayList<>();
    vectors.add(List.of());
    for (Hierarchy hierarchy : hierarchies) {
      List<List<Integer>> longer = new ArrayList<>();
      for (List<Integer> prefix : vectors) {
        for (int level = 0; level < hierarchy.height(); level++) {
          List<Integer> vector = new ArrayList<>(prefix);
          vector.add(level);
          longer.add(vector);
        }
      }
      vectors = longer;
    }
    return vectors;
  }
}
