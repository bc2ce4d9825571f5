package io.crmkit.privacy.pseudonym;

import io.crmkit.core.common.CrmException;

/**
 * Port the host implements: wraps (encrypts) key material before it is stored and unwraps it when
 * a key is used, so that the stored keys are useless without the host's secret. Plug a KMS here
 * (envelope encryption: the KMS's key never leaves it, and {@code wrap} / {@code unwrap} are its
 * encrypt and decrypt calls), or use {@link #aesGcm(byte[])} with a 256-bit key-encryption key the
 * host keeps outside the database (a secret store, an environment secret).
 *
 * <p>Implementations must bind the wrapped bytes to the key's name (as associated data), so that
 * wrapped material copied under another name fails to unwrap.
 */
public interface KeyWrapper {

  /**
   * Encrypts {@code material} for the key named {@code keyName}.
   *
   * @return at most {@value PseudonymKey#MAX_WRAPPED_LENGTH} bytes
   */
  byte[] wrap(String keyName, byte[] material);

  /**
   * Decrypts what {@link #wrap} returned for {@code keyName}.
   *
   * @throws KeyUnwrapException if the bytes were not wrapped for that name with this wrapper's
   *     secret, or were altered
   */
  byte[] unwrap(String keyName, byte[] wrapped);

  /**
   * AES-256-GCM with {@code keyEncryptionKey} (32 bytes, copied), a random 96-bit nonce per wrap
   * and the key name as associated data: the wrapped form is nonce, ciphertext and 128-bit tag.
   *
   * @throws NullPointerException if {@code keyEncryptionKey} is null
   * @throws IllegalArgumentException if it is not 32 bytes
   */
  static KeyWrapper aesGcm(byte[] keyEncryptionKey) {
    return new AesGcmKeyWrapper(keyEncryptionKey);
  }

  /** Wrapped key material that cannot be unwrapped: a wrong secret, another key's bytes, or tampering. */
  final class KeyUnwrapException extends CrmException {
    private static final long serialVersionUID = 1L;

    /** @param message which key failed and why */
    public KeyUnwrapException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
