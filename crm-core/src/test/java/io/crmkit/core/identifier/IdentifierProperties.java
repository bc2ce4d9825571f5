package io.crmkit.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.checkdigit.CheckCharacters;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated identifiers, built from their parts with their own check computation, parse back to
 * those parts; any single-character change is rejected, and the quick {@code isValid} agrees
 * with the full {@code validate} on every changed code.
 */
class IdentifierProperties {
  private static final Clock TODAY = Clock.fixed(Instant.parse("2025-06-30T12:00:00Z"), ZoneOffset.UTC);
  /** Replacement characters: the whole USCC alphabet plus look-alikes and noise it excludes. */
  private static final String REPLACEMENTS = UnifiedSocialCreditCode.ALPHABET + "IOSVZxaz -０";
  private static final String ID_REPLACEMENTS = "0123456789Xx O";
  private static final int[] GB11643_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String GB11643_CHECKS = "10X98765432";

  record UsccParts(char authority, char type, String region, String organisation) {
    String first17() {
      return "" + authority + type + region + organisation;
    }
  }

  record IdParts(String region, LocalDate birthDate, String sequence) {
    String first17() {
      return region + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + sequence;
    }
  }

  @Provide
  Arbitrary<UsccParts> usccParts() {
    Arbitrary<Character> alphabet = Arbitraries.of(UnifiedSocialCreditCode.ALPHABET.toCharArray()).map(c -> (Character) c);
    return Combinators.combine(alphabet, alphabet, Arbitraries.strings().numeric().ofLength(6),
        Arbitraries.strings().withChars(UnifiedSocialCreditCode.ALPHABET.toCharArray()).ofLength(9))
        .as(UsccParts::new);
  }

  @Provide
  Arbitrary<IdParts> idParts() {
    return Combinators.combine(Arbitraries.strings().numeric().ofLength(6),
        Arbitraries.longs().between(LocalDate.of(1800, 1, 1).toEpochDay(), LocalDate.now(TODAY).toEpochDay())
            .map(LocalDate::ofEpochDay),
        Arbitraries.strings().numeric().ofLength(3))
        .as(IdParts::new);
  }

  @Property
  void generatedCreditCodesParseBackToTheirParts(@ForAll("usccParts") UsccParts parts) {
    String code = parts.first17() + UnifiedSocialCreditCode.computeCheckCharacter(parts.first17());

    UnifiedSocialCreditCode parsed = UnifiedSocialCreditCode.parse(code).orElseThrow();
    assertThat(parsed.registrationAuthority()).isEqualTo(parts.authority());
    assertThat(parsed.organisationType()).isEqualTo(parts.type());
    assertThat(parsed.regionCode()).isEqualTo(parts.region());
    assertThat(parsed.organisationCode()).isEqualTo(parts.organisation());
    assertThat(UnifiedSocialCreditCode.validate(code)).isEmpty();
  }

  @Property
  void anySingleCharacterChangeToACreditCodeIsRejected(@ForAll("usccParts") UsccParts parts) {
    String code = parts.first17() + UnifiedSocialCreditCode.computeCheckCharacter(parts.first17());
    for (int i = 0; i < code.length(); i++) {
      for (char replacement : REPLACEMENTS.toCharArray()) {
        if (replacement != code.charAt(i)) {
          String changed = code.substring(0, i) + replacement + code.substring(i + 1);
          assertThat(UnifiedSocialCreditCode.isValid(changed)).as(changed).isFalse();
          assertThat(UnifiedSocialCreditCode.validate(changed)).as(changed).isNotEmpty();
        }
      }
    }
  }

  @Property
  void anyAdjacentTranspositionInACreditCodeIsRejected(@ForAll("usccParts") UsccParts parts) {
    String code = parts.first17() + UnifiedSocialCreditCode.computeCheckCharacter(parts.first17());
    for (int i = 0; i + 1 < code.length(); i++) {
      if (code.charAt(i) != code.charAt(i + 1)) {
        String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
        assertThat(UnifiedSocialCreditCode.isValid(swapped)).as(swapped).isFalse();
      }
    }
  }

  @Property
  void generatedIdentityNumbersParseBackToTheirParts(@ForAll("idParts") IdParts parts) {
    String number = parts.first17() + ResidentIdentityNumber.computeCheckCharacter(parts.first17());

    ResidentIdentityNumber parsed = ResidentIdentityNumber.parse(number, TODAY).orElseThrow();
    assertThat(parsed.regionCode()).isEqualTo(parts.region());
    assertThat(parsed.birthDate()).isEqualTo(parts.birthDate());
    assertThat(parsed.sequenceCode()).isEqualTo(parts.sequence());
    assertThat(parsed.sex()).isEqualTo((parts.sequence().charAt(2) - '0') % 2 == 1
        ? ResidentIdentityNumber.Sex.MALE : ResidentIdentityNumber.Sex.FEMALE);
    assertThat(ResidentIdentityNumber.validate(number, TODAY)).isEmpty();
  }

  @Property
  void anySingleCharacterChangeToAnIdentityNumberIsRejected(@ForAll("idParts") IdParts parts) {
    String number = parts.first17() + ResidentIdentityNumber.computeCheckCharacter(parts.first17());
    for (int i = 0; i < number.length(); i++) {
      for (char replacement : ID_REPLACEMENTS.toCharArray()) {
        if (replacement != number.charAt(i)) {
          String changed = number.substring(0, i) + replacement + number.substring(i + 1);
          assertThat(ResidentIdentityNumber.isValid(changed, TODAY)).as(changed).isFalse();
          assertThat(ResidentIdentityNumber.validate(changed, TODAY)).as(changed).isNotEmpty();
        }
      }
    }
  }

  /**
   * GB 11643 states its check as a weight table and a lookup of the remainder; crmkit computes
   * it with the ISO 7064 MOD 11-2 engine. This spells out the standard's form independently and
   * compares.
   */
  @Property
  void theStandardsWeightTableAgreesWithTheMod11_2Engine(@ForAll("idParts") IdParts parts) {
    String first17 = parts.first17();
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * GB11643_WEIGHTS[i];
    }

    assertThat(ResidentIdentityNumber.computeCheckCharacter(first17)).isEqualTo(GB11643_CHECKS.charAt(sum % 11));
    assertThat(CheckCharacters.MOD_11_2.compute(first17)).isEqualTo(String.valueOf(GB11643_CHECKS.charAt(sum % 11)));
  }
}
