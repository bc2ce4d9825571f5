package io.crmkit.core.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * Phone numbers in the one form crmkit stores: E.164 ({@code +8613812345678}), parsed and
 * checked with Google's libphonenumber.
 */
public final class PhoneNumbers {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  /** The metadata {@code PhoneNumberUtil.getInstance()} reads: same files, loader and parser. */
  private static final MetadataSource METADATA =
      DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
  private static final Set<Integer> CALLING_CODES = UTIL.getSupportedCallingCodes();
  private static final String NON_GEOGRAPHICAL = "001";
  /** libphonenumber's limits: country codes of 1-3 digits, national numbers of 2-17. */
  private static final int MAX_COUNTRY_CODE = 3;
  private static final int MIN_NATIONAL = 2;
  private static final int MAX_NATIONAL = 17;
  private static final Pattern MATCHES_EVERYTHING = Pattern.compile("");
  private static final Pattern MATCHES_NOTHING = Pattern.compile("(?!)");
  /** By country code, as parsing compiles them; immutable metadata, so kept. */
  private static final ConcurrentMap<Integer, Pattern> NATIONAL_PREFIXES = new ConcurrentHashMap<>();

  private PhoneNumbers() {}

  /**
   * Converts a number as people write it to E.164.
   *
   * @param raw the number, with or without country code, in any common format
   * @param defaultRegion ISO 3166-1 alpha-2 region used when {@code raw} has no country code
   * @return the E.164 form, or empty if the number is not a valid number
   */
  public static Optional<String> toE164(String raw, String defaultRegion) {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(defaultRegion, "defaultRegion");
    try {
      Phonenumber.PhoneNumber number = UTIL.parse(raw, defaultRegion);
      return UTIL.isValidNumber(number)
          ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether {@code value} is a valid number written in E.164 form: libphonenumber parses it to a
   * valid number whose E.164 form is {@code value} itself.
   *
   * <p>A value of a plus sign and digits, the stored form, is checked without libphonenumber's
   * general-purpose parser, which looks for extensions, national prefixes and punctuation that such
   * a value cannot hold; see {@link #provablyValidDigits}. Anything else is parsed.
   */
  public static boolean isValidE164(String value) {
    return value != null && value.startsWith("+") && (provablyValidDigits(value) || parsesToItself(value));
  }

  /** The check by parsing, for every value: what {@link #isValidE164} answers. */
  static boolean parsesToItself(String value) {
    return toE164(value, "ZZ").map(value::equals).orElse(false);
  }

  /**
   * Whether {@code value}, a plus sign and ASCII digits, is certainly a valid E.164 number; {@code
   * false} means "not proven". It builds the number as {@code PhoneNumberUtil.parse(value, "ZZ")}
   * would (9.0.x): nothing to strip but the plus sign (no extension, punctuation or letters),
   * the country code is the first 1-3 digits that name one, and the national number is the rest
   * with its leading zeros recorded. The one step it does not repeat is stripping a national
   * prefix from the rest, so it gives up whenever the region's national-prefix pattern matches the
   * start of the rest. Then libphonenumber judges the number and formats it, exactly as after
   * parsing.
   */
  static boolean provablyValidDigits(String value) {
    int length = value.length();
    if (length < 4 || length > 1 + MAX_COUNTRY_CODE + MAX_NATIONAL || value.charAt(1) == '0') {
      return false; // parse rejects fewer than three digits and country codes starting with 0
    }
    for (int i = 1; i < length; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    int countryCode = 0;
    int nationalStart = 0;
    for (int i = 1; i <= MAX_COUNTRY_CODE && nationalStart == 0; i++) {
      countryCode = countryCode * 10 + (value.charAt(i) - '0');
      if (CALLING_CODES.contains(countryCode)) {
        nationalStart = i + 1;
      }
    }
    String national = value.substring(Math.max(nationalStart, 1));
    if (nationalStart == 0 || national.length() < MIN_NATIONAL || national.length() > MAX_NATIONAL
        || mayStartWithNationalPrefix(countryCode, national)) {
      return false;
    }
    Phonenumber.PhoneNumber number = new Phonenumber.PhoneNumber().setCountryCode(countryCode);
    setLeadingZeros(national, number);
    number.setNationalNumber(Long.parseLong(national));
    return UTIL.isValidNumber(number)
        && UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164).equals(value);
  }

  private static boolean mayStartWithNationalPrefix(int countryCode, String national) {
    return NATIONAL_PREFIXES.computeIfAbsent(countryCode, PhoneNumbers::nationalPrefix).matcher(national).lookingAt();
  }

  /**
   * The pattern libphonenumber strips as a national prefix when it parses a number of {@code
   * countryCode}: one that matches nothing if the region has none, and one that matches everything
   * if its metadata cannot be read (then nothing is proven).
   */
  private static Pattern nationalPrefix(int countryCode) {
    String region = UTIL.getRegionCodeForCountryCode(countryCode);
    PhoneMetadata metadata;
    try {
      metadata = NON_GEOGRAPHICAL.equals(region)
          ? METADATA.getMetadataForNonGeographicalRegion(countryCode)
          : METADATA.getMetadataForRegion(region);
    } catch (RuntimeException e) {
      metadata = null;
    }
    if (metadata == null) {
      return MATCHES_EVERYTHING;
    }
    String prefix = metadata.getNationalPrefixForParsing();
    return prefix.isEmpty() ? MATCHES_NOTHING : Pattern.compile(prefix);
  }

  /** As libphonenumber records leading zeros of a national number (the last digit never counts). */
  private static void setLeadingZeros(String national, Phonenumber.PhoneNumber number) {
    if (national.length() > 1 && national.charAt(0) == '0') {
      number.setItalianLeadingZero(true);
      int zeros = 1;
      while (zeros < national.length() - 1 && national.charAt(zeros) == '0') {
        zeros++;
      }
      if (zeros != 1) {
        number.setNumberOfLeadingZeros(zeros);
      }
    }
  }
}
