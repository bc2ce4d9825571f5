package io.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * On random digits the E.164 check without the parser never accepts what parsing rejects, and
 * {@link PhoneNumbers#isValidE164} answers as parsing does.
 */
class PhoneNumbersProperties {

  @Provide
  Arbitrary<String> plusAndDigits() {
    Arbitrary<Integer> callingCodes = Arbitraries.of(PhoneNumberUtil.getInstance().getSupportedCallingCodes());
    Arbitrary<String> zeros = Arbitraries.strings().withChars('0').ofMinLength(0).ofMaxLength(3);
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(18);
    Arbitrary<String> afterKnownCode = Combinators.combine(callingCodes, zeros, digits)
        .as((code, leading, rest) -> "+" + code + leading + rest);
    Arbitrary<String> anyDigits = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(22).map(d -> "+" + d);
    return Arbitraries.oneOf(nearExamples(), afterKnownCode, anyDigits);
  }

  /** An example number of some type and region with its last one to four digits drawn at random: often valid. */
  private static Arbitrary<String> nearExamples() {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    List<String> examples = util.getSupportedRegions().stream()
        .flatMap(region -> Arrays.stream(PhoneNumberType.values()).map(type -> util.getExampleNumberForType(region, type)))
        .filter(Objects::nonNull)
        .map(number -> util.format(number, PhoneNumberFormat.E164))
        .sorted()
        .toList();
    return Combinators.combine(Arbitraries.of(examples), Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4))
        .as((example, tail) -> example.substring(0, Math.max(1, example.length() - tail.length())) + tail);
  }

  @Property(tries = 3000)
  void theCheckWithoutTheParserAgreesWithParsing(@ForAll("plusAndDigits") String value) {
    boolean parsed = PhoneNumbers.parsesToItself(value);
    boolean proven = PhoneNumbers.provablyValidDigits(value);
    if (proven) {
      assertThat(parsed).as("proven valid, so parsing accepts it").isTrue();
    }
    assertThat(PhoneNumbers.isValidE164(value)).isEqualTo(parsed);
    Statistics.label("proven without the parser").collect(proven);
    Statistics.label("proven without the parser").coverage(coverage -> coverage.check(true).percentage(p -> p > 10));
  }
}
