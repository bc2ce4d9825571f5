package io.crmkit.core.dedup.standardise;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The text rules every standardised value goes through: invisible and control characters out,
 * Unicode NFKC (which also turns full-width letters, digits and the ideographic space into their
 * half-width forms), case folding with {@link Locale#ROOT}, white space collapsed to single spaces
 * and trimmed, and a length limit. Folding its own output changes nothing.
 *
 * <p>Problems are reported as warnings naming the field, never as exceptions: control characters
 * (NUL included) and unpaired surrogates are removed, and an over-long value is cut.
 */
final class TextFolding {
  /** Work on a value is bounded: beyond this many times the limit, the tail is cut before folding. */
  private static final int WORK_FACTOR = 4;

  private TextFolding() {}

  /** {@code raw} folded and case-folded; empty if nothing printable is left. */
  static String fold(String raw, String field, int maxLength, List<String> warnings) {
    return normalise(raw, field, maxLength, warnings, true);
  }

  /**
   * {@code raw} normalised as {@link #fold} does, with case folding only if {@code lowerCase}
   * (e-mail local parts and identifiers keep or choose their own case).
   */
  static String normalise(String raw, String field, int maxLength, List<String> warnings, boolean lowerCase) {
    if (raw.isEmpty()) {
      return raw;
    }
    String text = raw;
    boolean cut = false;
    int workLimit = maxLength * WORK_FACTOR;
    if (text.length() > workLimit) {
      text = text.substring(0, Character.isHighSurrogate(text.charAt(workLimit - 1)) ? workLimit - 1 : workLimit);
      cut = true;
    }
    text = removeInvisible(text, field, warnings);
    boolean ascii = isAscii(text);
    if (!ascii) {
      text = nfkc(text);
    }
    if (lowerCase) {
      String lower = text.toLowerCase(Locale.ROOT);
      text = ascii || lower.equals(text) ? lower : nfkc(lower);
    }
    text = collapseWhitespace(text);
    if (text.codePointCount(0, text.length()) > maxLength) {
      text = text.substring(0, text.offsetByCodePoints(0, maxLength));
      if (text.endsWith(" ")) {
        text = text.substring(0, text.length() - 1);
      }
      cut = true;
    }
    if (cut) {
      warnings.add(field + ": longer than " + maxLength + " characters, cut");
    }
    return text;
  }

  private static String nfkc(String text) {
    return Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Control characters other than tab and line breaks are removed with a warning, tab and line
   * breaks become spaces, unpaired surrogates are removed with a warning, and format characters
   * (zero-width spaces, byte-order marks, direction marks) are removed silently: they are invisible
   * to the person who typed the value.
   */
  static String removeInvisible(String text, String field, List<String> warnings) {
    int first = firstInvisible(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
    boolean controls = false;
    boolean surrogates = false;
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        int codePoint = text.codePointAt(i);
        if (Character.getType(codePoint) != Character.FORMAT) {
          out.append(c).append(text.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        surrogates = true;
      } else if (c == '\t' || c == '\n' || c == '\r') {
        out.append(' ');
      } else if (Character.getType(c) == Character.CONTROL) {
        controls = true;
      } else if (Character.getType(c) != Character.FORMAT) {
        out.append(c);
      }
    }
    if (controls) {
      warnings.add(field + ": control characters removed");
    }
    if (surrogates) {
      warnings.add(field + ": unpaired surrogates removed");
    }
    return out.toString();
  }

  private static int firstInvisible(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0x7f && c < 0xa0) {
        return i;
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (Character.getType(text.codePointAt(i)) == Character.FORMAT) {
          return i;
        }
        i++;
      } else if (c >= 0xa0 && (Character.isSurrogate(c) || Character.getType(c) == Character.FORMAT)) {
        return i;
      }
    }
    return -1;
  }

  /** Runs of white space (any Unicode space, not only ASCII) become one space; none at either end. */
  static String collapseWhitespace(String text) {
    if (isCollapsed(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isCollapsed(String text) {
    int length = text.length();
    if (length > 0 && (isSpace(text.charAt(0)) || isSpace(text.charAt(length - 1)))) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == ' ' ? text.charAt(i - 1) == ' ' : isSpace(c)) {
        return false;
      }
    }
    return true;
  }

  static boolean isSpace(char c) {
    return c == ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** Spaces next to a Han character removed: Chinese is written without them (建国路 88 号 → 建国路88号). */
  static String removeSpacesBesideHan(String text) {
    if (text.indexOf(' ') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' || i == 0 || i == text.length() - 1
          || !(NameSplitter.isHanChar(text.codePointBefore(i)) || NameSplitter.isHanChar(text.codePointAt(i + 1)))) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
