package io.crmkit.core.dedup.standardise;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.CustomerKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Phones, e-mails and identifiers: the values that match exactly once standardised. */
class ContactValuesTest {
  private final List<String> warnings = new ArrayList<>();

  private Set<String> phones(String... raws) {
    Set<String> out = new LinkedHashSet<>();
    new Phones("CN").standardise(List.of(raws), out, warnings);
    return out;
  }

  private Set<String> emails(String... raws) {
    Set<String> out = new LinkedHashSet<>();
    Emails.standardise(List.of(raws), out, warnings);
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "+8613812345678",
      "0086 138 1234 5678", "008613812345678", "(+86) 138.1234.5678", "１３８１２３４５６７８"})
  void everyWrittenFormOfAMainlandMobileIsOneE164Number(String raw) {
    assertThat(phones(raw)).containsExactly("+8613812345678");
    assertThat(warnings).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"010-65529988", "(010) 6552 9988", "+86 10 6552 9988", "0086-10-65529988"})
  void aBeijingLandlineWithItsAreaCodeIsOneE164Number(String raw) {
    assertThat(phones(raw)).containsExactly("+861065529988");
  }

  @Test
  void aNumberWithItsOwnCountryCodeIgnoresTheDefaultRegion() {
    assertThat(phones("+61 2 9876 5432")).containsExactly("+61298765432");
  }

  @Test
  void severalNumbersInOneFieldAreSplit() {
    assertThat(phones("13812345678 / 010-65529988；13912345678"))
        .containsExactly("+8613812345678", "+861065529988", "+8613912345678");
  }

  @Test
  void anInvalidPhoneIsDroppedWithAWarning() {
    assertThat(phones("12345", "not a phone")).isEmpty();
    assertThat(warnings).containsExactly(
        "phones: '12345' is not a valid phone number in region CN, dropped",
        "phones: 'not a phone' is not a valid phone number in region CN, dropped");
  }

  @Test
  void aBlankPhoneIsIgnoredWithAWarning() {
    assertThat(phones("  ", "\u0000")).isEmpty();
    assertThat(warnings).contains("phones: blank value ignored", "phones: control characters removed");
  }

  @Test
  void aVeryLongPhoneValueIsDroppedWithAShortWarning() {
    assertThat(phones("1".repeat(10_000))).isEmpty();
    assertThat(warnings).allMatch(warning -> warning.length() < 120);
  }

  @Test
  void anEmailKeepsItsLocalPartButLowerCasesItsDomain() {
    assertThat(emails("  Mary.Smith@Example.COM ")).containsExactly("Mary.Smith@example.com");
  }

  @Test
  void anEmailAtACaseInsensitiveProviderIsLowerCasedWhole() {
    assertThat(emails("Mary.Smith@GMail.com", "ZhangWei@QQ.com"))
        .containsExactly("mary.smith@gmail.com", "zhangwei@qq.com");
  }

  @Test
  void fullWidthMailtoAndAngleBracketsAreCleanedFromAnEmail() {
    assertThat(emails("ｍａｒｙ＠ｅｘａｍｐｌｅ．ｃｏｍ", "mailto:mary@example.com", "<mary@example.com>", "mary @ example.com."))
        .containsExactly("mary@example.com");
  }

  @Test
  void anImplausibleEmailIsDroppedWithAWarning() {
    assertThat(emails("mary.example.com", "mary@localhost")).isEmpty();
    assertThat(warnings).containsExactly(
        "emails: 'mary.example.com' is not a plausible e-mail address, dropped",
        "emails: 'mary@localhost' is not a plausible e-mail address, dropped");
  }

  @Test
  void aResidentIdWithALowerCaseXIsTheSameId() {
    assertThat(Identifiers.standardise("11010519491231002x", CustomerKind.PERSON, warnings))
        .isEqualTo(Identifiers.standardise("11010519491231002X", CustomerKind.PERSON, warnings))
        .isEqualTo("11010519491231002X");
    assertThat(warnings).isEmpty();
  }

  @Test
  void identifiersLoseSpacesDashesAndDots() {
    assertThat(Identifiers.standardise(" 110105-1949 1231.002X ", CustomerKind.PERSON, warnings))
        .isEqualTo("11010519491231002X");
    assertThat(Identifiers.standardise("９１３１００００ＭＡ１ＦＬ８ＴＱ３６", CustomerKind.ORGANISATION, warnings))
        .isEqualTo("91310000MA1FL8TQ36");
    assertThat(warnings).isEmpty();
  }

  @Test
  void anIdentifierWhoseCheckCharacterFailsIsKeptWithAWarning() {
    assertThat(Identifiers.standardise("110105194912310021", CustomerKind.PERSON, warnings))
        .isEqualTo("110105194912310021");
    assertThat(warnings).containsExactly(
        "identifier: not a valid resident identity number (check character or birth date), kept");
  }

  @Test
  void anIdentifierWithoutLettersOrDigitsIsIgnoredWithAWarning() {
    assertThat(Identifiers.standardise(" -- ", CustomerKind.PERSON, warnings)).isEmpty();
    assertThat(warnings).containsExactly("identifier: no letters or digits, ignored");
  }
}
