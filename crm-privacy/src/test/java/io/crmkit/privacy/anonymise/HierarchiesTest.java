package io.crmkit.privacy.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HierarchiesTest {

  @Test
  void arx_csv_layout_reads_each_column_as_a_level() {
    Hierarchy education = Hierarchy.fromCsv(new StringReader(
        "Bachelors;Undergraduate;Higher education;*\r\n"
            + "Some-college;Undergraduate;Higher education;*\r\n"
            + "11th;High School;Secondary education;*"), ';');

    assertThat(education.height()).isEqualTo(4);
    assertThat(IntStream.range(0, 4).mapToObj(level -> education.generalise("Bachelors", level)))
        .containsExactly("Bachelors", "Undergraduate", "Higher education", "*");
    assertThat(education.generalise("11th", 1)).isEqualTo("High School");
  }

  @Test
  void csv_hierarchies_must_be_rectangular_trees_without_repeats() {
    assertThatThrownBy(() -> Hierarchy.fromCsv(new StringReader("a;x;*\nb;*\n"), ';'))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("levels");
    assertThatThrownBy(() -> Hierarchy.fromCsv(new StringReader("a;x;*\na;y;*\n"), ';'))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> Hierarchy.fromCsv(new StringReader("a;x;p\nb;x;q\n"), ';'))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a tree");
  }

  @Test
  void csv_hierarchy_refuses_an_unknown_value_and_a_level_out_of_range() {
    Hierarchy sex = Hierarchy.fromCsv(new StringReader("Male;*\nFemale;*\n"), ';');

    assertThatThrownBy(() -> sex.generalise("Other", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Other");
    assertThatThrownBy(() -> sex.generalise("Male", 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("level");
  }

  @Test
  void age_bands_nest_and_end_in_any() {
    Hierarchy age = Hierarchies.ageBands(5, 10, 20);

    assertThat(age.height()).isEqualTo(5);
    assertThat(IntStream.range(0, 5).mapToObj(level -> age.generalise("39", level)))
        .containsExactly("39", "35-39", "30-39", "20-39", "*");
    assertThat(age.generalise("0", 1)).isEqualTo("0-4");
    assertThatThrownBy(() -> Hierarchies.ageBands(5, 7))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nest");
    assertThatThrownBy(() -> age.generalise("old", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an age");
  }

  @Test
  void dates_coarsen_to_month_then_year() {
    Hierarchy dates = Hierarchies.dates();

    assertThat(IntStream.range(0, 4).mapToObj(level -> dates.generalise("2024-03-17", level)))
        .containsExactly("2024-03-17", "2024-03", "2024", "*");
    assertThatThrownBy(() -> dates.generalise("17/03/2024", 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO date");
  }

  @Test
  void postcode_prefixes_mask_from_the_end_like_arx_zipcode_hierarchy() {
    Hierarchy zip = Hierarchies.postcodePrefixes(5);

    assertThat(IntStream.range(0, 6).mapToObj(level -> zip.generalise("81667", level)))
        .containsExactly("81667", "8166*", "816**", "81***", "8****", "*");
    assertThatThrownBy(() -> zip.generalise("8166", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 characters");
  }

  @Test
  void region_codes_go_up_from_district_to_prefecture_to_province() {
    Hierarchy regions = Hierarchies.regionCodes();

    assertThat(IntStream.range(0, 4).mapToObj(level -> regions.generalise("110105", level)))
        .containsExactly("110105", "110100", "110000", "*");
    assertThat(IntStream.range(0, 4).mapToObj(level -> regions.generalise("440300", level)))
        .containsExactly("440300", "440300", "440000", "*");
    assertThat(regions.generalise("429004", 1)).isEqualTo("429000");
    assertThatThrownBy(() -> regions.generalise("11010", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("six-digit");
    assertThatThrownBy(() -> regions.generalise("11010X", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("11010X");
  }

  @Test
  void region_codes_make_customers_of_one_district_k_anonymous_at_the_prefecture() {
    Table customers = new Table(List.of("region", "tier"), List.of(
        List.of("110105", "A"), List.of("110108", "A"), List.of("110101", "B"),
        List.of("310104", "A"), List.of("310115", "B"), List.of("310101", "B")));

    Anonymiser.Result result = Anonymiser.anonymise(customers,
        Settings.kAnonymity(3, Map.of("region", Hierarchies.regionCodes())));

    assertThat(result.report().levels()).containsEntry("region", 1);
    assertThat(result.table().rows()).extracting(row -> row.get(0))
        .containsExactly("110100", "110100", "110100", "310100", "310100", "310100");
  }
}
