package io.crmkit.privacy.crypto;

import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import io.crmkit.core.protection.ProtectedField;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Rotates and retires keys in a {@link RotatableKeyProvider} and records each step in {@link
 * ProtectionKeys}, so the metadata always says which key is the primary and which keys can still
 * decrypt. The order of a rotation: {@link #rotate} (new values go under the new key), then
 * {@link Reencryption} of the stored values (old ones stay readable meanwhile), then {@link
 * #retire} of the old key once nothing is stored under it.
 */
public final class KeyRotation {
  private final RotatableKeyProvider keys;
  private final ProtectionKeys metadata;
  private final Clock clock;

  /** @param clock the time recorded for each step */
  public KeyRotation(RotatableKeyProvider keys, ProtectionKeys metadata, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Records the keys the provider holds now for {@code field} and {@code purpose} (at first set-up,
   * or after loading keysets): each key as added, the primary as primary, disabled or destroyed
   * keys as retired. Keys already recorded keep their history.
   *
   * @return the keys as recorded, oldest first
   * @throws IllegalArgumentException if the provider holds no such keyset
   */
  public List<ProtectionKey> recordKeys(ProtectedField field, KeyPurpose purpose) {
    KeysetHandle keyset = keys.keyset(field, purpose);
    Instant now = clock.instant();
    IntStream.range(0, keyset.size()).mapToObj(keyset::getAt).forEach(entry -> {
      if (entry.isPrimary()) {
        metadata.recordPrimary(field, purpose, entry.getId(), now);
      } else {
        metadata.recordAdded(field, purpose, entry.getId(), now);
        if (!KeyStatus.ENABLED.equals(entry.getStatus())) {
          metadata.recordRetired(field, purpose, entry.getId(), now);
        }
      }
    });
    return metadata.keys(field, purpose);
  }

  /**
   * Gives {@code field} a new primary encryption key and records it; the former primary is
   * recorded as rotated away and keeps decrypting.
   *
   * @return the new primary's metadata
   * @throws IllegalArgumentException if the provider has no encryption keyset for {@code field}
   */
  public ProtectionKey rotate(ProtectedField field) {
    int keyId = keys.rotate(field);
    return metadata.recordPrimary(field, KeyPurpose.ENCRYPTION, keyId, clock.instant());
  }

  /**
   * Disables a former encryption key of {@code field} and records it retired: run it only after
   * {@link Reencryption} reported nothing left under that key.
   *
   * @throws IllegalArgumentException if the keyset or the metadata has no such key
   * @throws IllegalStateException if it is the primary
   */
  public ProtectionKey retire(ProtectedField field, int keyId) {
    keys.retire(field, keyId);
    return metadata.recordRetired(field, KeyPurpose.ENCRYPTION, keyId, clock.instant());
  }
}
