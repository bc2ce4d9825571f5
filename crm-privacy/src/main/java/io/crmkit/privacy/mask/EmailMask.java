package io.crmkit.privacy.mask;

import io.crmkit.core.common.Require;

/**
 * Masks an e-mail address: the first {@code keepFirst} characters of the local part stay and the
 * rest is written {@code ***} whatever its length, so {@code john.smith@example.com} becomes
 * {@code j***@example.com}. A local part no longer than {@code keepFirst} shows nothing; the
 * domain (after the last {@code @}) stays if {@code keepDomain}. A value without {@code @} is
 * masked like a local part.
 *
 * @param keepFirst characters of the local part that stay
 * @param keepDomain whether the domain stays (it says where, not who, for a public provider)
 */
public record EmailMask(int keepFirst, boolean keepDomain) {
  public EmailMask {
    Require.atLeast(keepFirst, 0, "keepFirst");
  }

  /** First character and domain kept: {@code j***@example.com}. */
  public static EmailMask defaults() {
    return new EmailMask(1, true);
  }

  public String mask(String email) {
    Require.notNull(email, "email");
    int at = email.lastIndexOf('@');
    if (at < 0) {
      return new TextMask(keepFirst).mask(email);
    }
    String domain = email.substring(at + 1);
    return new TextMask(keepFirst).mask(email.substring(0, at)) + "@" + (keepDomain ? domain : CodePoints.HIDDEN);
  }
}
