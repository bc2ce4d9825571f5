package io.crmkit.testkit.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.dedup.MatchInput;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each variation appears at about its rate, and where it appears the record shows it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VariationRateTest {
  private List<GeneratedRecord> records;
  private List<GeneratedRecord> halfRates;

  @BeforeAll
  void generate() {
    records = DuplicateGenerator.builder().seed(7).entities(12_000).organisationShare(0.3).build().generate();
    DuplicateGenerator.Builder half = DuplicateGenerator.builder().seed(8).entities(12_000).organisationShare(0.3);
    for (Variation variation : Variation.values()) {
      half.rate(variation, 0.5);
    }
    halfRates = half.build().generate();
  }

  @ParameterizedTest
  @EnumSource(Variation.class)
  void eachVariationIsAppliedAtAboutItsDefaultRateWhereItCanApply(Variation variation) {
    assertRate(records, variation, variation.defaultRate());
  }

  @ParameterizedTest
  @EnumSource(Variation.class)
  void eachVariationFollowsTheRateItIsGiven(Variation variation) {
    assertRate(halfRates, variation, 0.5);
  }

  @Test
  void aVariationIsOnlyAppliedWhereItCanApply() {
    assertThat(records).allSatisfy(r -> assertThat(r.eligibleVariations()).containsAll(r.variations()));
    assertThat(records.stream().filter(r -> r.input().legalName().isPresent()))
        .allSatisfy(r -> assertThat(r.eligibleVariations()).doesNotContain(Variation.NICKNAME, Variation.PINYIN,
            Variation.SWAPPED_NAMES, Variation.SWAPPED_DAY_MONTH, Variation.DEFAULT_BIRTH_DATE));
  }

  @Test
  void everyRateZeroAppliesNothing() {
    List<GeneratedRecord> plain = DuplicateGenerator.builder().seed(7).entities(2_000).withoutVariations().build()
        .generate();

    assertThat(plain).allSatisfy(r -> assertThat(r.variations()).isEmpty());
  }

  /** Records with a typo or full-width characters are left out: those can hide or blur another variation. */
  @Test
  void theVariationsShowInTheRecords() {
    Map<Variation, Predicate<MatchInput>> shows = new EnumMap<>(Variation.class);
    shows.put(Variation.PINYIN, input -> !hasHan(DuplicateGeneratorTest.nameOf(input)));
    shows.put(Variation.NICKNAME, input -> WesternNames.NICKNAMES.values().stream().flatMap(List::stream)
        .anyMatch(nick -> DuplicateGeneratorTest.nameOf(input).contains(nick)));
    shows.put(Variation.SWAPPED_DAY_MONTH, input -> input.birthDate().map(LocalDate::getMonthValue).orElse(13) <= 12
        && input.birthDate().get().getDayOfMonth() <= 12);
    shows.put(Variation.DEFAULT_BIRTH_DATE, input -> input.birthDate().equals(Optional.of(LocalDate.of(1900, 1, 1))));
    shows.put(Variation.FULL_WIDTH, input -> (input.phones() + input.identifier().orElse(""))
        .chars().anyMatch(c -> c >= 0xFF01 && c <= 0xFF5E));
    shows.put(Variation.PHONE_FORMAT, input -> !input.phones().get(0).matches("\\+[0-9]+")
        || !input.phones().get(0).startsWith("+"));
    shows.put(Variation.SWITCHBOARD, input -> List.of("+861062751000", "+862168888000", "+8675526728888",
        "+12127365000").contains(input.phones().get(0)));
    shows.put(Variation.IDENTIFIER_FORM, input -> input.identifier().orElseThrow().matches(".*[ a-z-].*"));
    shows.put(Variation.BRACKETS, input -> input.legalName().orElseThrow().matches(".*[()（）].*"));

    shows.forEach((variation, visible) -> {
      List<GeneratedRecord> applied = records.stream()
          .filter(r -> r.variations().contains(variation) && !r.variations().contains(Variation.TYPO))
          .filter(r -> variation == Variation.FULL_WIDTH || !r.variations().contains(Variation.FULL_WIDTH)).toList();
      assertThat(applied).as(variation.name()).isNotEmpty();
      assertThat(applied.stream().filter(r -> !visible.test(r.input())).map(GeneratedRecord::input))
          .as("records with %s that do not show it", variation).isEmpty();
    });
  }

  @Test
  void missingValuesLeaveOutOneValueAndNeverTheName() {
    List<GeneratedRecord> withMissing = records.stream()
        .filter(r -> r.variations().contains(Variation.MISSING_VALUE)).toList();

    assertThat(withMissing).isNotEmpty().allSatisfy(r -> assertThat(DuplicateGeneratorTest.nameOf(r.input()))
        .isNotBlank());
    assertThat(withMissing).anySatisfy(r -> assertThat(r.input().phones()).isEmpty())
        .anySatisfy(r -> assertThat(r.input().emails()).isEmpty())
        .anySatisfy(r -> assertThat(r.input().birthDate()).isEmpty())
        .anySatisfy(r -> assertThat(r.input().postcode()).isEmpty());
  }

  /**
   * The applied share among eligible records lies within four standard deviations of the rate,
   * and there are enough eligible records for that to mean something.
   */
  private static void assertRate(List<GeneratedRecord> records, Variation variation, double rate) {
    long eligible = records.stream().filter(r -> r.eligibleVariations().contains(variation)).count();
    long applied = records.stream().filter(r -> r.variations().contains(variation)).count();
    double tolerance = 4 * Math.sqrt(rate * (1 - rate) / eligible);

    assertThat(eligible).as("records where %s can apply", variation).isGreaterThan(150);
    assertThat((double) applied / eligible).as("rate of %s", variation).isCloseTo(rate,
        org.assertj.core.data.Offset.offset(tolerance));
  }

  private static boolean hasHan(String text) {
    return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }
}
