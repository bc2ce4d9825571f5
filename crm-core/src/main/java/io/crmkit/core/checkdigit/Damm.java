package io.crmkit.core.checkdigit;

import java.util.Objects;

/**
 * The Damm algorithm (H. M. Damm, 2004) for decimal codes: the digits are folded through a
 * weakly totally anti-symmetric quasigroup of order 10, and the check digit is the final
 * interim value, so a valid code folds to 0.
 *
 * <p>Detects every single-digit substitution (each row and column of the table is a
 * permutation) and every adjacent transposition (anti-symmetry), with no supplementary
 * character such as ISO 7064 MOD 11-2's {@code X}.
 */
final class Damm implements CheckCharacterSystem {
  private static final String NAME = "Damm";
  private static final Alphabet DIGITS = Alphabet.of("0123456789");
  /** The quasigroup table Damm published, row = interim digit, column = next digit. */
  private static final byte[][] TABLE = {
      {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
      {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
      {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
      {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
      {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
      {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
      {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
      {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
      {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
      {2, 5, 8, 1, 4, 3, 6, 7, 9, 0},
  };

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
    int interim = 0;
    for (int i = 0; i < payload.length(); i++) {
      interim = TABLE[interim][DIGITS.payloadValue(payload, i, NAME)];
    }
    return String.valueOf((char) ('0' + interim));
  }

  @Override
  public boolean isValid(String code) {
    if (code == null || code.length() < 2) {
      return false;
    }
    int interim = 0;
    for (int i = 0; i < code.length(); i++) {
      int digit = DIGITS.valueOf(code.charAt(i));
      if (digit < 0) {
        return false;
      }
      interim = TABLE[interim][digit];
    }
    return interim == 0;
  }

  @Override
  public String toString() {
    return NAME;
  }
}
