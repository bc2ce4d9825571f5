package io.crmkit.privacy.consent;

/**
 * How a customer would be contacted. {@link ContactRules} says which consent purposes cover which
 * channel. The names are persistent: never renamed.
 */
public enum ContactChannel {
  /** An e-mail. */
  EMAIL,
  /** A text message to a phone. */
  SMS,
  /** A phone call. */
  PHONE,
  /** A letter or parcel. */
  POST,
  /** A message in a messenger app or social network. */
  MESSENGER
}
