package io.crmkit.core.checkdigit;

/**
 * A check-character system: computes the character(s) appended to a code so that typing errors
 * are detected (ISO 7064, Luhn, Damm, ...). Implementations are stateless and thread-safe.
 */
public interface CheckCharacterSystem {

  /** A short stable name, for example {@code ISO 7064 MOD 11-2}. */
  String name();

  /** The characters a payload may contain, in the order of their numeric values. */
  String alphabet();

  /** How many check characters {@link #compute} returns (1, or 2 for MOD 97-10). */
  int checkLength();

  /**
   * The check character(s) for {@code payload}.
   *
   * @throws IllegalArgumentException if {@code payload} is empty or has a character outside
   *     {@link #alphabet()}
   */
  String compute(String payload);

  /** {@code payload} followed by its check character(s). */
  default String append(String payload) {
    return payload + compute(payload);
  }

  /**
   * Whether {@code code} ends with the correct check character(s) for the rest of it. Never throws
   * for malformed input: a code with characters outside the alphabet, or too short, is invalid.
   */
  boolean isValid(String code);
}
