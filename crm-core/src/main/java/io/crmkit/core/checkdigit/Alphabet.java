package io.crmkit.core.checkdigit;

import java.util.Arrays;

/**
 * The numeric values of an alphabet's characters, looked up in a table so that validating a code
 * costs one array read per character.
 */
final class Alphabet {
  private static final int NONE = -1;

  private final String characters;
  private final int[] values;

  private Alphabet(String characters) {
    int highest = characters.chars().max().orElseThrow();
    int[] table = new int[highest + 1];
    Arrays.fill(table, NONE);
    for (int value = 0; value < characters.length(); value++) {
      char c = characters.charAt(value);
      if (table[c] != NONE) {
        throw new IllegalArgumentException("duplicate character '" + c + "' in alphabet " + characters);
      }
      table[c] = value;
    }
    this.characters = characters;
    this.values = table;
  }

  static Alphabet of(String characters) {
    if (characters.isEmpty()) {
      throw new IllegalArgumentException("an alphabet needs at least one character");
    }
    return new Alphabet(characters);
  }

  String characters() {
    return characters;
  }

  int size() {
    return characters.length();
  }

  char character(int value) {
    return characters.charAt(value);
  }

  /** The value of {@code c}, or -1 if {@code c} is not in the alphabet. */
  int valueOf(char c) {
    return c < values.length ? values[c] : NONE;
  }

  /**
   * The value of the character at {@code index} of a payload being computed.
   *
   * @throws IllegalArgumentException naming the character and its 1-based position if it is not
   *     in the alphabet
   */
  int payloadValue(String payload, int index, String systemName) {
    char c = payload.charAt(index);
    int value = valueOf(c);
    if (value == NONE) {
      throw new IllegalArgumentException(systemName + " cannot compute a check for a payload with "
          + describe(c) + " at position " + (index + 1) + "; allowed characters: " + characters);
    }
    return value;
  }

  /** Rejects an empty payload, the one input no check-character system accepts. */
  static void requireNotEmpty(String payload, String systemName) {
    if (payload.isEmpty()) {
      throw new IllegalArgumentException(systemName + " cannot compute a check for an empty payload");
    }
  }

  private static String describe(char c) {
    if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSurrogate(c)) {
      return String.format("character U+%04X", (int) c);
    }
    return "character '" + c + "' (U+" + String.format("%04X", (int) c) + ")";
  }
}
