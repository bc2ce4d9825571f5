package io.crmkit.core.dedup.standardise;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import io.crmkit.core.customer.PhoneNumbers;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Phone numbers to E.164 with libphonenumber (through {@link PhoneNumbers}): a number without
 * country code is read in the default region, so mainland mobiles and landlines with their area
 * code ({@code 010-6552 9988}) resolve, as do {@code +86} and {@code 0086} prefixes, spaces,
 * dashes, dots and brackets. One field may hold several numbers separated by {@code ; , / |} or
 * {@code 、}. An invalid number is dropped with a warning.
 *
 * <p>Most numbers are digits with separators. Those are tried first as the E.164 number parsing
 * would give ({@code +}, the region's calling code, the digits; or {@code +} for a leading
 * {@code 00} where that is the region's international prefix) and accepted only when
 * {@link PhoneNumbers#isValidE164} proves that form valid without the general parser, whose
 * regular expressions cost more than the rest of standardisation. Anything else is parsed.
 */
final class Phones {
  private static final String FIELD = "phones";
  private static final String SEPARATORS = ";,，；、/|";
  /** Longer than any number with an extension: not a phone number but text. */
  private static final int MAX_LENGTH = 64;
  private static final int SHOWN = 30;

  private final String region;
  private final String callingCode;
  private final boolean doubleZeroIsInternational;

  /** Phones read in {@code region}, a region libphonenumber knows. */
  Phones(String region) {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    this.region = region;
    this.callingCode = Integer.toString(util.getCountryCodeForRegion(region));
    this.doubleZeroIsInternational = "00".equals(DefaultMetadataDependenciesProvider.getInstance()
        .getPhoneNumberMetadataSource().getMetadataForRegion(region).getInternationalPrefix());
  }

  /** Adds the E.164 form of each number in {@code raws} to {@code out}; warnings for the rest. */
  void standardise(List<String> raws, Set<String> out, List<String> warnings) {
    for (String raw : raws) {
      String value = TextFolding.normalise(raw, FIELD, MAX_LENGTH * 4, warnings, false);
      if (value.isEmpty()) {
        warnings.add(FIELD + ": blank value ignored");
        continue;
      }
      int start = 0;
      for (int end = 0; end <= value.length(); end++) {
        if (end == value.length() || SEPARATORS.indexOf(value.charAt(end)) >= 0) {
          String number = value.substring(start, end).strip();
          if (!number.isEmpty()) {
            toE164(number).ifPresentOrElse(out::add, () -> warnings.add(
                FIELD + ": '" + shown(number) + "' is not a valid phone number in region " + region + ", dropped"));
          }
          start = end + 1;
        }
      }
    }
  }

  /** The E.164 form of one number, or empty if it is not a valid number. */
  Optional<String> toE164(String number) {
    if (number.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String candidate = directCandidate(number);
    if (candidate != null && PhoneNumbers.isValidE164(candidate)) {
      return Optional.of(candidate);
    }
    return PhoneNumbers.toE164(number, region);
  }

  /**
   * What parsing would give if {@code number} is a plain international or national number: its
   * digits (separators {@code space - . ( )} dropped) after {@code +}, after {@code +} for a
   * leading {@code 00} where that dials abroad, or after {@code +} and the region's calling code;
   * null when the number has anything else in it.
   */
  String directCandidate(String number) {
    StringBuilder digits = new StringBuilder(number.length() + 4);
    boolean plus = false;
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '+' && digits.length() == 0 && !plus) {
        plus = true;
      } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
        return null;
      }
    }
    if (digits.length() == 0) {
      return null;
    }
    if (plus) {
      return digits.insert(0, '+').toString();
    }
    if (digits.length() > 2 && digits.charAt(0) == '0' && digits.charAt(1) == '0') {
      return doubleZeroIsInternational ? "+" + digits.substring(2) : null;
    }
    return digits.insert(0, callingCode).insert(0, '+').toString();
  }

  /** A value as a warning shows it: short, so that a 10,000-character value does not flood the log. */
  static String shown(String value) {
    return value.length() <= SHOWN ? value : value.substring(0, SHOWN) + "…";
  }
}
