package io.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The E.164 check without libphonenumber's parser agrees with parsing on libphonenumber's example
 * number of every type in every region, and on numbers one typing mistake away from them.
 * {@code PhoneNumbersProperties} tries random digits.
 */
class PhoneNumbersTest {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private static List<String> exampleNumbers() {
    List<PhoneNumber> numbers = new ArrayList<>();
    for (String region : UTIL.getSupportedRegions()) {
      for (PhoneNumberType type : PhoneNumberType.values()) {
        numbers.add(UTIL.getExampleNumberForType(region, type));
      }
    }
    for (int code : UTIL.getSupportedGlobalNetworkCallingCodes()) {
      numbers.add(UTIL.getExampleNumberForNonGeoEntity(code));
    }
    return numbers.stream().filter(n -> n != null).map(n -> UTIL.format(n, PhoneNumberFormat.E164)).toList();
  }

  /** The number with one digit dropped, added, changed, or a zero after the country code. */
  private static List<String> typos(String number) {
    List<String> typos = new ArrayList<>();
    typos.add(number.substring(0, number.length() - 1));
    typos.add(number + "7");
    for (char digit = '0'; digit <= '9'; digit++) {
      typos.add(number.substring(0, number.length() - 1) + digit);
    }
    for (int at = 2; at <= 4; at++) {
      typos.add(number.substring(0, at) + "0" + number.substring(at));
    }
    return typos;
  }

  private static void assertAgreesWithParsing(String value) {
    boolean parsed = PhoneNumbers.parsesToItself(value);
    if (PhoneNumbers.provablyValidDigits(value)) {
      assertThat(parsed).as("%s is proven valid, so parsing must accept it", value).isTrue();
    }
    assertThat(PhoneNumbers.isValidE164(value)).as("%s", value).isEqualTo(parsed);
  }

  @Test
  void everyExampleNumberAndEveryTypoOfItIsJudgedAsParsingJudgesIt() {
    List<String> examples = exampleNumbers();
    assertThat(examples).hasSizeGreaterThan(1000);
    for (String example : examples) {
      assertAgreesWithParsing(example);
      typos(example).forEach(PhoneNumbersTest::assertAgreesWithParsing);
    }
  }

  @Test
  void nearlyEveryValidExampleIsProvenWithoutTheParser() {
    List<String> examples = exampleNumbers();
    long proven = examples.stream().filter(PhoneNumbers::provablyValidDigits).count();

    assertThat(examples).allMatch(PhoneNumbers::parsesToItself);
    assertThat((double) proven / examples.size()).isGreaterThan(0.95);
  }

  @ParameterizedTest
  @ValueSource(strings = {"+8613812345678", "+4930123456", "+12015550123", "+442079460000", "+390612345678",
      "+80012345678"})
  void commonNumbersAndItalianLeadingZerosAreProvenWithoutTheParser(String number) {
    assertThat(PhoneNumbers.provablyValidDigits(number)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"+78001234567", "+5491123456789"})
  void aNumberThatMayStartWithANationalPrefixIsLeftToTheParser(String number) {
    assertThat(PhoneNumbers.provablyValidDigits(number)).isFalse();
    assertThat(PhoneNumbers.isValidE164(number)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"+86 138 1234 5678", "+8613812345678 ext. 12", "+８６13812345678", "+08613812345678",
      "++8613812345678", "+86", "+", "8613812345678", "+999123456789"})
  void anythingButAPlusAndValidDigitsIsRejected(String value) {
    assertThat(PhoneNumbers.provablyValidDigits(value)).isFalse();
    assertThat(PhoneNumbers.isValidE164(value)).isFalse();
  }
}
