package io.crmkit.core.protection;

/**
 * Encrypts protected fields for storage and computes their blind indexes: the hook by which a
 * storage adapter keeps personal data as ciphertext while still finding customers by phone,
 * e-mail or identifier.
 *
 * <p>crm-core defines this port and never encrypts; crm-privacy implements it with Tink
 * (authenticated encryption, a keyed PRF per field for blind indexes, rotation). Implementations
 * are thread-safe.
 *
 * <ul>
 *   <li>{@link #encrypt} is randomised: the same value gives a different ciphertext each time, and
 *       {@link #decrypt} of it gives the value back only with the same field and context.
 *   <li>{@link #blindIndex} is deterministic: equal standardised values of one field have equal
 *       indexes, so a store compares indexes where it would compare values. It reveals equality
 *       and nothing else, to whoever holds no key.
 * </ul>
 */
public interface FieldProtection {

  /** Whether values of this field are encrypted; a store keeps the others clear. */
  boolean protects(ProtectedField field);

  /**
   * The ciphertext of a value, as printable ASCII text a store can keep in a text column.
   *
   * @param context what the ciphertext belongs to (for example the customer's id), authenticated
   *     with it: the ciphertext does not decrypt under any other context, so it cannot be copied
   *     to another customer's row unnoticed
   */
  String encrypt(ProtectedField field, String clearText, String context);

  /**
   * The value a ciphertext of {@link #encrypt} holds, with any key still known to the key
   * provider, so that values encrypted before a rotation stay readable.
   *
   * @throws FieldProtectionException if no known key decrypts it, or the ciphertext, the field or
   *     the context was altered
   */
  String decrypt(ProtectedField field, String cipherText, String context);

  /**
   * Whether a ciphertext is under the field's current primary key; a rotation re-encrypts those
   * that are not.
   *
   * @throws FieldProtectionException if the text is not a ciphertext of this protection
   */
  boolean isCurrent(ProtectedField field, String cipherText);

  /**
   * The blind index of a value: a keyed PRF, with the field's own key, of the value as the caller
   * standardised it (for example a phone in E.164), as printable ASCII text.
   */
  String blindIndex(ProtectedField field, String standardisedValue);
}
