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

  /**
   * The characters a check position may hold. Usually the same as {@link #alphabet()}; ISO 7064
   * MOD 11-2 adds {@code X} (value 10) and MOD 37-2 adds {@code *} (value 36), supplementary
   * characters that never occur in a payload.
   */
  default String checkAlphabet() {
    return alphabet();
  }

  /** How many check characters {@link #compute} returns (1, or 2 for MOD 97-10). */
  int checkLength();

  /**
   * The check character(s) for {@code payload}.
   *
   * @throws IllegalArgumentException if {@code payload} is empty or has a character outside
   *     {@link #alphabet()}; the message names the character and its position
   * @throws NullPointerException if {@code payload} is null
   */
  String compute(String payload);

  /**
   * {@code payload} followed by its check character(s).
   *
   * @throws IllegalArgumentException as {@link #compute} does
   */
  default String append(String payload) {
    return payload + compute(payload);
  }

  /**
   * Whether {@code code} ends with the correct check character(s) for the rest of it. Never throws
   * for malformed input: a code with characters outside the alphabet, or too short, is invalid.
   */
  boolean isValid(String code);
}
