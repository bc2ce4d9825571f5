package io.crmkit.privacy.mask;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.crmkit.core.common.Require;
import java.util.Set;

/**
 * Masks a phone number: the country code of an international number ({@code +86}) stays, and of
 * the rest the configured ends stay, so {@code 13812345678} becomes {@code 138****5678} and
 * {@code +86 138 1234 5678} becomes {@code +86 138 **** 5678}.
 *
 * <p>The country code is read from the digits after a leading {@code +}: calling codes are
 * prefix-free, so the first one to three digits that form a code are the code. A value that is no
 * phone number at all is still masked, as content characters.
 *
 * @param number how much of the number after the country code stays
 */
public record PhoneMask(KeepEnds number) {
  private static final Set<Integer> CALLING_CODES = PhoneNumberUtil.getInstance().getSupportedCallingCodes();

  public PhoneMask {
    Require.notNull(number, "number");
  }

  /** First three and last four digits kept, at least four hidden: the Chinese convention. */
  public static PhoneMask defaults() {
    return new PhoneMask(KeepEnds.of(3, 4, 4));
  }

  public String mask(String phone) {
    Require.notNull(phone, "phone");
    return number.mask(phone, countryCodeLength(phone));
  }

  /** How many digits of the country code {@code phone} starts with, 0 if not international. */
  static int countryCodeLength(String phone) {
    String trimmed = phone.strip();
    if (!trimmed.startsWith("+")) {
      return 0;
    }
    int code = 0;
    int digits = 0;
    for (int i = 1; i < trimmed.length() && digits < 3; ) {
      int cp = trimmed.codePointAt(i);
      i += Character.charCount(cp);
      if (CodePoints.isSeparator(cp)) {
        continue;
      }
      if (!CodePoints.isAsciiDigit(cp)) {
        return 0;
      }
      code = code * 10 + (cp - '0');
      digits++;
      if (CALLING_CODES.contains(code)) {
        return digits;
      }
    }
    return 0;
  }
}
