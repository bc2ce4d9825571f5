package io.crmkit.privacy.mask;

import io.crmkit.core.common.Require;

/**
 * Masks free text, handles and other values without a known shape: the first {@code keepFirst}
 * characters stay and the rest is written {@code ***} whatever its length, so the length is not
 * revealed either. A value no longer than {@code keepFirst} shows nothing.
 *
 * @param keepFirst characters that stay
 */
public record TextMask(int keepFirst) {
  public TextMask {
    Require.atLeast(keepFirst, 0, "keepFirst");
  }

  /** The first character kept: {@code w***} for a handle {@code wei_zhang88}. */
  public static TextMask defaults() {
    return new TextMask(1);
  }

  /**
   * The kept start, stopping at a {@code *} so that a masked value reads back as it was written,
   * followed by {@code ***}.
   */
  public String mask(String text) {
    Require.notNull(text, "text");
    int length = text.codePointCount(0, text.length());
    String kept = length > keepFirst ? CodePoints.head(text, keepFirst) : "";
    int star = kept.indexOf(CodePoints.MASK);
    return (star < 0 ? kept : kept.substring(0, star)) + CodePoints.HIDDEN;
  }
}
