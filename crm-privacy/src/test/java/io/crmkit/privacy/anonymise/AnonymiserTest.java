package io.crmkit.privacy.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A six-row table whose lattice (age 0..2 × sex 0..1) is small enough to check by hand:
 *
 * <pre>
 * node (age,sex)  classes                       k=2?          DM   loss
 * (0,0) (0,1)     all singletons                no
 * (1,0)           20-29M 2, 20-29F 1, 30-39F 2, 30-39M 1   2 short
 * (1,1)           20-29 3, 30-39 3              yes           18   (0.4 + 1) / 2 = 0.7
 * (2,0)           M 3, F 3                      yes           18   (1 + 0) / 2 = 0.5
 * (2,1)           one class of 6                yes           36   1
 * </pre>
 */
class AnonymiserTest {
  private static final Table PATIENTS = new Table(List.of("age", "sex", "diagnosis"), List.of(
      List.of("21", "M", "flu"),
      List.of("25", "M", "cold"),
      List.of("27", "F", "flu"),
      List.of("33", "F", "cold"),
      List.of("35", "F", "hiv"),
      List.of("38", "M", "flu")));

  private static Map<String, Hierarchy> quasiIdentifiers() {
    Map<String, Hierarchy> qi = new LinkedHashMap<>();
    qi.put("age", Hierarchies.ageBands(10));
    qi.put("sex", Hierarchy.fromCsv(new StringReader("M;*\nF;*\n"), ';'));
    return qi;
  }

  @Test
  void discernibility_without_suppression_picks_the_lowest_of_two_equal_optima() {
    Anonymiser.Result result = Anonymiser.anonymise(PATIENTS, Settings.kAnonymity(2, quasiIdentifiers()));

    assertThat(result.report().levels()).containsExactly(Map.entry("age", 1), Map.entry("sex", 1));
    assertThat(result.report().discernibility()).isEqualTo(18);
    assertThat(result.report().classes()).isEqualTo(2);
    assertThat(result.report().averageClassSize()).isEqualTo(3.0);
    assertThat(result.report().suppressedRecords()).isZero();
    assertThat(result.report().generalisationLoss()).isCloseTo(0.7, within(1e-12));
    assertThat(result.suppressedRows()).isEmpty();
    assertThat(result.table().rows()).containsExactly(
        List.of("20-29", "*", "flu"),
        List.of("20-29", "*", "cold"),
        List.of("20-29", "*", "flu"),
        List.of("30-39", "*", "cold"),
        List.of("30-39", "*", "hiv"),
        List.of("30-39", "*", "flu"));
  }

  @Test
  void generalisation_loss_prefers_dropping_sex_to_banding_age() {
    Anonymiser.Result result = Anonymiser.anonymise(PATIENTS,
        Settings.kAnonymity(2, quasiIdentifiers()).optimising(Metric.GENERALISATION_LOSS));

    assertThat(result.report().levels()).containsExactly(Map.entry("age", 2), Map.entry("sex", 0));
    assertThat(result.report().generalisationLoss()).isCloseTo(0.5, within(1e-12));
    assertThat(result.report().discernibility()).isEqualTo(18);
  }

  @Test
  void a_suppression_budget_of_two_records_lets_loss_keep_sex_and_age_bands() {
    Anonymiser.Result result = Anonymiser.anonymise(PATIENTS, Settings.kAnonymity(2, quasiIdentifiers())
        .withSuppressionLimit(0.34).optimising(Metric.GENERALISATION_LOSS));

    assertThat(result.report().levels()).containsExactly(Map.entry("age", 1), Map.entry("sex", 0));
    assertThat(result.suppressedRows()).containsExactly(2, 5);
    assertThat(result.report().suppressedRecords()).isEqualTo(2);
    // 4 kept records lose (0.4 + 0) / 2 each, 2 suppressed lose 1 each: 2.8 / 6
    assertThat(result.report().generalisationLoss()).isCloseTo(2.8 / 6, within(1e-12));
    // 2² + 2² plus n = 6 for each suppressed record
    assertThat(result.report().discernibility()).isEqualTo(20);
    assertThat(result.report().classes()).isEqualTo(2);
    assertThat(result.table().rows().get(2)).containsExactly("*", "*", "flu");
    assertThat(result.table().rows().get(0)).containsExactly("20-29", "M", "flu");
  }

  @Test
  void the_same_budget_does_not_pay_under_discernibility() {
    Anonymiser.Result result = Anonymiser.anonymise(PATIENTS,
        Settings.kAnonymity(2, quasiIdentifiers()).withSuppressionLimit(0.34));

    assertThat(result.report().levels()).containsExactly(Map.entry("age", 1), Map.entry("sex", 1));
    assertThat(result.report().discernibility()).isEqualTo(18);
  }

  @Test
  void a_budget_below_one_record_suppresses_nothing() {
    Anonymiser.Result result = Anonymiser.anonymise(PATIENTS, Settings.kAnonymity(2, quasiIdentifiers())
        .withSuppressionLimit(0.3).optimising(Metric.GENERALISATION_LOSS));

    assertThat(result.report().suppressedRecords()).isZero();
    assertThat(result.report().levels()).containsExactly(Map.entry("age", 2), Map.entry("sex", 0));
  }

  @Test
  void three_distinct_diagnoses_per_class_need_the_top_node() {
    Anonymiser.Result result = Anonymiser.anonymise(PATIENTS,
        Settings.kAnonymity(2, quasiIdentifiers()).withDistinctLDiversity("diagnosis", 3));

    assertThat(result.report().levels()).containsExactly(Map.entry("age", 2), Map.entry("sex", 1));
    assertThat(result.report().discernibility()).isEqualTo(36);
    assertThat(result.report().classes()).isEqualTo(1);
  }

  @Test
  void two_distinct_diagnoses_per_class_hold_at_the_k_optimum() {
    Anonymiser.Result result = Anonymiser.anonymise(PATIENTS,
        Settings.kAnonymity(2, quasiIdentifiers()).withDistinctLDiversity("diagnosis", 2));

    assertThat(result.report().levels()).containsExactly(Map.entry("age", 1), Map.entry("sex", 1));
  }

  @Test
  void k_above_the_table_size_has_no_solution() {
    assertThatThrownBy(() -> Anonymiser.anonymise(PATIENTS, Settings.kAnonymity(7, quasiIdentifiers())))
        .isInstanceOf(Anonymiser.NoSolutionException.class)
        .hasMessageContaining("k = 7");
  }

  @Test
  void the_report_counts_the_whole_lattice_and_the_nodes_it_evaluated() {
    Anonymiser.Report report =
        Anonymiser.anonymise(PATIENTS, Settings.kAnonymity(2, quasiIdentifiers())).report();

    assertThat(report.latticeSize()).isEqualTo(6);
    assertThat(report.nodesEvaluated()).isBetween(1L, 6L);
  }

  @Test
  void a_value_missing_from_its_hierarchy_names_the_column() {
    Map<String, Hierarchy> qi = quasiIdentifiers();
    qi.put("sex", Hierarchy.fromCsv(new StringReader("M;*\n"), ';'));

    assertThatThrownBy(() -> Anonymiser.anonymise(PATIENTS, Settings.kAnonymity(2, qi)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column sex")
        .hasMessageContaining("F");
  }

  @Test
  void settings_refuse_a_sensitive_quasi_identifier_and_a_budget_above_one() {
    assertThatThrownBy(() -> Settings.kAnonymity(2, quasiIdentifiers()).withDistinctLDiversity("age", 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("age");
    assertThatThrownBy(() -> Settings.kAnonymity(2, quasiIdentifiers()).withSuppressionLimit(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("suppressionLimit");
    assertThatThrownBy(() -> Settings.kAnonymity(0, quasiIdentifiers()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k");
  }
}
