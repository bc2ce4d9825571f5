package io.crmkit.privacy.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of local recoding on small random tables mixing categorical columns (random tree
 * hierarchies, some without one top value) and numeric ones (ages with bands): every class is k-anonymous and l-diverse, every
 * cell generalises its input value, and the report is exactly what the output shows.
 */
class LocalRecodingProperties {
  private static final Pattern RANGE = Pattern.compile("\\[(-?[0-9.]+)-(-?[0-9.]+)]");

  /** A random table with its hierarchies and settings; numeric columns are named n0, n1, ... */
  record Case(Table table, Settings settings) {
    @Override
    public String toString() {
      return "k=" + settings.k() + " l=" + settings.l() + " limit=" + settings.suppressionLimit()
          + " columns=" + settings.quasiIdentifiers().keySet() + " rows=" + table.rows();
    }
  }

  @Property(tries = 200)
  void every_class_has_k_records_and_l_sensitive_values_and_the_report_matches_the_output(
      @ForAll("cases") Case c) {
    Table input = c.table();
    Settings settings = c.settings();
    Anonymiser.Result result;
    try {
      result = Anonymiser.anonymise(input, settings);
    } catch (Anonymiser.NoSolutionException e) {
      long diagnoses = input.rows().stream().map(row -> row.get(input.column("s"))).distinct().count();
      assertThat(input.size() < settings.k() || diagnoses < settings.l()).as("the whole table fails").isTrue();
      assertThat(input.size()).isGreaterThan(budget(c));
      return;
    }
    List<String> names = new ArrayList<>(settings.quasiIdentifiers().keySet());
    Set<Integer> suppressed = new HashSet<>(result.suppressedRows());
    Map<List<String>, List<Integer>> classes = new HashMap<>();
    for (int r = 0; r < result.table().size(); r++) {
      List<String> row = result.table().rows().get(r);
      List<String> key = names.stream().map(name -> row.get(result.table().column(name))).toList();
      if (suppressed.contains(r)) {
        assertThat(key).containsOnly(Hierarchies.ANY);
      } else {
        classes.computeIfAbsent(key, x -> new ArrayList<>()).add(r);
      }
    }
    long discernibility = (long) suppressed.size() * input.size();
    for (List<Integer> members : classes.values()) {
      assertThat(members).hasSizeGreaterThanOrEqualTo(settings.k());
      assertThat(members.stream().map(r -> input.rows().get(r).get(input.column("s"))).distinct().count())
          .isGreaterThanOrEqualTo(settings.l());
      discernibility += (long) members.size() * members.size();
    }
    assertThat(suppressed.size()).isLessThanOrEqualTo(Math.max(budget(c), 0));
    assertThat(result.report().suppressedRecords()).isEqualTo(suppressed.size());
    assertThat(result.report().classes()).isEqualTo(classes.size());
    assertThat(result.report().discernibility()).isEqualTo(discernibility);
    assertThat(result.report().generalisationLoss()).isCloseTo(loss(input, result, settings), within(1e-9));
  }

  @Property(tries = 200)
  void every_cell_generalises_its_input_value_and_other_columns_pass_through(@ForAll("cases") Case c) {
    Anonymiser.Result result;
    try {
      result = Anonymiser.anonymise(c.table(), c.settings());
    } catch (Anonymiser.NoSolutionException e) {
      return;
    }
    Table input = c.table();
    for (int r = 0; r < input.size(); r++) {
      List<String> in = input.rows().get(r);
      List<String> out = result.table().rows().get(r);
      assertThat(out.get(input.column("s"))).isEqualTo(in.get(input.column("s")));
      for (Map.Entry<String, Hierarchy> qi : c.settings().quasiIdentifiers().entrySet()) {
        int column = input.column(qi.getKey());
        assertThat(covers(qi.getValue(), out.get(column), in.get(column)))
            .as("%s covers %s", out.get(column), in.get(column)).isTrue();
      }
    }
  }

  private static int budget(Case c) {
    return (int) Math.floor(c.settings().suppressionLimit() * c.table().size() + 1e-9);
  }

  private static boolean covers(Hierarchy hierarchy, String cell, String value) {
    if (cell.equals(Hierarchies.ANY) || cell.equals(value)) {
      return true;
    }
    Matcher range = RANGE.matcher(cell);
    if (range.matches()) {
      double v = Double.parseDouble(value);
      return Double.parseDouble(range.group(1)) <= v && v <= Double.parseDouble(range.group(2));
    }
    for (int level = 0; level < hierarchy.height(); level++) {
      if (hierarchy.generalise(value, level).equals(cell)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The mean over cells of (distinct input values the cell covers - 1) / (distinct values - 1), a
   * suppressed record losing 1 in each cell.
   */
  private static double loss(Table input, Anonymiser.Result result, Settings settings) {
    if (input.size() == 0) {
      return 0;
    }
    double total = 0;
    for (int r = 0; r < input.size(); r++) {
      if (result.suppressedRows().contains(r)) {
        total += settings.quasiIdentifiers().size();
        continue;
      }
      for (Map.Entry<String, Hierarchy> qi : settings.quasiIdentifiers().entrySet()) {
        int column = input.column(qi.getKey());
        String cell = result.table().rows().get(r).get(column);
        Set<String> values = new HashSet<>();
        input.rows().forEach(row -> values.add(row.get(column)));
        String original = input.rows().get(r).get(column);
        long covered = values.stream()
            .filter(v -> covered(qi.getKey(), qi.getValue(), cell, v, original)).count();
        total += values.size() == 1 ? 0 : (covered - 1) / (double) (values.size() - 1);
      }
    }
    return total / input.size() / settings.quasiIdentifiers().size();
  }

  /** Whether the cell written for {@code original} stands for {@code other} too. */
  private static boolean covered(String column, Hierarchy hierarchy, String cell, String other, String original) {
    if (cell.equals(Hierarchies.ANY)) {
      return true;
    }
    if (column.startsWith("n")) {
      return RANGE.matcher(cell).matches() ? covers(hierarchy, cell, other) : other.equals(cell);
    }
    int level = 0;
    while (!hierarchy.generalise(original, level).equals(cell)) {
      level++;
    }
    return hierarchy.generalise(other, level).equals(cell);
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<int[]> column = Combinators.combine(Arbitraries.integers().between(0, 1),
        Arbitraries.integers().between(1, 30), Arbitraries.integers().between(2, 3),
        Arbitraries.integers().between(0, 1))
        .as((numeric, size, fanOut, rooted) -> new int[] {numeric, size, fanOut, rooted});
    return Combinators.combine(
        column.list().ofMinSize(1).ofMaxSize(3),
        Arbitraries.integers().between(0, 60),
        Arbitraries.integers().between(1, 5),
        Arbitraries.of(0.0, 0.1, 1.0),
        Arbitraries.integers().between(1, 3),
        Arbitraries.longs()).as(LocalRecodingProperties::build);
  }

  private static Case build(List<int[]> columns, int rows, int k, double limit, int l, long seed) {
    Random random = new Random(seed);
    Map<String, Hierarchy> qi = new LinkedHashMap<>();
    List<String> header = new ArrayList<>();
    for (int j = 0; j < columns.size(); j++) {
      boolean numeric = columns.get(j)[0] == 1;
      String name = (numeric ? "n" : "c") + j;
      header.add(name);
      qi.put(name, numeric ? Hierarchies.ageBands(5, 10)
          : tree(Math.min(columns.get(j)[1], 6), columns.get(j)[2], columns.get(j)[3] == 1));
    }
    header.add("s");
    List<List<String>> data = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      List<String> row = new ArrayList<>();
      for (int[] column : columns) {
        row.add(column[0] == 1 ? String.valueOf(random.nextInt(column[1])) : "v" + random.nextInt(Math.min(column[1], 6)));
      }
      row.add("s" + random.nextInt(3));
      data.add(row);
    }
    Settings settings = Settings.kAnonymity(k, qi).withSuppressionLimit(limit)
        .withRecoding(Settings.Recoding.LOCAL);
    if (l > 1) {
      settings = settings.withDistinctLDiversity("s", l);
    }
    return new Case(new Table(header, data), settings);
  }

  /**
   * Leaves v0..v(n-1); level i groups leaf index by fanOut^i until one group is left, then
   * {@code *} if rooted (else the top level may hold several groups).
   */
  private static Hierarchy tree(int leaves, int fanOut, boolean rooted) {
    Map<String, List<String>> paths = new LinkedHashMap<>();
    for (int leaf = 0; leaf < leaves; leaf++) {
      List<String> path = new ArrayList<>();
      path.add("v" + leaf);
      for (int group = fanOut; group < leaves; group *= fanOut) {
        path.add("g" + group + "-" + leaf / group);
      }
      if (rooted || path.size() == 1) {
        path.add("*");
      }
      paths.put("v" + leaf, path);
    }
    return Hierarchy.of(paths);
  }
}
