package io.crmkit.privacy.anonymise;

import io.crmkit.core.common.CrmException;
import io.crmkit.core.common.Require;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * k-anonymity (with optional distinct l-diversity) by full-domain generalisation: every value of a
 * quasi-identifier is recoded to the same level of its hierarchy, the output is consistent, and the
 * level vector is the optimum of the chosen {@link Metric} over the whole lattice of level vectors.
 *
 * <p>The search is complete, not greedy. With a suppression budget it visits nodes bottom-up (by
 * the sum of their levels) and prunes with monotonicity: classes only merge as levels rise, so a
 * node's metric computed as if nothing were suppressed is a lower bound for that node and every
 * generalisation of it (and a node that is k-anonymous within the budget stays so above). Once that
 * bound reaches the best value found, the node and everything above it are skipped. Without
 * suppression, being anonymous is monotone both ways and the search runs top-down, tagging every
 * specialisation of a non-anonymous node without evaluating it. Ties go to the node with the lower
 * level sum, then the lexicographically smaller level vector.
 *
 * <p>With {@link Settings.Recoding#LOCAL} the table is instead recoded locally, class by class, in
 * the manner of Mondrian (see that constant); the privacy model and the report are the same.
 */
public final class Anonymiser {
  /** Lattices above this many nodes are refused rather than searched for hours. */
  static final long MAX_NODES = 50_000_000L;

  private Anonymiser() {}

  /**
   * Anonymises a table.
   *
   * @param table the data; columns other than the quasi-identifiers pass through unchanged
   * @param settings the privacy model, suppression budget and metric
   * @return the output table, the suppressed rows and the report
   * @throws IllegalArgumentException if a quasi-identifier value is missing from its hierarchy or a
   *     named column is missing
   * @throws NoSolutionException if no node satisfies the settings, even the most general one
   */
  public static Result anonymise(Table table, Settings settings) {
    Require.notNull(table, "table");
    Require.notNull(settings, "settings");
    if (settings.recoding() == Settings.Recoding.LOCAL) {
      return LocalRecoding.anonymise(table, settings);
    }
    EncodedTable encoded = new EncodedTable(table, settings);
    Lattice lattice = new Lattice(encoded.heights, MAX_NODES);
    Search search = new Search(encoded, lattice, settings);
    Partition best = search.run();
    if (best == null) {
      throw new NoSolutionException(settings);
    }
    Partition byTuple = best.fromTuples ? best : new Partition(encoded, best.levels, settings.k(), settings.l());
    return Recoding.apply(table, settings, encoded, byTuple, search.evaluated(), lattice.size());
  }

  /**
   * The anonymised table with its report.
   *
   * @param table every input row in input order, quasi-identifiers at the chosen levels (with
   *     local recoding: each class's own generalisation, a hierarchy value or a numeric range
   *     {@code [low-high]}), a suppressed row's quasi-identifiers all {@code *}
   * @param suppressedRows the indices of the suppressed rows, ascending
   * @param report the utility and the chosen levels
   */
  public record Result(Table table, List<Integer> suppressedRows, Report report) {
    /** Copies the row list so the result stays immutable. */
    public Result {
      Require.notNull(table, "table");
      suppressedRows = List.copyOf(Require.notNull(suppressedRows, "suppressedRows"));
      Require.notNull(report, "report");
    }
  }

  /**
   * The utility of the chosen transformation, in the terms the issue and ARX report.
   *
   * @param levels each quasi-identifier's chosen level, in settings order; empty with local
   *     recoding, where each class has its own generalisation
   * @param suppressedRecords records suppressed (classes below k or l)
   * @param discernibility sum of squared sizes of the kept classes, plus n per suppressed record
   * @param classes kept equivalence classes
   * @param averageClassSize kept records per kept class (0 if none)
   * @param generalisationLoss see {@link Metric#GENERALISATION_LOSS}, 0 to 1
   * @param latticeSize nodes in the lattice; 0 with local recoding, which searches no lattice
   * @param nodesEvaluated nodes whose classes were computed (the rest were pruned); with local
   *     recoding, the partitions examined (split or kept)
   */
  public record Report(
      Map<String, Integer> levels,
      int suppressedRecords,
      long discernibility,
      int classes,
      double averageClassSize,
      double generalisationLoss,
      long latticeSize,
      long nodesEvaluated) {
    /** Copies the levels so the report stays immutable. */
    public Report {
      levels = Collections.unmodifiableMap(new LinkedHashMap<>(Require.notNull(levels, "levels")));
    }
  }

  /** No transformation satisfies the settings, not even the most general one within the budget. */
  public static final class NoSolutionException extends CrmException {
    private static final long serialVersionUID = 1L;

    NoSolutionException(Settings settings) {
      super("no generalisation satisfies k = " + settings.k()
          + (settings.l() > 1 ? ", l = " + settings.l() + " on " + settings.sensitiveColumn() : "")
          + " with at most " + settings.suppressionLimit() * 100 + "% of records suppressed");
    }
  }

  /** Builds the output table of the chosen node. */
  private static final class Recoding {
    static Result apply(Table table, Settings settings, EncodedTable encoded, Partition best,
        long evaluated, long latticeSize) {
      List<String> names = new ArrayList<>(settings.quasiIdentifiers().keySet());
      int[] qi = names.stream().mapToInt(table::column).toArray();
      String[][] generalised = generalisedLeaves(settings, encoded, names, best.levels);
      List<List<String>> rows = new ArrayList<>(table.size());
      List<Integer> suppressed = new ArrayList<>();
      for (int r = 0; r < table.size(); r++) {
        String[] row = table.rows().get(r).toArray(String[]::new);
        int tuple = encoded.rowTuple[r];
        boolean gone = best.classSuppressed[best.itemClass[tuple]];
        if (gone) {
          suppressed.add(r);
        }
        for (int j = 0; j < qi.length; j++) {
          row[qi[j]] = gone ? Hierarchies.ANY : generalised[j][encoded.tupleLeaves[tuple][j]];
        }
        rows.add(List.of(row));
      }
      Map<String, Integer> levels = new LinkedHashMap<>();
      for (int j = 0; j < names.size(); j++) {
        levels.put(names.get(j), best.levels[j]);
      }
      int kept = table.size() - best.suppressed;
      Report report = new Report(levels, best.suppressed, best.discernibility, best.keptClasses,
          best.keptClasses == 0 ? 0 : kept / (double) best.keptClasses, best.loss,
          latticeSize, evaluated);
      return new Result(new Table(table.header(), rows), suppressed, report);
    }

    /** Each column's leaves at the chosen level, asked of the hierarchy once per leaf, not per row. */
    private static String[][] generalisedLeaves(Settings settings, EncodedTable encoded, List<String> names,
        int[] levels) {
      String[][] generalised = new String[names.size()][];
      for (int j = 0; j < names.size(); j++) {
        Hierarchy hierarchy = settings.quasiIdentifiers().get(names.get(j));
        List<String> leaves = encoded.leaves.get(j);
        generalised[j] = new String[leaves.size()];
        for (int leaf = 0; leaf < leaves.size(); leaf++) {
          generalised[j][leaf] = hierarchy.generalise(leaves.get(leaf), levels[j]);
        }
      }
      return generalised;
    }
  }
}
