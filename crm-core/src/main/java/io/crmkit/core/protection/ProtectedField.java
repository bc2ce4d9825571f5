package io.crmkit.core.protection;

/**
 * The kinds of value a {@link FieldProtection} encrypts and blind-indexes, each with keys of its
 * own, so that equal values in two fields never share a ciphertext pattern or a blind index.
 *
 * <p>Names stay clear: deduplication compares them fuzzily, and a prefix search cannot run on a
 * blind index. These names are persistent (they name keys and stored key ids): never rename one.
 */
public enum ProtectedField {
  /** A phone contact point's number. */
  PHONE,
  /** An e-mail contact point's address. */
  EMAIL,
  /** Any other contact point's handle (messenger, social media). */
  CONTACT_HANDLE,
  /** A person identifier's value (resident identity number, passport, ...). */
  PERSON_IDENTIFIER,
  /** An organisation identifier's value (unified social credit code, ...). */
  ORGANISATION_IDENTIFIER,
  /** The street lines of a postal address (region, city and postcode stay clear for coding and blocking). */
  ADDRESS_LINE,
  /** A person's birth date. */
  BIRTH_DATE,
  /**
   * A persisted deduplication blocking key: never encrypted, only blind-indexed, because blocking
   * needs nothing but equality.
   */
  BLOCKING_KEY
}
