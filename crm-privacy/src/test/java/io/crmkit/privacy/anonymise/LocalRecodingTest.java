package io.crmkit.privacy.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Local recoding (Mondrian) on tables small enough to follow every split by hand. */
class LocalRecodingTest {
  private static final Hierarchy COUNTRIES = Hierarchy.fromCsv(new StringReader("""
      US;North America;*
      Canada;North America;*
      Mexico;North America;*
      France;Europe;*
      Germany;Europe;*
      China;Asia;*
      """), ';');

  private static Table column(String name, String... values) {
    List<List<String>> rows = new ArrayList<>();
    for (String value : values) {
      rows.add(List.of(value, "d" + rows.size() % 3));
    }
    return new Table(List.of(name, "diagnosis"), rows);
  }

  private static Settings local(int k, String name, Hierarchy hierarchy) {
    return Settings.kAnonymity(k, Map.of(name, hierarchy)).withRecoding(Settings.Recoding.LOCAL);
  }

  private static List<String> column(Anonymiser.Result result, int index) {
    return result.table().rows().stream().map(row -> row.get(index)).toList();
  }

  @Test
  void full_domain_stays_the_default_recoding() {
    assertThat(Settings.kAnonymity(2, Map.of("age", Hierarchies.ageBands(10))).recoding())
        .isEqualTo(Settings.Recoding.FULL_DOMAIN);
  }

  @Test
  void a_numeric_column_is_cut_at_its_median_into_ranges_as_written() {
    Table ages = column("age", "27", "20", "25", "21", "22", "26", "23", "24");

    Anonymiser.Result result = Anonymiser.anonymise(ages, local(2, "age", Hierarchies.ageBands(10)));

    assertThat(column(result, 0)).containsExactly(
        "[26-27]", "[20-21]", "[24-25]", "[20-21]", "[22-23]", "[26-27]", "[22-23]", "[24-25]");
    assertThat(column(result, 1)).isEqualTo(ages.rows().stream().map(row -> row.get(1)).toList());
    assertThat(result.report().classes()).isEqualTo(4);
    assertThat(result.report().discernibility()).isEqualTo(16);
    assertThat(result.report().averageClassSize()).isEqualTo(2.0);
    // each range covers 2 of the 8 ages: (2 - 1) / (8 - 1)
    assertThat(result.report().generalisationLoss()).isCloseTo(1 / 7.0, within(1e-12));
    assertThat(result.report().levels()).isEmpty();
    assertThat(result.report().latticeSize()).isZero();
  }

  @Test
  void a_class_of_one_value_keeps_it_and_ties_never_split() {
    Table ages = column("age", "30", "30", "30", "41", "41");

    Anonymiser.Result result = Anonymiser.anonymise(ages, local(2, "age", Hierarchies.ageBands(10)));

    assertThat(column(result, 0)).containsExactly("30", "30", "30", "41", "41");
    assertThat(result.report().generalisationLoss()).isZero();
  }

  @Test
  void a_categorical_column_splits_into_its_children_and_pools_rare_ones_under_the_parent() {
    Table countries = column("country",
        "US", "US", "US", "US", "Canada", "Mexico", "France", "France", "Germany", "China");

    Anonymiser.Result result = Anonymiser.anonymise(countries, local(2, "country", COUNTRIES));

    // root: North America 6 | Europe 3 | Asia 1, too few alone, pooled with Europe under *;
    // North America: US 4 | Canada and Mexico pooled under North America (2 records)
    assertThat(column(result, 0)).containsExactly("US", "US", "US", "US", "North America",
        "North America", "*", "*", "*", "*");
    assertThat(result.report().classes()).isEqualTo(3);
    assertThat(result.report().discernibility()).isEqualTo(16 + 4 + 16);
    assertThat(result.report().suppressedRecords()).isZero();
  }

  @Test
  void the_widest_column_is_split_first_and_the_next_tried_when_it_cannot_be() {
    Map<String, Hierarchy> qi = new LinkedHashMap<>();
    qi.put("sex", Hierarchy.fromCsv(new StringReader("M;*\nF;*\n"), ';'));
    qi.put("age", Hierarchies.ageBands(10));
    Table people = new Table(List.of("sex", "age"), List.of(
        List.of("M", "20"), List.of("M", "21"), List.of("F", "22"), List.of("F", "23"),
        List.of("F", "50"), List.of("M", "51")));

    Anonymiser.Result result = Anonymiser.anonymise(people,
        Settings.kAnonymity(3, qi).withRecoding(Settings.Recoding.LOCAL));

    // sex (M 3, F 3) and age are both full width; sex splits first, then neither half can split
    assertThat(result.table().rows()).containsExactly(
        List.of("M", "[20-51]"), List.of("M", "[20-51]"), List.of("F", "[22-50]"),
        List.of("F", "[22-50]"), List.of("F", "[22-50]"), List.of("M", "[20-51]"));
  }

  @Test
  void distinct_l_diversity_refuses_a_cut_that_leaves_one_diagnosis_on_a_side() {
    Table patients = new Table(List.of("age", "diagnosis"), List.of(
        List.of("20", "flu"), List.of("21", "flu"), List.of("22", "cold"),
        List.of("23", "cold"), List.of("24", "flu"), List.of("25", "hiv")));

    Anonymiser.Result result = Anonymiser.anonymise(patients,
        local(2, "age", Hierarchies.ageBands(10)).withDistinctLDiversity("diagnosis", 2));

    // the median cut 20-22 | 23-25 keeps two diagnoses each side; 20-21 would be flu only
    assertThat(column(result, 0)).containsExactly(
        "[20-22]", "[20-22]", "[20-22]", "[23-25]", "[23-25]", "[23-25]");
  }

  @Test
  void a_table_that_cannot_reach_k_is_suppressed_whole_within_the_budget_or_refused() {
    Table ages = column("age", "20", "30", "40");

    assertThatThrownBy(() -> Anonymiser.anonymise(ages, local(4, "age", Hierarchies.ageBands(10))))
        .isInstanceOf(Anonymiser.NoSolutionException.class).hasMessageContaining("k = 4");

    Anonymiser.Result result = Anonymiser.anonymise(ages,
        local(4, "age", Hierarchies.ageBands(10)).withSuppressionLimit(1.0));
    assertThat(result.suppressedRows()).containsExactly(0, 1, 2);
    assertThat(column(result, 0)).containsOnly("*");
    assertThat(result.report().discernibility()).isEqualTo(9);
    assertThat(result.report().classes()).isZero();
    assertThat(result.report().generalisationLoss()).isEqualTo(1.0);
  }

  @Test
  void a_hierarchy_without_one_top_value_is_written_as_any_above_its_top() {
    Hierarchy regions = Hierarchy.fromCsv(new StringReader("US;America\nFrance;Europe\n"), ';');
    Table countries = column("country", "US", "US", "France");

    Anonymiser.Result result = Anonymiser.anonymise(countries, local(2, "country", regions));

    assertThat(column(result, 0)).containsOnly("*");
    assertThat(result.report().generalisationLoss()).isEqualTo(1.0);
    assertThat(result.report().classes()).isEqualTo(1);
  }

  @Test
  void values_missing_from_their_hierarchy_are_refused_as_in_full_domain() {
    Table countries = column("country", "US", "Atlantis");

    assertThatThrownBy(() -> Anonymiser.anonymise(countries, local(1, "country", COUNTRIES)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Atlantis");
  }

  @Test
  void only_canonical_distinct_numbers_are_ordered() {
    assertThat(NumericOrder.ranks(List.of("42", "-3.5", "0"))).containsExactly(2, 0, 1);
    assertThat(NumericOrder.ranks(List.of("01234", "01235"))).isNull();
    assertThat(NumericOrder.ranks(List.of("1.0", "1.00"))).isNull();
    assertThat(NumericOrder.ranks(List.of("1e3", "2"))).isNull();
    assertThat(NumericOrder.ranks(List.of("US", "2"))).isNull();
  }
}
