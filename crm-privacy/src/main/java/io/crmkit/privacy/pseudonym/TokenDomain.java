package io.crmkit.privacy.pseudonym;

import io.crmkit.core.common.Require;
import java.util.regex.Pattern;

/**
 * What kind of value a token stands for, written as the token's prefix ({@code cus_...} for a
 * customer id). The prefix is also hashed with the value, so the same text tokenised in two
 * domains gives two unrelated tokens: a customer id and an order number that happen to be equal
 * cannot be linked through their tokens.
 *
 * @param prefix 2 to 8 lower-case ASCII letters
 */
public record TokenDomain(String prefix) {
  // Before CUSTOMER: the constant's construction checks against it.
  private static final Pattern PREFIX = Pattern.compile("[a-z]{2,8}");
  /** Customer ids. */
  public static final TokenDomain CUSTOMER = new TokenDomain("cus");

  /**
   * @throws NullPointerException if {@code prefix} is null
   * @throws IllegalArgumentException if it is not 2 to 8 lower-case ASCII letters
   */
  public TokenDomain {
    Require.notNull(prefix, "prefix");
    Require.argument(PREFIX.matcher(prefix).matches(), "prefix must be 2-8 lower-case ASCII letters, got '%s'",
        prefix);
  }

  /** The domain with {@code prefix}; see the constructor. */
  public static TokenDomain of(String prefix) {
    return new TokenDomain(prefix);
  }
}
