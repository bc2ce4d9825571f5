package io.crmkit.core.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Objects;
import java.util.Optional;

/**
 * Phone numbers in the one form crmkit stores: E.164 ({@code +8613812345678}), parsed and
 * checked with Google's libphonenumber.
 */
public final class PhoneNumbers {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

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

  /** Whether {@code value} is a valid number written in E.164 form. */
  public static boolean isValidE164(String value) {
    return value != null && value.startsWith("+")
        && toE164(value, "ZZ").map(value::equals).orElse(false);
  }
}
