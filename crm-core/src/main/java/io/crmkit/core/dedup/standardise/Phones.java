package io.crmkit.core.dedup.standardise;

import io.crmkit.core.customer.PhoneNumbers;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Phone numbers to E.164 with libphonenumber (through {@link PhoneNumbers}): a number without
 * country code is read in the default region, so mainland mobiles and landlines with their area
 * code ({@code 010-6552 9988}) resolve, as do {@code +86} and {@code 0086} prefixes, spaces,
 * dashes, dots and brackets. One field may hold several numbers separated by {@code ; , / |} or
 * {@code 、}. An invalid number is dropped with a warning.
 */
final class Phones {
  private static final String FIELD = "phones";
  private static final Pattern SEPARATORS = Pattern.compile("[;,，；、/|]");
  /** Longer than any number with an extension: not a phone number but text. */
  private static final int MAX_LENGTH = 64;
  private static final int SHOWN = 30;

  private Phones() {}

  /** Adds the E.164 form of each number in {@code raws} to {@code out}; warnings for the rest. */
  static void standardise(List<String> raws, String defaultRegion, Set<String> out, List<String> warnings) {
    for (String raw : raws) {
      String value = TextFolding.normalise(raw, FIELD, MAX_LENGTH * 4, warnings, false);
      if (value.isEmpty()) {
        warnings.add(FIELD + ": blank value ignored");
        continue;
      }
      if (PhoneNumbers.isValidE164(value)) {
        out.add(value);
        continue;
      }
      for (String part : SEPARATORS.split(value)) {
        String number = part.strip();
        if (!number.isEmpty()) {
          toE164(number, defaultRegion).ifPresentOrElse(out::add, () -> warnings.add(
              FIELD + ": '" + shown(number) + "' is not a valid phone number in region " + defaultRegion + ", dropped"));
        }
      }
    }
  }

  private static Optional<String> toE164(String number, String defaultRegion) {
    return number.length() > MAX_LENGTH ? Optional.empty() : PhoneNumbers.toE164(number, defaultRegion);
  }

  /** A value as a warning shows it: short, so that a 10,000-character value does not flood the log. */
  static String shown(String value) {
    return value.length() <= SHOWN ? value : value.substring(0, SHOWN) + "…";
  }
}
