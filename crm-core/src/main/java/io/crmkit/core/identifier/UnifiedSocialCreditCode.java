package io.crmkit.core.identifier;

import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.Require;
import io.crmkit.core.common.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Chinese Unified Social Credit Code (统一社会信用代码, GB 32100-2015): the 18-character
 * identifier every organisation registered in China carries, for example
 * {@code 91350100M000100Y43}.
 *
 * <table>
 *   <caption>Layout</caption>
 *   <tr><th>position</th><th>meaning</th><th>accessor</th></tr>
 *   <tr><td>1</td><td>registration authority (for example 1 staffing office, 5 civil affairs,
 *       9 market regulation, Y other)</td><td>{@link #registrationAuthority()}</td></tr>
 *   <tr><td>2</td><td>organisation type within that authority (for example 1 enterprise under
 *       authority 9)</td><td>{@link #organisationType()}</td></tr>
 *   <tr><td>3-8</td><td>region code of the registering office (GB/T 2260)</td>
 *       <td>{@link #regionCode()}</td></tr>
 *   <tr><td>9-17</td><td>organisation code (GB 11714)</td><td>{@link #organisationCode()}</td></tr>
 *   <tr><td>18</td><td>check character</td><td>{@link #checkCharacter()}</td></tr>
 * </table>
 *
 * <p>Characters come from {@link #ALPHABET} (digits and capitals without I, O, S, V, Z, which
 * are too easily confused), with values 0..30 in that order. The check character's value is
 * {@code 31 - (Σ value(i) · weight(i) mod 31)} over positions 1..17, where the weights are
 * 3<sup>i-1</sup> mod 31, and 31 counts as 0. The weights are distinct and 31 is prime, so every
 * single-character substitution and every adjacent transposition is detected.
 *
 * <p>Parsing takes the text as written: no trimming, no case folding. The authority and type
 * codes are not checked against GB 32100's tables, because registration authorities have been
 * added since 2015 and rejecting a real code costs more than accepting an unusual one; the
 * region code is not checked against GB/T 2260 either, since old codes stay valid after
 * regions are renamed.
 *
 * <p>Immutable and thread-safe; equal when the codes are equal.
 */
public final class UnifiedSocialCreditCode {
  /** The 31 characters of the code, in the order of their values. */
  public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  /** Every code has this many characters. */
  public static final int LENGTH = 18;

  private static final int MODULUS = 31;
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  private static final int[] VALUES = valueTable();
  private static final String ALPHABET_IN_WORDS =
      "digits and the capital letters A-H, J-N, P-R, T, U, W-Y (no I, O, S, V or Z)";

  private final String value;

  private UnifiedSocialCreditCode(String value) {
    this.value = value;
  }

  /**
   * The code in {@code text}, or empty if {@code text} is null or not a valid code;
   * {@link #validate} says why.
   */
  public static Optional<UnifiedSocialCreditCode> parse(String text) {
    return isValid(text) ? Optional.of(new UnifiedSocialCreditCode(text)) : Optional.empty();
  }

  /**
   * The code in {@code text}, for input that should be valid.
   *
   * @throws CrmValidationException listing every problem if {@code text} is not a valid code
   * @throws NullPointerException if {@code text} is null
   */
  public static UnifiedSocialCreditCode of(String text) {
    Objects.requireNonNull(text, "text");
    List<Violation> problems = validate(text);
    if (!problems.isEmpty()) {
      throw new CrmValidationException("UnifiedSocialCreditCode", problems);
    }
    return new UnifiedSocialCreditCode(text);
  }

  /** Whether {@code text} is a valid code. Never throws; null is invalid. */
  public static boolean isValid(String text) {
    if (text == null || text.length() != LENGTH) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < LENGTH - 1; i++) {
      char c = text.charAt(i);
      int value = valueOf(c);
      if (value < 0 || isRegionPosition(i) && (c < '0' || c > '9')) {
        return false;
      }
      sum += value * WEIGHTS[i];
    }
    return valueOf(text.charAt(LENGTH - 1)) == checkValue(sum);
  }

  /**
   * Every problem with {@code text} as a code, each with path {@code ""} and one of the rules
   * {@code uscc-length}, {@code uscc-alphabet}, {@code uscc-region-code},
   * {@code uscc-check-character}. Empty if, and only if, the code is valid. The messages name
   * positions, never the characters, so they can be logged.
   */
  public static List<Violation> validate(String text) {
    if (text == null || text.length() != LENGTH) {
      return List.of(new Violation("", "uscc-length", "must have " + LENGTH + " characters, "
          + (text == null ? "there is no value" : "has " + text.length())));
    }
    List<Violation> problems = new ArrayList<>();
    List<Integer> outside = new ArrayList<>();
    boolean lowerCase = false;
    boolean regionDigits = true;
    for (int i = 0; i < LENGTH; i++) {
      char c = text.charAt(i);
      if (valueOf(c) < 0) {
        outside.add(i + 1);
        lowerCase |= c >= 'a' && c <= 'z';
      }
      if (isRegionPosition(i) && (c < '0' || c > '9')) {
        regionDigits = false;
      }
    }
    if (!outside.isEmpty()) {
      problems.add(new Violation("", "uscc-alphabet", Messages.positions(outside) + " not allowed; a Unified "
          + "Social Credit Code uses " + ALPHABET_IN_WORDS + (lowerCase ? ", and letters must be capitals" : "")));
    }
    if (!regionDigits) {
      problems.add(new Violation("", "uscc-region-code", "characters 3-8, the region code, must be digits"));
    }
    if (outside.isEmpty() && valueOf(text.charAt(LENGTH - 1)) != checkValue(weightedSum(text))) {
      problems.add(new Violation("", "uscc-check-character",
          "the check character (position 18) does not match positions 1-17; a character is mistyped or two are swapped"));
    }
    return List.copyOf(problems);
  }

  /**
   * The check character for the first 17 characters of a code, for building codes (test data,
   * migrations of codes stored without their check).
   *
   * @throws IllegalArgumentException if {@code first17} does not have 17 characters or has one
   *     outside {@link #ALPHABET}; the message names it and its position
   * @throws NullPointerException if {@code first17} is null
   */
  public static char computeCheckCharacter(String first17) {
    Objects.requireNonNull(first17, "first17");
    Require.argument(first17.length() == LENGTH - 1,
        "a Unified Social Credit Code's check covers 17 characters, not %s", first17.length());
    for (int i = 0; i < first17.length(); i++) {
      Require.argument(valueOf(first17.charAt(i)) >= 0,
          "character '%s' at position %s is not in the Unified Social Credit Code alphabet %s",
          first17.charAt(i), i + 1, ALPHABET);
    }
    return ALPHABET.charAt(checkValue(weightedSum(first17)));
  }

  /** The whole code, 18 characters. */
  public String value() {
    return value;
  }

  /** Position 1: the registration authority code, for example {@code 9} (market regulation). */
  public char registrationAuthority() {
    return value.charAt(0);
  }

  /** Position 2: the organisation type within the registration authority's scheme. */
  public char organisationType() {
    return value.charAt(1);
  }

  /** Positions 3-8: the GB/T 2260 region code of the registering office, for example {@code 350100}. */
  public String regionCode() {
    return value.substring(2, 8);
  }

  /** Positions 9-17: the organisation code (GB 11714), for example {@code M000100Y4}. */
  public String organisationCode() {
    return value.substring(8, 17);
  }

  /** Position 18: the check character. */
  public char checkCharacter() {
    return value.charAt(17);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UnifiedSocialCreditCode code && code.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** The code itself: organisation identifiers are public register data, not personal data. */
  @Override
  public String toString() {
    return value;
  }

  private static boolean isRegionPosition(int index) {
    return index >= 2 && index < 8;
  }

  private static int weightedSum(String text) {
    int sum = 0;
    for (int i = 0; i < LENGTH - 1; i++) {
      sum += valueOf(text.charAt(i)) * WEIGHTS[i];
    }
    return sum;
  }

  /** {@code 31 - (sum mod 31)}, with 31 written as 0. */
  private static int checkValue(int sum) {
    return (MODULUS - sum % MODULUS) % MODULUS;
  }

  private static int valueOf(char c) {
    return c < VALUES.length ? VALUES[c] : -1;
  }

  private static int[] valueTable() {
    int[] table = new int['Z' + 1];
    Arrays.fill(table, -1);
    for (int value = 0; value < ALPHABET.length(); value++) {
      table[ALPHABET.charAt(value)] = value;
    }
    return table;
  }
}
