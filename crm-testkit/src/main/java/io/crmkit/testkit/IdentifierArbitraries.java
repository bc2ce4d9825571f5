package io.crmkit.testkit;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.core.identifier.ResidentIdentityNumber;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.math.BigInteger;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Identities and keys: crmkit ids, references into other systems, and official organisation
 * identifiers with correct check characters.
 */
final class IdentifierArbitraries {
  static final List<String> SYSTEMS = List.of("erp", "shop", "sap", "kingdee", "legacy-crm", "金蝶K3");

  /** GB 32100-2015 alphabet: digits and the upper-case letters without I, O, S, V, Z. */
  private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  private static final int[] ORG_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
  private static final List<String> DIVISION_CODES = List.of("110105", "110108", "310115", "440106",
      "440305", "330106", "510107");
  private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  private IdentifierArbitraries() {}

  /**
   * UUIDs over the whole 128-bit range, so that both halves take negative values and adapters must
   * order ids as unsigned bytes.
   */
  static Arbitrary<UUID> uuids() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
  }

  static Arbitrary<CustomerId> customerIds() {
    return uuids().map(CustomerId::of);
  }

  static Arbitrary<ActivityId> activityIds() {
    return uuids().map(ActivityId::of);
  }

  /** An ERP customer number, a shop account, an SAP partner number, now and then unusual text. */
  static Arbitrary<ExternalReference> externalReferences() {
    Arbitrary<String> id = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.integers().between(1, 99_999).map(n -> String.format("C-%05d", n))),
        Tuple.of(3, Arbitraries.integers().between(100_000, 999_999).map(String::valueOf)),
        Tuple.of(2, Arbitraries.longs().between(1, 9_999_999_999L).map(n -> String.format("SAP-%010d", n))),
        Tuple.of(1, TextArbitraries.text(ExternalReference.MAX_ID_LENGTH)));
    Arbitrary<String> system =
        TextArbitraries.realisticOr(Arbitraries.of(SYSTEMS), ExternalReference.MAX_SYSTEM_LENGTH);
    return Combinators.combine(system, id).as(ExternalReference::of);
  }

  /** Unified Social Credit Codes, VAT numbers, D-U-N-S numbers and LEIs, and now and then another scheme. */
  static Arbitrary<OrganisationIdentifier> organisationIdentifiers() {
    Arbitrary<OrganisationIdentifier> other = Combinators.combine(
            TextArbitraries.realisticOr(Arbitraries.of("DE_HRB", "GB_CRN", "JP_CORPORATE_NUMBER"), 32),
            TextArbitraries.text(64))
        .as(OrganisationIdentifier::of);
    return Arbitraries.frequencyOf(
        Tuple.of(4, unifiedSocialCreditCodes().map(v -> OrganisationIdentifier.of(OrganisationIdentifier.CN_USCC, v))),
        Tuple.of(2, vatNumbers().map(v -> OrganisationIdentifier.of(OrganisationIdentifier.VAT, v))),
        Tuple.of(1, digits(9).map(v -> OrganisationIdentifier.of(OrganisationIdentifier.DUNS, v))),
        Tuple.of(1, legalEntityIdentifiers().map(v -> OrganisationIdentifier.of(OrganisationIdentifier.LEI, v))),
        Tuple.of(1, other));
  }

  /**
   * Resident identity numbers (mostly, now and then written with a lower-case {@code x}),
   * passport numbers, and now and then another scheme with any text.
   */
  static Arbitrary<PersonIdentifier> personIdentifiers() {
    Arbitrary<PersonIdentifier> other = Combinators.combine(
            TextArbitraries.realisticOr(Arbitraries.of("HK_ID", "TW_ID", "SSN"), PersonIdentifier.MAX_SCHEME_LENGTH),
            TextArbitraries.text(PersonIdentifier.MAX_VALUE_LENGTH))
        .as(PersonIdentifier::of);
    Arbitrary<String> passports = Combinators.combine(Arbitraries.of("E", "G", "C", "P"), digits(8))
        .as(String::concat);
    return Arbitraries.frequencyOf(
        Tuple.of(6, residentIdentityNumbers().map(PersonIdentifier::residentIdentityNumber)),
        Tuple.of(2, passports.map(v -> PersonIdentifier.of(PersonIdentifier.PASSPORT, v))),
        Tuple.of(1, other));
  }

  /**
   * Valid GB 11643 numbers: a division code, a birth date from 1920 to 2012, a sequence code and
   * the check character, which is {@code X} about once in eleven and then sometimes typed {@code x}.
   */
  static Arbitrary<String> residentIdentityNumbers() {
    DateTimeFormatter digits = DateTimeFormatter.BASIC_ISO_DATE;
    return Combinators.combine(Arbitraries.of(DIVISION_CODES),
            AttributeArbitraries.dates(LocalDate.of(1920, 1, 1), LocalDate.of(2012, 12, 31)),
            digits(3), Arbitraries.of(true, false))
        .as((division, birth, sequence, lowerX) -> {
          String first17 = division + birth.format(digits) + sequence;
          char check = ResidentIdentityNumber.computeCheckCharacter(first17);
          return first17 + (lowerX && check == 'X' ? 'x' : check);
        });
  }

  /** 18 characters: authority 9, type 1, a division code, a GB 11714 organisation code, a check character. */
  static Arbitrary<String> unifiedSocialCreditCodes() {
    Arbitrary<String> body = Arbitraries.strings().withChars(USCC_ALPHABET).ofLength(8);
    return Combinators.combine(Arbitraries.of("91", "92", "93", "12"), Arbitraries.of(DIVISION_CODES), body)
        .as((prefix, division, orgBody) -> {
          String first17 = prefix + division + orgBody + organisationCodeCheck(orgBody);
          return first17 + usccCheck(first17);
        });
  }

  /** German, Austrian, French and British VAT registration numbers. */
  private static Arbitrary<String> vatNumbers() {
    return Arbitraries.oneOf(
        digits(9).map(d -> "DE" + d), digits(8).map(d -> "ATU" + d),
        digits(11).map(d -> "FR" + d), digits(9).map(d -> "GB" + d));
  }

  /** 20 characters: a 4-character LOU prefix, {@code 00}, 12 entity characters, ISO 7064 MOD 97-10 check digits. */
  private static Arbitrary<String> legalEntityIdentifiers() {
    return Combinators.combine(Arbitraries.strings().withChars(ALNUM).ofLength(4),
            Arbitraries.strings().withChars(ALNUM).ofLength(12))
        .as((lou, entity) -> {
          String first18 = lou + "00" + entity;
          return first18 + String.format("%02d", 98 - mod97(first18 + "00"));
        });
  }

  private static Arbitrary<String> digits(int length) {
    return Arbitraries.strings().numeric().ofLength(length);
  }

  private static char organisationCodeCheck(String body) {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      sum += Character.digit(body.charAt(i), 36) * ORG_CODE_WEIGHTS[i];
    }
    int check = 11 - sum % 11;
    return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
  }

  private static char usccCheck(String first17) {
    int sum = 0;
    for (int i = 0; i < first17.length(); i++) {
      sum += USCC_ALPHABET.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
    }
    return USCC_ALPHABET.charAt((31 - sum % 31) % 31);
  }

  private static int mod97(String alphanumeric) {
    StringBuilder digits = new StringBuilder();
    alphanumeric.chars().forEach(c -> digits.append(Character.digit(c, 36)));
    return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
  }
}
