package io.crmkit.core.checkdigit;

import java.util.Objects;

/**
 * An ISO/IEC 7064 pure system: the whole code, check characters included, read as a number in
 * radix {@code r} is congruent to 1 modulo the prime {@code M}. Because {@code M} is prime and
 * larger than every character value, a single substitution changes the number by a non-multiple
 * of {@code M}; because {@code r - 1} is not a multiple of {@code M} either, neither does a
 * transposition of two adjacent characters. Both error kinds are therefore always detected.
 */
final class Iso7064PureSystem implements CheckCharacterSystem {
  private final String name;
  private final int modulus;
  private final int radix;
  private final int checkLength;
  private final Alphabet payload;
  private final Alphabet check;

  Iso7064PureSystem(String name, int modulus, int radix, String alphabet, String checkAlphabet, int checkLength) {
    if (checkLength != 1 && checkLength != 2) {
      throw new IllegalArgumentException("ISO 7064 pure systems have one or two check characters");
    }
    this.name = Objects.requireNonNull(name, "name");
    this.modulus = modulus;
    this.radix = radix;
    this.checkLength = checkLength;
    this.payload = Alphabet.of(alphabet);
    this.check = Alphabet.of(checkAlphabet);
    if (checkLength == 1 && check.size() != modulus) {
      throw new IllegalArgumentException("one check character needs an alphabet of " + modulus + " characters");
    }
    if (checkLength == 2 && check.size() != radix) {
      throw new IllegalArgumentException("two check characters are two digits in radix " + radix);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String alphabet() {
    return payload.characters();
  }

  @Override
  public String checkAlphabet() {
    return check.characters();
  }

  @Override
  public int checkLength() {
    return checkLength;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The check value is {@code (M + 1 - P) mod M}, where {@code P} is the payload shifted left by
   * the check positions, modulo {@code M}. For MOD 97-10 that gives {@code 00}..{@code 96}; IBAN's
   * rule {@code 98 - P} differs only where {@code P} is 0 or 1 ({@code 98}, {@code 97}) and both
   * forms pass {@link #isValid}.
   */
  @Override
  public String compute(String payloadText) {
    Objects.requireNonNull(payloadText, "payload");
    Alphabet.requireNotEmpty(payloadText, name);
    int sum = 0;
    for (int i = 0; i < payloadText.length(); i++) {
      sum = (sum + payload.payloadValue(payloadText, i, name)) * radix % modulus;
    }
    if (checkLength == 2) {
      sum = sum * radix % modulus;
    }
    int value = (modulus + 1 - sum) % modulus;
    if (checkLength == 1) {
      return String.valueOf(check.character(value));
    }
    return new String(new char[] {check.character(value / radix), check.character(value % radix)});
  }

  @Override
  public boolean isValid(String code) {
    if (code == null || code.length() <= checkLength) {
      return false;
    }
    int checkStart = code.length() - checkLength;
    int sum = 0;
    for (int i = 0; i < code.length(); i++) {
      int value = i < checkStart ? payload.valueOf(code.charAt(i)) : check.valueOf(code.charAt(i));
      if (value < 0) {
        return false;
      }
      sum = (sum * radix + value) % modulus;
    }
    return sum == 1;
  }

  @Override
  public String toString() {
    return name;
  }
}
