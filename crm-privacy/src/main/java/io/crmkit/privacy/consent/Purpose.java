package io.crmkit.privacy.consent;

import io.crmkit.core.common.Require;
import java.util.Objects;

/**
 * What a customer consents to: a name from an open set, so a host can add purposes of its own
 * ({@code Purpose.of("wechat_marketing")}) beside the common ones below. Names are persistent (they
 * are stored in the ledger and travel in events), so a purpose is never renamed.
 *
 * @param name 1-{@value #MAX_NAME_LENGTH} lower-case letters, digits or {@code _}, starting with a letter
 */
public record Purpose(String name) {
  /** The longest purpose name, in characters. */
  public static final int MAX_NAME_LENGTH = 64;
  /** The pattern every purpose name matches. */
  public static final String NAME_PATTERN = "[a-z][a-z0-9_]{0,63}";

  /** Marketing messages by e-mail. */
  public static final Purpose MARKETING_EMAIL = new Purpose("marketing_email");
  /** Marketing messages by SMS. */
  public static final Purpose MARKETING_SMS = new Purpose("marketing_sms");
  /** Marketing calls by phone. */
  public static final Purpose MARKETING_PHONE = new Purpose("marketing_phone");
  /** Profiling: scoring and segmenting the customer from their data. */
  public static final Purpose PROFILING = new Purpose("profiling");
  /** Sharing the customer's data with third parties. */
  public static final Purpose THIRD_PARTY_SHARING = new Purpose("third_party_sharing");

  /**
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if it does not match {@link #NAME_PATTERN}
   */
  public Purpose {
    Objects.requireNonNull(name, "name");
    Require.argument(name.matches(NAME_PATTERN),
        "a purpose name is 1-%s lower-case letters, digits or _ starting with a letter, got '%s'", MAX_NAME_LENGTH,
        name);
  }

  /** The purpose named {@code name}; see the constructor. */
  public static Purpose of(String name) {
    return new Purpose(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
