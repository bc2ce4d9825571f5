package io.crmkit.core.dedup.standardise;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.PhoneNumbers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The shortcut for plain digit numbers gives exactly what libphonenumber's parser gives. */
class PhonesProperties {

  @Property(tries = 1000)
  void theDirectPathAgreesWithParsing(@ForAll("regions") String region, @ForAll("writtenNumbers") String number) {
    assertThat(new Phones(region).toE164(number)).isEqualTo(PhoneNumbers.toE164(number, region));
  }

  @Provide
  Arbitrary<String> regions() {
    return Arbitraries.of("CN", "AU", "US", "DE", "GB", "HK", "JP", "FR");
  }

  @Provide
  Arbitrary<String> writtenNumbers() {
    Arbitrary<String> prefix = Arbitraries.of("", "+", "00", "0", "+86", "0086", "+61", "001", "011", "86", "1", "13",
        "010", "+44 (0)", "(0", "+1 ");
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(14);
    Arbitrary<String> separator = Arbitraries.of("", " ", "-", ".", ")", " ext 12");
    return Combinators.combine(prefix, digits, separator, Arbitraries.strings().numeric().ofMaxLength(5))
        .as((p, d, s, tail) -> p + d + s + tail);
  }
}
