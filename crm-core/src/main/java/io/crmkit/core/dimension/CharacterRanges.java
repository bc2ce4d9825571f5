package io.crmkit.core.dimension;

import io.crmkit.core.common.Require;

/** Expands character-range specifications such as {@code 0-9A-Z} into the characters they name. */
final class CharacterRanges {
  private CharacterRanges() {}

  /**
   * The characters of {@code spec}, in order and without repeats: single characters and ranges
   * {@code a-b}; a {@code -} first or last stands for itself.
   *
   * @throws IllegalArgumentException if {@code spec} is empty or has a descending range
   */
  static String expand(String spec) {
    Require.argument(spec != null && !spec.isEmpty(), "a character range must not be empty");
    StringBuilder chars = new StringBuilder();
    int i = 0;
    while (i < spec.length()) {
      char from = spec.charAt(i);
      if (i + 2 < spec.length() && spec.charAt(i + 1) == '-') {
        char to = spec.charAt(i + 2);
        Require.argument(from <= to, "descending range '%s-%s' in '%s'", from, to, spec);
        for (int c = from; c <= to; c++) { // an int: a char counter would wrap after U+FFFF
          add(chars, (char) c);
        }
        i += 3;
      } else {
        add(chars, from);
        i++;
      }
    }
    return chars.toString();
  }

  /** The shortest range specification of {@code chars}, for messages. */
  static String describe(String chars) {
    StringBuilder spec = new StringBuilder();
    int i = 0;
    while (i < chars.length()) {
      int j = i;
      while (j + 1 < chars.length() && chars.charAt(j + 1) == chars.charAt(j) + 1) {
        j++;
      }
      spec.append(chars.charAt(i));
      if (j - i >= 2) {
        spec.append('-').append(chars.charAt(j));
      } else if (j > i) {
        spec.append(chars, i + 1, j + 1);
      }
      i = j + 1;
    }
    return spec.toString();
  }

  private static void add(StringBuilder chars, char c) {
    if (chars.indexOf(String.valueOf(c)) < 0) {
      chars.append(c);
    }
  }
}
