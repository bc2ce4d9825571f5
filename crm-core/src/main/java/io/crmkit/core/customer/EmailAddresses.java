package io.crmkit.core.customer;

/**
 * A deliberately practical e-mail check: one {@code @}, a local part without spaces, and a domain
 * of dot-separated labels ending in a top-level label. It rejects typing mistakes, not every
 * address that RFC 5322 forbids.
 *
 * <p>The rule, as the regular expression it was first written as (lengths in code points):
 * {@code [^@\s\p{Z}]{1,64}@(?:[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?\.)+}
 * {@code (?:\p{L}[\p{L}\p{M}]{1,62}|(?i:xn--[a-z0-9-]{1,59}))}. Local part: no {@code @}, no space
 * of any kind. Domain labels: letters (with their combining marks, for scripts such as
 * Devanagari), digits and inner hyphens. Top-level label: letters, or the ASCII form of an
 * internationalised one ({@code xn--fiqs8s} for 中国). It is checked in one pass without the regex
 * engine, which cost more than the rest of a customer's rules.
 */
public final class EmailAddresses {
  private static final int MAX_LENGTH = 254;
  private static final int MAX_LOCAL = 64;
  private static final int MAX_LABEL = 63;
  private static final String PUNYCODE_PREFIX = "xn--";

  private EmailAddresses() {}

  /** Whether {@code value} looks like a deliverable e-mail address. */
  public static boolean isPlausible(String value) {
    if (value == null || value.length() > MAX_LENGTH) {
      return false;
    }
    int at = value.indexOf('@');
    if (at < 0 || !isLocalPart(value, at)) {
      return false;
    }
    int start = at + 1;
    int dot = value.indexOf('.', start);
    if (dot < 0) {
      return false; // at least one label before the top-level label
    }
    while (dot >= 0) {
      if (!isLabel(value, start, dot)) {
        return false;
      }
      start = dot + 1;
      dot = value.indexOf('.', start);
    }
    return isTopLevelLabel(value, start, value.length());
  }

  /** {@code [^@\s\p{Z}]{1,64}}: before the first {@code @}, so it holds none. */
  private static boolean isLocalPart(String value, int end) {
    int count = 0;
    for (int i = 0; i < end; i += Character.charCount(value.codePointAt(i))) {
      int c = value.codePointAt(i);
      if (++count > MAX_LOCAL || isRegexSpace(c) || isSeparator(c)) {
        return false;
      }
    }
    return count > 0;
  }

  /** {@code [\p{L}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?} */
  private static boolean isLabel(String value, int start, int end) {
    int count = 0;
    int last = -1;
    for (int i = start; i < end; i += Character.charCount(value.codePointAt(i))) {
      int c = value.codePointAt(i);
      boolean allowed = count == 0 ? isLetter(c) || isNumber(c) : isLetter(c) || isMark(c) || isNumber(c) || c == '-';
      if (!allowed || ++count > MAX_LABEL) {
        return false;
      }
      last = c;
    }
    return count == 1 || count > 1 && last != '-';
  }

  /** {@code \p{L}[\p{L}\p{M}]{1,62}} or {@code (?i:xn--[a-z0-9-]{1,59})}. */
  private static boolean isTopLevelLabel(String value, int start, int end) {
    return isLettersTopLevel(value, start, end) || isPunycodeTopLevel(value, start, end);
  }

  private static boolean isLettersTopLevel(String value, int start, int end) {
    int count = 0;
    for (int i = start; i < end; i += Character.charCount(value.codePointAt(i))) {
      int c = value.codePointAt(i);
      if (!(isLetter(c) || count > 0 && isMark(c)) || ++count > MAX_LABEL) {
        return false;
      }
    }
    return count >= 2;
  }

  private static boolean isPunycodeTopLevel(String value, int start, int end) {
    int length = end - start;
    if (length <= PUNYCODE_PREFIX.length() || length > MAX_LABEL) {
      return false;
    }
    for (int i = 0; i < PUNYCODE_PREFIX.length(); i++) {
      // (?i) without UNICODE_CASE folds ASCII letters only.
      if (asciiLower(value.charAt(start + i)) != PUNYCODE_PREFIX.charAt(i)) {
        return false;
      }
    }
    for (int i = start + PUNYCODE_PREFIX.length(); i < end; i++) {
      char c = asciiLower(value.charAt(i));
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** The regex {@code \s}: ASCII white space only. */
  private static boolean isRegexSpace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
  }

  /** {@code \p{Z}} */
  private static boolean isSeparator(int c) {
    int type = Character.getType(c);
    return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /** {@code \p{L}} */
  private static boolean isLetter(int c) {
    return c < 0x80 ? (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') : Character.isLetter(c);
  }

  /** {@code \p{N}} */
  private static boolean isNumber(int c) {
    if (c < 0x80) {
      return c >= '0' && c <= '9';
    }
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  /** {@code \p{M}} */
  private static boolean isMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }
}
