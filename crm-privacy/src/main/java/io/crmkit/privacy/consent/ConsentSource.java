package io.crmkit.privacy.consent;

import io.crmkit.core.common.Require;
import java.util.Objects;

/**
 * Where a consent decision was captured: a name from an open set (the common sources below, or a
 * host's own, {@code ConsentSource.of("partner_portal")}). Names are persistent.
 *
 * @param name 1-{@value #MAX_NAME_LENGTH} lower-case letters, digits or {@code _}, starting with a letter
 */
public record ConsentSource(String name) {
  /** The longest source name, in characters. */
  public static final int MAX_NAME_LENGTH = 64;
  /** The pattern every source name matches. */
  public static final String NAME_PATTERN = "[a-z][a-z0-9_]{0,63}";

  /** A form on a web site. */
  public static final ConsentSource WEB_FORM = new ConsentSource("web_form");
  /** A mobile app's settings or sign-up screen. */
  public static final ConsentSource MOBILE_APP = new ConsentSource("mobile_app");
  /** An agent of the call centre, on the customer's word. */
  public static final ConsentSource CALL_CENTRE = new ConsentSource("call_centre");
  /** In person: a paper form or a shop's terminal. */
  public static final ConsentSource IN_PERSON = new ConsentSource("in_person");
  /** A link in a message (typically: unsubscribe). */
  public static final ConsentSource MESSAGE_LINK = new ConsentSource("message_link");
  /** Taken over from another system's records. */
  public static final ConsentSource IMPORT = new ConsentSource("import");

  /**
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if it does not match {@link #NAME_PATTERN}
   */
  public ConsentSource {
    Objects.requireNonNull(name, "name");
    Require.argument(name.matches(NAME_PATTERN),
        "a consent source name is 1-%s lower-case letters, digits or _ starting with a letter, got '%s'",
        MAX_NAME_LENGTH, name);
  }

  /** The source named {@code name}; see the constructor. */
  public static ConsentSource of(String name) {
    return new ConsentSource(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
