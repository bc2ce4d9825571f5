package io.crmkit.privacy.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * 400 rows of UCI Adult with ARX's own hierarchies (see adult/SOURCE.md), k = 5 over the issue's
 * quasi-identifiers: the files load as they are, and the pruned search agrees with the brute force
 * over all 4,320 nodes for both metrics, with and without a suppression budget.
 */
class AdultSampleTest {
  private static final List<String> QUASI_IDENTIFIERS = List.of("sex", "age", "race", "marital-status",
      "education", "native-country", "workclass", "salary-class");

  private static Reader resource(String name) {
    InputStream in = AdultSampleTest.class.getResourceAsStream("adult/" + name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("missing test resource adult/" + name));
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  private static Table adult() throws IOException {
    try (Reader reader = resource("adult_sample.csv")) {
      return Table.read(reader, ';');
    }
  }

  private static Map<String, Hierarchy> hierarchies() throws IOException {
    Map<String, Hierarchy> qi = new LinkedHashMap<>();
    for (String name : QUASI_IDENTIFIERS) {
      try (Reader reader = resource("adult_hierarchy_" + name + ".csv")) {
        qi.put(name, Hierarchy.fromCsv(reader, ';'));
      }
    }
    return qi;
  }

  @Test
  void arx_files_load_and_the_lattice_has_every_level_vector() throws IOException {
    Table adult = adult();
    Anonymiser.Report report = Anonymiser.anonymise(adult, Settings.kAnonymity(5, hierarchies())).report();

    assertThat(adult.size()).isEqualTo(400);
    assertThat(report.latticeSize()).isEqualTo(2L * 5 * 2 * 3 * 4 * 3 * 3 * 2);
    assertThat(report.nodesEvaluated()).isLessThan(report.latticeSize());
    assertThat(report.levels().keySet()).containsExactlyElementsOf(QUASI_IDENTIFIERS);
  }

  @Test
  void discernibility_optima_equal_the_brute_force_with_and_without_suppression() throws IOException {
    Table adult = adult();
    for (double limit : new double[] {0.0, 0.02}) {
      Settings settings = Settings.kAnonymity(5, hierarchies()).withSuppressionLimit(limit);
      Anonymiser.Report report = Anonymiser.anonymise(adult, settings).report();

      assertThat((double) report.discernibility()).as("limit %s", limit)
          .isEqualTo(BruteForce.optimum(adult, settings));
      assertThat(report.suppressedRecords()).isLessThanOrEqualTo((int) (limit * adult.size()));
    }
  }

  @Test
  void loss_optima_equal_the_brute_force_with_and_without_suppression() throws IOException {
    Table adult = adult();
    for (double limit : new double[] {0.0, 0.04}) {
      Settings settings = Settings.kAnonymity(5, hierarchies()).withSuppressionLimit(limit)
          .optimising(Metric.GENERALISATION_LOSS);
      Anonymiser.Report report = Anonymiser.anonymise(adult, settings).report();

      assertThat(report.generalisationLoss()).as("limit %s", limit)
          .isCloseTo(BruteForce.optimum(adult, settings), within(1e-9));
    }
  }

  @Test
  void without_suppression_only_anonymous_nodes_and_the_ones_just_below_them_are_evaluated() throws IOException {
    Table adult = adult();
    Settings settings = Settings.kAnonymity(5, hierarchies());
    Map<List<Integer>, Boolean> anonymous = new HashMap<>();
    BruteForce.allNodes(adult, settings).forEach(node -> anonymous.put(node.levels(), node.anonymous()));
    long expected = anonymous.keySet().stream()
        .filter(levels -> anonymous.get(levels) || generalisations(levels, anonymous).allMatch(anonymous::get))
        .count();

    Anonymiser.Report report = Anonymiser.anonymise(adult, settings).report();

    assertThat(anonymous.values()).contains(false);
    assertThat(report.nodesEvaluated()).isEqualTo(expected).isLessThan(report.latticeSize() / 4);
  }

  /** The nodes one level up in one column that exist in the lattice. */
  private static Stream<List<Integer>> generalisations(List<Integer> levels, Map<List<Integer>, Boolean> lattice) {
    return IntStream.range(0, levels.size()).mapToObj(j -> {
      List<Integer> up = new ArrayList<>(levels);
      up.set(j, up.get(j) + 1);
      return up;
    }).filter(lattice::containsKey);
  }

  @Test
  void occupation_can_be_held_two_ways_diverse_in_every_class() throws IOException {
    Table adult = adult();
    Settings settings = Settings.kAnonymity(5, hierarchies()).withSuppressionLimit(0.02)
        .withDistinctLDiversity("occupation", 2);
    Anonymiser.Report report = Anonymiser.anonymise(adult, settings).report();

    assertThat((double) report.discernibility()).isEqualTo(BruteForce.optimum(adult, settings));
  }
}
