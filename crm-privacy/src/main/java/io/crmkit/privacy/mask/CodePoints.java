package io.crmkit.privacy.mask;

/** Small helpers over code points, so that masks never split a surrogate pair. */
final class CodePoints {
  /** The character that stands for a hidden one. */
  static final int MASK = '*';
  /** What a hidden run of unknown length is written as. */
  static final String HIDDEN = "***";

  private CodePoints() {}

  /**
   * Whether {@code cp} only gives a value its layout (spaces, {@code + - ( ) . /}) and is kept as
   * it is; every other character is content, revealed only where a mask says so.
   */
  static boolean isSeparator(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp)
        || cp == '+' || cp == '-' || cp == '(' || cp == ')' || cp == '.' || cp == '/';
  }

  static boolean isAsciiDigit(int cp) {
    return cp >= '0' && cp <= '9';
  }

  static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }

  static boolean allMasked(String text) {
    return !text.isEmpty() && text.codePoints().allMatch(cp -> cp == MASK);
  }

  static String repeatMask(int count) {
    return "*".repeat(Math.max(0, count));
  }

  /** The first {@code count} code points of {@code text}. */
  static String head(String text, int count) {
    int end = text.offsetByCodePoints(0, Math.min(count, text.codePointCount(0, text.length())));
    return text.substring(0, end);
  }
}
