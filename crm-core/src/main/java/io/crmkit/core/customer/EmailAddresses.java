package io.crmkit.core.customer;

import java.util.regex.Pattern;

/**
 * A deliberately practical e-mail check: one {@code @}, a local part without spaces, and a domain
 * of dot-separated labels ending in a top-level label. It rejects typing mistakes, not every
 * address that RFC 5322 forbids.
 */
public final class EmailAddresses {
  private static final Pattern ADDRESS = Pattern.compile(
      "[^@\\s]{1,64}@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}");

  private EmailAddresses() {}

  /** Whether {@code value} looks like a deliverable e-mail address. */
  public static boolean isPlausible(String value) {
    return value != null && value.length() <= 254 && ADDRESS.matcher(value).matches();
  }
}
