package io.crmkit.privacy.crypto;

import com.google.crypto.tink.KeysetHandle;
import io.crmkit.core.protection.ProtectedField;

/**
 * Port: where {@link TinkFieldProtection} gets its keys, one Tink keyset per field and {@link
 * KeyPurpose}. The host implements it over its key management: a keyset read with Tink's
 * KMS-wrapped keyset format, or one from {@link InMemoryKeyProvider} loaded under a master key.
 * crmkit never stores key material itself.
 *
 * <p>An {@link KeyPurpose#ENCRYPTION} keyset holds AEAD keys with Tink's output prefix: its primary
 * encrypts, and every enabled key decrypts, so a rotation keeps older values readable. A {@link
 * KeyPurpose#BLIND_INDEX} keyset holds PRF keys and only its primary is used: a blind index must
 * be computed with the key it was stored under. Implementations are thread-safe and may return a
 * newer keyset from one call to the next (after a rotation).
 */
public interface KeyProvider {

  /**
   * The current keyset of {@code field} for {@code purpose}.
   *
   * @throws IllegalArgumentException if the provider holds no keyset for them
   */
  KeysetHandle keyset(ProtectedField field, KeyPurpose purpose);
}
