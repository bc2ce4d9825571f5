package io.crmkit.privacy.crypto;

import io.crmkit.core.protection.ProtectedField;

/**
 * A {@link KeyProvider} that can rotate and retire encryption keys itself (as {@link
 * InMemoryKeyProvider} does, and a host's provider over a KMS that manages keysets may), so that
 * {@link KeyRotation} can rotate a field and record it in one step. Blind-index keys are not
 * rotated here: a new one would change every stored index at once, which is a rebuild, not a
 * rotation.
 */
public interface RotatableKeyProvider extends KeyProvider {

  /**
   * Adds a new encryption key for {@code field} and makes it the primary; older keys stay enabled
   * and keep decrypting what they encrypted.
   *
   * @return the new primary key's Tink key id
   * @throws IllegalArgumentException if the provider has no encryption keyset for {@code field}
   */
  int rotate(ProtectedField field);

  /**
   * Disables a former encryption key of {@code field}, after its values were re-encrypted: values
   * still under it no longer decrypt.
   *
   * @throws IllegalArgumentException if the keyset has no such key
   * @throws IllegalStateException if it is the primary, which must keep encrypting
   */
  void retire(ProtectedField field, int keyId);
}
