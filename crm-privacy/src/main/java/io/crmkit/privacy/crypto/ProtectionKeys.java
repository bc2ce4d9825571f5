package io.crmkit.privacy.crypto;

import io.crmkit.core.protection.ProtectedField;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the metadata of the keys that protect fields (a {@link ProtectionKey} per Tink key id
 * and field and purpose), never their material, so the store can be read by operators and
 * backed up like any other table. {@link KeyRotation} keeps it in step with a {@link
 * RotatableKeyProvider}. Writes join the caller's transaction. Adapters must pass {@code
 * ProtectionKeysContract} from crm-testkit. Every method may also throw {@code CrmStorageException}.
 */
public interface ProtectionKeys {

  /**
   * Records a key added to the keyset of {@code field} and {@code purpose} that is not (yet) the
   * primary; a key already recorded is left as it is.
   *
   * @return the key as recorded
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code at} is outside years 1..9999
   */
  ProtectionKey recordAdded(ProtectedField field, KeyPurpose purpose, int keyId, Instant at);

  /**
   * Records that {@code keyId} became the primary at {@code at} (recording it first, created at
   * {@code at}, if unknown): the former primary, if another, is marked rotated at {@code at}.
   * Recording the current primary again changes nothing.
   *
   * @return the key as recorded
   * @throws IllegalStateException if the key is retired
   * @throws IllegalArgumentException if {@code at} is outside years 1..9999 or before the former
   *     primary's creation
   */
  ProtectionKey recordPrimary(ProtectedField field, KeyPurpose purpose, int keyId, Instant at);

  /**
   * Records that {@code keyId} was retired (disabled) at {@code at}; a retired key keeps its first
   * retirement instant.
   *
   * @return the key as recorded
   * @throws IllegalArgumentException if the key is not recorded
   * @throws IllegalStateException if it is the primary
   */
  ProtectionKey recordRetired(ProtectedField field, KeyPurpose purpose, int keyId, Instant at);

  /** The keys of {@code field} and {@code purpose}, oldest first (by creation, then key id). */
  List<ProtectionKey> keys(ProtectedField field, KeyPurpose purpose);

  /** The current primary of {@code field} and {@code purpose}, if one is recorded. */
  Optional<ProtectionKey> primary(ProtectedField field, KeyPurpose purpose);

  /** Every recorded key, in {@link ProtectionKey#ORDER} (fields and purposes as declared). */
  List<ProtectionKey> all();
}
