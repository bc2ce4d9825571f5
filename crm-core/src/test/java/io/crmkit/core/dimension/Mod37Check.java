package io.crmkit.core.dimension;

import io.crmkit.core.checkdigit.CheckCharacterSystem;

/**
 * Test-only ISO 7064 MOD 37-2 (the production implementations live in {@code checkdigit}): digits
 * and capital letters, check character from the same set plus {@code *}. Detects every
 * single-character substitution.
 */
public final class Mod37Check implements CheckCharacterSystem {
  private static final String CHECK_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";

  @Override
  public String name() {
    return "ISO 7064 MOD 37-2";
  }

  @Override
  public String alphabet() {
    return CHECK_ALPHABET.substring(0, 36);
  }

  @Override
  public int checkLength() {
    return 1;
  }

  @Override
  public String compute(String payload) {
    if (payload.isEmpty()) {
      throw new IllegalArgumentException("empty payload");
    }
    int p = 0;
    for (char c : payload.toCharArray()) {
      int value = alphabet().indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("'" + c + "' is not in the alphabet");
      }
      p = (p + value) * 2 % 37;
    }
    return String.valueOf(CHECK_ALPHABET.charAt((38 - p) % 37));
  }

  @Override
  public boolean isValid(String code) {
    if (code == null || code.length() < 2) {
      return false;
    }
    String payload = code.substring(0, code.length() - 1);
    for (char c : payload.toCharArray()) {
      if (alphabet().indexOf(c) < 0) {
        return false;
      }
    }
    return compute(payload).charAt(0) == code.charAt(code.length() - 1);
  }
}
