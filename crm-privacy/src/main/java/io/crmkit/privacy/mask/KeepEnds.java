package io.crmkit.privacy.mask;

import io.crmkit.core.common.Require;

/**
 * Masks the middle of a value: its first {@code keepFirst} and last {@code keepLast} content
 * characters stay, every other content character becomes {@code *}, and separators (spaces,
 * {@code + - ( ) . /}) stay where they are, so {@code 138 1234 5678} becomes {@code 138 **** 5678}.
 *
 * <p>At least {@code minHidden} content characters are always hidden: a short value gives up its
 * kept ends (the first ones before the last ones) rather than show itself whole. Which positions
 * are hidden depends only on the number of content characters, and {@code *} counts as content, so
 * masking a masked value changes nothing.
 *
 * @param keepFirst content characters kept at the start
 * @param keepLast content characters kept at the end
 * @param minHidden content characters hidden at least (all of them if the value is shorter)
 */
public record KeepEnds(int keepFirst, int keepLast, int minHidden) {
  public KeepEnds {
    Require.atLeast(keepFirst, 0, "keepFirst");
    Require.atLeast(keepLast, 0, "keepLast");
    Require.atLeast(minHidden, 1, "minHidden");
  }

  public static KeepEnds of(int keepFirst, int keepLast, int minHidden) {
    return new KeepEnds(keepFirst, keepLast, minHidden);
  }

  /** Masks {@code text}. */
  public String mask(String text) {
    return mask(text, 0);
  }

  /**
   * Masks {@code text} after its first {@code alwaysKept} content characters, which stay as they
   * are and do not count towards the ends (a phone number's country code).
   */
  String mask(String text, int alwaysKept) {
    Require.notNull(text, "text");
    int content = (int) text.codePoints().filter(cp -> !CodePoints.isSeparator(cp)).count() - alwaysKept;
    int last = Math.min(keepLast, Math.max(0, content - minHidden));
    int first = Math.min(keepFirst, Math.max(0, content - minHidden - last));
    StringBuilder out = new StringBuilder(text.length());
    int index = -alwaysKept;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (CodePoints.isSeparator(cp)) {
        out.appendCodePoint(cp);
        continue;
      }
      boolean kept = index < first || index >= content - last;
      out.appendCodePoint(kept ? cp : CodePoints.MASK);
      index++;
    }
    return out.toString();
  }
}
