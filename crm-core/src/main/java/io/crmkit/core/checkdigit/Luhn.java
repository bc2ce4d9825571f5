package io.crmkit.core.checkdigit;

import java.util.Objects;

/**
 * The Luhn (mod 10) algorithm of payment-card numbers and IMEIs: from the right, every second
 * digit is doubled (its digit sum taken), and the check digit makes the total a multiple of 10.
 *
 * <p>Detects every single-digit substitution, because doubling permutes the digits. Misses the
 * adjacent transposition {@code 09} ↔ {@code 90} (both contribute 9 in either order), so it is
 * kept for interoperability with existing codes, not recommended for new ones.
 */
final class Luhn implements CheckCharacterSystem {
  private static final String NAME = "Luhn";
  private static final Alphabet DIGITS = Alphabet.of("0123456789");
  /** The digit sum of twice each digit. */
  private static final int[] DOUBLED = {0, 2, 4, 6, 8, 1, 3, 5, 7, 9};

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String alphabet() {
    return DIGITS.characters();
  }

  @Override
  public int checkLength() {
    return 1;
  }

  @Override
  public String compute(String payload) {
    Objects.requireNonNull(payload, "payload");
    Alphabet.requireNotEmpty(payload, NAME);
    int sum = 0;
    boolean doubled = true;
    for (int i = payload.length() - 1; i >= 0; i--) {
      int digit = DIGITS.payloadValue(payload, i, NAME);
      sum += doubled ? DOUBLED[digit] : digit;
      doubled = !doubled;
    }
    return String.valueOf((char) ('0' + (10 - sum % 10) % 10));
  }

  @Override
  public boolean isValid(String code) {
    if (code == null || code.length() < 2) {
      return false;
    }
    int sum = 0;
    boolean doubled = false;
    for (int i = code.length() - 1; i >= 0; i--) {
      int digit = DIGITS.valueOf(code.charAt(i));
      if (digit < 0) {
        return false;
      }
      sum += doubled ? DOUBLED[digit] : digit;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }

  @Override
  public String toString() {
    return NAME;
  }
}
