package io.crmkit.core.dedup.standardise;

import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.identifier.ResidentIdentityNumber;
import io.crmkit.core.identifier.UnifiedSocialCreditCode;
import java.util.List;
import java.util.Locale;

/**
 * Official identifiers for matching: NFKC, upper case, and nothing but letters and digits (no
 * spaces, dashes, dots or slashes), so that {@code 11010519491231002x} and
 * {@code 110105 19491231 002X} are one resident identity number. A value shaped like a resident
 * identity number or a credit code whose check character fails is kept (a typo still matches its
 * own copies) with a warning.
 */
final class Identifiers {
  private static final String FIELD = "identifier";
  private static final int MAX_LENGTH = 64;

  private Identifiers() {}

  /** The standardised identifier, or empty (with a warning) if nothing is left of it. */
  static String standardise(String raw, CustomerKind kind, List<String> warnings) {
    String folded = TextFolding.normalise(raw, FIELD, MAX_LENGTH * 2, warnings, false).toUpperCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
      }
    }
    String identifier = out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) : out.toString();
    if (identifier.isEmpty()) {
      warnings.add(FIELD + ": no letters or digits, ignored");
    } else if (out.length() > MAX_LENGTH) {
      warnings.add(FIELD + ": longer than " + MAX_LENGTH + " characters, cut");
    } else if (kind == CustomerKind.PERSON && looksLikeResidentId(identifier)
        && !ResidentIdentityNumber.isValid(identifier)) {
      warnings.add(FIELD + ": not a valid resident identity number (check character or birth date), kept");
    } else if (kind == CustomerKind.ORGANISATION && identifier.length() == UnifiedSocialCreditCode.LENGTH
        && !UnifiedSocialCreditCode.isValid(identifier)) {
      warnings.add(FIELD + ": not a valid unified social credit code, kept");
    }
    return identifier;
  }

  private static boolean looksLikeResidentId(String value) {
    if (value.length() != ResidentIdentityNumber.LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length() - 1; i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    char last = value.charAt(value.length() - 1);
    return last >= '0' && last <= '9' || last == 'X';
  }
}
