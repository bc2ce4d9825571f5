package io.crmkit.core.customer;

import java.util.regex.Pattern;

/**
 * A deliberately practical e-mail check: one {@code @}, a local part without spaces, and a domain
 * of dot-separated labels ending in a top-level label. It rejects typing mistakes, not every
 * address that RFC 5322 forbids.
 */
public final class EmailAddresses {
  /**
   * Local part: no {@code @}, no space of any kind. Domain labels: letters (with their combining
   * marks, for scripts such as Devanagari), digits and inner hyphens. Top-level label: letters, or
   * the ASCII form of an internationalised one ({@code xn--fiqs8s} for 中国).
   */
  private static final Pattern ADDRESS = Pattern.compile(
      "[^@\\s\\p{Z}]{1,64}@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{M}\\p{N}-]{0,61}[\\p{L}\\p{M}\\p{N}])?\\.)+"
          + "(?:\\p{L}[\\p{L}\\p{M}]{1,62}|(?i:xn--[a-z0-9-]{1,59}))");

  private EmailAddresses() {}

  /** Whether {@code value} looks like a deliverable e-mail address. */
  public static boolean isPlausible(String value) {
    return value != null && value.length() <= 254 && ADDRESS.matcher(value).matches();
  }
}
