package io.crmkit.privacy.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of the output on small random tables, and agreement with {@link BruteForce} over the
 * whole lattice (so the pruning never loses the optimum).
 */
class AnonymiserProperties {

  /** A random table with its random tree hierarchies and settings. */
  record Case(Table table, Settings settings) {
    @Override
    public String toString() {
      return "k=" + settings.k() + " l=" + settings.l() + " limit=" + settings.suppressionLimit()
          + " metric=" + settings.metric() + " rows=" + table.rows();
    }
  }

  @Property(tries = 150)
  void every_kept_class_has_k_records_and_l_sensitive_values(@ForAll("cases") Case c) {
    Anonymiser.Result result;
    try {
      result = Anonymiser.anonymise(c.table(), c.settings());
    } catch (Anonymiser.NoSolutionException e) {
      assertThat(BruteForce.optimum(c.table(), c.settings())).isNull();
      return;
    }
    List<String> names = new ArrayList<>(c.settings().quasiIdentifiers().keySet());
    Set<Integer> suppressed = new HashSet<>(result.suppressedRows());
    Map<List<String>, List<Integer>> classes = new HashMap<>();
    for (int r = 0; r < result.table().size(); r++) {
      List<String> row = result.table().rows().get(r);
      if (suppressed.contains(r)) {
        names.forEach(name -> assertThat(row.get(result.table().column(name))).isEqualTo("*"));
        continue;
      }
      List<String> key = names.stream().map(name -> row.get(result.table().column(name))).toList();
      classes.computeIfAbsent(key, x -> new ArrayList<>()).add(r);
    }
    long discernibility = (long) suppressed.size() * c.table().size();
    for (List<Integer> members : classes.values()) {
      assertThat(members).hasSizeGreaterThanOrEqualTo(c.settings().k());
      c.settings().sensitive().ifPresent(column -> assertThat(members.stream()
          .map(r -> result.table().rows().get(r).get(result.table().column(column))).distinct().count())
          .isGreaterThanOrEqualTo(c.settings().l()));
      discernibility += (long) members.size() * members.size();
    }
    assertThat(suppressed.size())
        .isLessThanOrEqualTo((int) Math.floor(c.settings().suppressionLimit() * c.table().size() + 1e-9));
    assertThat(result.report().suppressedRecords()).isEqualTo(suppressed.size());
    assertThat(result.report().classes()).isEqualTo(classes.size());
    assertThat(result.report().discernibility()).isEqualTo(discernibility);
  }

  @Property(tries = 150)
  void the_optimum_equals_a_brute_force_over_the_whole_lattice(@ForAll("cases") Case c) {
    Double expected = BruteForce.optimum(c.table(), c.settings());
    if (expected == null) {
      assertThatThrownBy(() -> Anonymiser.anonymise(c.table(), c.settings()))
          .isInstanceOf(Anonymiser.NoSolutionException.class);
      return;
    }
    Anonymiser.Report report = Anonymiser.anonymise(c.table(), c.settings()).report();
    double found = c.settings().metric() == Metric.DISCERNIBILITY
        ? report.discernibility() : report.generalisationLoss();
    assertThat(found).isCloseTo(expected, within(1e-9));
    BruteForce.Node chosen = BruteForce.allNodes(c.table(), c.settings()).stream()
        .filter(node -> node.levels().equals(List.copyOf(report.levels().values())))
        .findFirst().orElseThrow();
    assertThat(chosen.anonymous()).isTrue();
    assertThat(chosen.suppressed()).isEqualTo(report.suppressedRecords());
    assertThat(chosen.discernibility()).isEqualTo(report.discernibility());
    assertThat(chosen.loss()).isCloseTo(report.generalisationLoss(), within(1e-9));
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Integer> columns = Arbitraries.integers().between(1, 3);
    return columns.flatMap(width -> Combinators.combine(
        hierarchyShapes().list().ofSize(width),
        Arbitraries.integers().between(1, 40),
        Arbitraries.integers().between(1, 4),
        Arbitraries.of(0.0, 0.05, 0.1, 0.3),
        Arbitraries.integers().between(1, 3),
        Arbitraries.of(Metric.values()),
        Arbitraries.longs()).as(AnonymiserProperties::build));
  }

  /** A hierarchy shape: leaves 1..6, then groups of fan-out 2 or 3 up to one {@code *}. */
  private static Arbitrary<int[]> hierarchyShapes() {
    return Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.integers().between(2, 3))
        .as((leaves, fanOut) -> new int[] {leaves, fanOut});
  }

  private static Case build(List<int[]> shapes, int rows, int k, double limit, int l, Metric metric, long seed) {
    java.util.Random random = new java.util.Random(seed);
    Map<String, Hierarchy> qi = new LinkedHashMap<>();
    List<String> header = new ArrayList<>();
    for (int j = 0; j < shapes.size(); j++) {
      header.add("q" + j);
      qi.put("q" + j, tree(shapes.get(j)[0], shapes.get(j)[1]));
    }
    header.add("s");
    List<List<String>> data = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      List<String> row = new ArrayList<>();
      for (int[] shape : shapes) {
        row.add("v" + random.nextInt(shape[0]));
      }
      row.add("s" + random.nextInt(3));
      data.add(row);
    }
    Settings settings = Settings.kAnonymity(k, qi).withSuppressionLimit(limit).optimising(metric);
    if (l > 1) {
      settings = settings.withDistinctLDiversity("s", l);
    }
    return new Case(new Table(header, data), settings);
  }

  /** Leaves v0..v(n-1); level i groups leaf index by fanOut^i until one group is left, then {@code *}. */
  private static Hierarchy tree(int leaves, int fanOut) {
    Map<String, List<String>> paths = new LinkedHashMap<>();
    for (int leaf = 0; leaf < leaves; leaf++) {
      List<String> path = new ArrayList<>();
      path.add("v" + leaf);
      for (int group = fanOut; group < leaves; group *= fanOut) {
        path.add("g" + group + "-" + leaf / group);
      }
      path.add("*");
      paths.put("v" + leaf, path);
    }
    return Hierarchy.of(paths);
  }
}
