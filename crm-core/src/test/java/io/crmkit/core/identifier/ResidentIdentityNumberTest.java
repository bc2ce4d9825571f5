package io.crmkit.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.Violation;
import io.crmkit.core.identifier.ResidentIdentityNumber.Sex;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ResidentIdentityNumberTest {
  private static final Clock NEW_YEAR_2020 = Clock.fixed(Instant.parse("2020-01-01T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

  /**
   * GB 11643-1999's own example. By hand: digits 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 times weights
   * 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 sum to 167; 167 mod 11 = 2, which the standard's table
   * 1 0 X 9 8 7 6 5 4 3 2 maps to X.
   */
  private static final String STANDARD_EXAMPLE = "11010519491231002X";

  @Test
  void parsesTheStandardsExampleAndExposesWhatItEmbeds() {
    ResidentIdentityNumber number = ResidentIdentityNumber.parse(STANDARD_EXAMPLE, NEW_YEAR_2020).orElseThrow();

    assertThat(number.value()).isEqualTo(STANDARD_EXAMPLE);
    assertThat(number.regionCode()).isEqualTo("110105");
    assertThat(number.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(number.sequenceCode()).isEqualTo("002");
    assertThat(number.sex()).isEqualTo(Sex.FEMALE);
    assertThat(number.checkCharacter()).isEqualTo('X');
  }

  @Test
  void anOddSeventeenthDigitMeansMale() {
    // 4·7 + 4·9 + 3·5 + 4·4 + 1·2 + 9·1 + 9·6 + 3·9 + 7·5 + 1·2 = 224 (zero digits add nothing);
    // 224 mod 11 = 4, which the table 1 0 X 9 8 ... maps to 8.
    String first17 = "44030419900307001";
    String number = first17 + ResidentIdentityNumber.computeCheckCharacter(first17);

    assertThat(number).isEqualTo("440304199003070018");
    assertThat(ResidentIdentityNumber.of(number, NEW_YEAR_2020).sex()).isEqualTo(Sex.MALE);
    assertThat(ResidentIdentityNumber.of("440304199003070026", NEW_YEAR_2020).sex()).isEqualTo(Sex.FEMALE);
  }

  @Test
  void acceptsALeapDayAndRejectsADayThatDoesNotExist() {
    assertThat(ResidentIdentityNumber.of("310115200002291235", NEW_YEAR_2020).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));

    String first17 = "31011519000229123"; // 1900 was not a leap year
    String number = first17 + ResidentIdentityNumber.computeCheckCharacter(first17);
    assertThat(ResidentIdentityNumber.validate(number, NEW_YEAR_2020)).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("resident-id-birth-date");
      assertThat(v.message()).contains("real birth date");
    });
  }

  @Test
  void rejectsABirthDateAfterTheClocksDate() {
    String bornToday = withCheck("11010520200101123");
    String bornTomorrow = withCheck("11010520200102123");

    assertThat(ResidentIdentityNumber.isValid(bornToday, NEW_YEAR_2020)).isTrue();
    assertThat(ResidentIdentityNumber.validate(bornTomorrow, NEW_YEAR_2020))
        .containsExactly(new Violation("", "resident-id-birth-date", "the birth date in characters 7-14 is in the future"));
    assertThat(ResidentIdentityNumber.parse(bornTomorrow, NEW_YEAR_2020)).isEmpty();
    assertThat(ResidentIdentityNumber.isValid(bornTomorrow,
        Clock.fixed(Instant.parse("2020-01-02T00:00:00Z"), ZoneOffset.UTC))).isTrue();
  }

  @Test
  void rejectsBirthYearsBeforeEighteenHundred() {
    assertThat(ResidentIdentityNumber.validate(withCheck("11010517991231002"), NEW_YEAR_2020))
        .extracting(Violation::rule).containsExactly("resident-id-birth-date");
    assertThat(ResidentIdentityNumber.isValid(withCheck("11010518000101002"), NEW_YEAR_2020)).isTrue();
  }

  @Test
  void rejectsAWrongCheckCharacterWithoutRepeatingTheNumber() {
    assertThat(ResidentIdentityNumber.validate("110105194912310021", NEW_YEAR_2020)).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("resident-id-check-character");
      assertThat(v.message()).contains("position 18").doesNotContain("110105").doesNotContain("19491231");
    });
  }

  @Test
  void reportsADateProblemAndACheckProblemTogether() {
    assertThat(ResidentIdentityNumber.validate("110105194913310022", NEW_YEAR_2020)).extracting(Violation::rule)
        .containsExactly("resident-id-birth-date", "resident-id-check-character");
  }

  @Test
  void saysWhyCharactersAreWrong() {
    assertThat(ResidentIdentityNumber.validate("11010519491231002x", NEW_YEAR_2020)).singleElement()
        .extracting(Violation::message).asString().endsWith("not a lower-case x");
    assertThat(ResidentIdentityNumber.validate("1101051949I2310O2X", NEW_YEAR_2020)).singleElement()
        .extracting(Violation::message).asString().startsWith("characters 11, 16 are not a digit");
    assertThat(ResidentIdentityNumber.validate("110105491231002", NEW_YEAR_2020)).singleElement()
        .extracting(Violation::message).asString().contains("first-generation");
    assertThat(ResidentIdentityNumber.validate(null, NEW_YEAR_2020)).extracting(Violation::rule)
        .containsExactly("resident-id-length");
    assertThat(ResidentIdentityNumber.isValid(null, NEW_YEAR_2020)).isFalse();
  }

  @Test
  void ofThrowsAValidationExceptionNamingTheRules() {
    assertThatThrownBy(() -> ResidentIdentityNumber.of("110105194912310021", NEW_YEAR_2020))
        .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::rule).containsExactly("resident-id-check-character"))
        .hasMessageNotContaining("110105194912310021");
  }

  @Test
  void theOverloadsWithoutAClockUseTodaysDate() {
    assertThat(ResidentIdentityNumber.isValid(STANDARD_EXAMPLE)).isTrue();
    assertThat(ResidentIdentityNumber.parse(STANDARD_EXAMPLE)).isPresent();
    assertThat(ResidentIdentityNumber.validate(STANDARD_EXAMPLE)).isEmpty();
    assertThat(ResidentIdentityNumber.of(STANDARD_EXAMPLE).birthDate().getYear()).isEqualTo(1949);
    LocalDate nextYear = LocalDate.now().plusYears(1);
    assertThat(ResidentIdentityNumber.isValid(withCheck("110105" + nextYear.getYear() + "0101123"))).isFalse();
  }

  @Test
  void printsItselfWithTheBirthDateMasked() {
    assertThat(ResidentIdentityNumber.of(STANDARD_EXAMPLE, NEW_YEAR_2020)).hasToString("110105********002X");
  }

  @Test
  void numbersAreEqualByValue() {
    assertThat(ResidentIdentityNumber.of(STANDARD_EXAMPLE, NEW_YEAR_2020))
        .isEqualTo(ResidentIdentityNumber.of(STANDARD_EXAMPLE, NEW_YEAR_2020))
        .hasSameHashCodeAs(ResidentIdentityNumber.of(STANDARD_EXAMPLE, NEW_YEAR_2020))
        .isNotEqualTo(ResidentIdentityNumber.of("440304199003070018", NEW_YEAR_2020));
  }

  @Test
  void computeCheckCharacterRejectsWrongInput() {
    assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdentityNumber.computeCheckCharacter("1101051949123100"))
        .withMessageContaining("not 16");
    assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdentityNumber.computeCheckCharacter("1101051949123100X"))
        .withMessageContaining("'X'").withMessageContaining("position 17");
  }

  private static String withCheck(String first17) {
    return first17 + ResidentIdentityNumber.computeCheckCharacter(first17);
  }
}
