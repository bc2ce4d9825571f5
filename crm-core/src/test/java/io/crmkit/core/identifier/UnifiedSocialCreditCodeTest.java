package io.crmkit.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

  /**
   * The sample most Chinese validation libraries cite (hutool's CreditCodeUtil tests, among
   * others). By hand: values 9 1 3 5 0 1 0 0 M=21 0 0 0 1 0 0 Y=30 4, weights 1 3 9 27 19 26 16
   * 17 20 29 25 13 8 24 10 30 28: 9 + 3 + 27 + 135 + 26 + 420 + 8 + 900 + 112 = 1640; 1640 mod 31
   * = 28; 31 - 28 = 3.
   */
  private static final String PUBLISHED_SAMPLE = "91350100M000100Y43";

  @Test
  void parsesThePublishedSampleAndExposesItsParts() {
    UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(PUBLISHED_SAMPLE).orElseThrow();

    assertThat(code.value()).isEqualTo(PUBLISHED_SAMPLE);
    assertThat(code.registrationAuthority()).isEqualTo('9');
    assertThat(code.organisationType()).isEqualTo('1');
    assertThat(code.regionCode()).isEqualTo("350100");
    assertThat(code.organisationCode()).isEqualTo("M000100Y4");
    assertThat(code.checkCharacter()).isEqualTo('3');
    assertThat(UnifiedSocialCreditCode.computeCheckCharacter(PUBLISHED_SAMPLE.substring(0, 17))).isEqualTo('3');
  }

  /** Real codes collected in python-stdnum's tests (tests/test_cn_uscc.doctest), one per kind. */
  @ParameterizedTest
  @ValueSource(strings = {
      "91110000600037341L", // an enterprise registered in Beijing
      "121200004013590816", // authority 1 (staffing office), type 2 (public institution), check 6
      "91310115MA1K3BTP2B", // a post-2015 code with letters in the organisation code
      "92340621MA2UK3PJXE", // type 2: an individual business
      "91620105L015101280", // check value 31 written as 0
      "9144030071526726XG",
  })
  void acceptsRealCodes(String real) {
    assertThat(UnifiedSocialCreditCode.isValid(real)).isTrue();
    assertThat(UnifiedSocialCreditCode.validate(real)).isEmpty();
    assertThat(UnifiedSocialCreditCode.of(real).value()).isEqualTo(real);
  }

  @Test
  void rejectsAWrongCheckCharacterWithoutRepeatingTheCode() {
    String typo = "91350100M000100Y44";

    assertThat(UnifiedSocialCreditCode.parse(typo)).isEmpty();
    assertThat(UnifiedSocialCreditCode.validate(typo)).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("uscc-check-character");
      assertThat(v.path()).isEmpty();
      assertThat(v.message()).contains("position 18").doesNotContain("M000100Y4");
    });
  }

  @Test
  void rejectsSwappedCharacters() {
    assertThat(UnifiedSocialCreditCode.isValid("91351000M000100Y43")).isFalse();
  }

  @Test
  void rejectsTheWrongLengthAndSaysHowLongTheTextIs() {
    assertThat(UnifiedSocialCreditCode.validate("91350100M000100Y4"))
        .containsExactly(new Violation("", "uscc-length", "must have 18 characters, has 17"));
    assertThat(UnifiedSocialCreditCode.validate(null))
        .extracting(Violation::rule).containsExactly("uscc-length");
    assertThat(UnifiedSocialCreditCode.parse(null)).isEmpty();
    assertThat(UnifiedSocialCreditCode.isValid(null)).isFalse();
  }

  @Test
  void rejectsLettersTheAlphabetLeavesOutAndNamesTheirPositions() {
    // O for 0 and I for 1: the confusions the alphabet exists to prevent
    assertThat(UnifiedSocialCreditCode.validate("91350100MO0010OY43")).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("uscc-alphabet");
      assertThat(v.message()).startsWith("characters 10, 15 are not allowed").contains("no I, O, S, V or Z");
    });
  }

  @Test
  void saysLettersMustBeCapitals() {
    assertThat(UnifiedSocialCreditCode.validate("91350100m000100y43")).singleElement()
        .extracting(Violation::message).asString().contains("characters 9, 16 are").endsWith("letters must be capitals");
  }

  @Test
  void requiresADigitRegionCodeEvenWhereTheCheckWouldPass() {
    String first17 = "91A50100M000100Y4";
    String code = first17 + UnifiedSocialCreditCode.computeCheckCharacter(first17);

    assertThat(UnifiedSocialCreditCode.validate(code)).extracting(Violation::rule).containsExactly("uscc-region-code");
    assertThat(UnifiedSocialCreditCode.isValid(code)).isFalse();
  }

  @Test
  void ofThrowsOneValidationExceptionWithEveryProblem() {
    assertThatThrownBy(() -> UnifiedSocialCreditCode.of("9I35O100M000100Y43"))
        .isInstanceOfSatisfying(CrmValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::rule).containsExactly("uscc-alphabet", "uscc-region-code"));
  }

  @Test
  void computeCheckCharacterRejectsWrongInputNamingThePosition() {
    assertThatIllegalArgumentException().isThrownBy(() -> UnifiedSocialCreditCode.computeCheckCharacter("9135"))
        .withMessageContaining("not 4");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> UnifiedSocialCreditCode.computeCheckCharacter("91350100M00O100Y4"))
        .withMessageContaining("'O'").withMessageContaining("position 12");
  }

  @Test
  void codesAreEqualByValueAndPrintThemselves() {
    assertThat(UnifiedSocialCreditCode.of(PUBLISHED_SAMPLE)).isEqualTo(UnifiedSocialCreditCode.of(PUBLISHED_SAMPLE))
        .hasSameHashCodeAs(UnifiedSocialCreditCode.of(PUBLISHED_SAMPLE))
        .isNotEqualTo(UnifiedSocialCreditCode.of("91110000600037341L"))
        .hasToString(PUBLISHED_SAMPLE);
  }
}
