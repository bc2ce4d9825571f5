package io.crmkit.privacy.pseudonym;

import io.crmkit.core.common.Require;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** {@link KeyWrapper#aesGcm}: AES-256-GCM from the JDK, the key name as associated data. */
final class AesGcmKeyWrapper implements KeyWrapper {
  private static final int KEK_LENGTH = 32;
  private static final int NONCE_LENGTH = 12;
  private static final int TAG_BITS = 128;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private final SecretKeySpec keyEncryptionKey;
  private final SecureRandom random = new SecureRandom();

  AesGcmKeyWrapper(byte[] keyEncryptionKey) {
    Require.notNull(keyEncryptionKey, "keyEncryptionKey");
    Require.argument(keyEncryptionKey.length == KEK_LENGTH, "the key-encryption key must be %s bytes, got %s",
        KEK_LENGTH, keyEncryptionKey.length);
    this.keyEncryptionKey = new SecretKeySpec(keyEncryptionKey.clone(), "AES");
  }

  @Override
  public byte[] wrap(String keyName, byte[] material) {
    PseudonymKey.checkName(keyName);
    Require.notNull(material, "material");
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keyName, nonce);
      byte[] sealed = cipher.doFinal(material);
      byte[] out = Arrays.copyOf(nonce, NONCE_LENGTH + sealed.length);
      System.arraycopy(sealed, 0, out, NONCE_LENGTH, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed to wrap key " + keyName, e);
    }
  }

  @Override
  public byte[] unwrap(String keyName, byte[] wrapped) {
    PseudonymKey.checkName(keyName);
    Require.notNull(wrapped, "wrapped");
    if (wrapped.length < NONCE_LENGTH + TAG_BITS / 8) {
      throw new KeyUnwrapException("wrapped key " + keyName + " is too short to be AES-GCM output ("
          + wrapped.length + " bytes)", null);
    }
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, keyName, Arrays.copyOf(wrapped, NONCE_LENGTH));
      return cipher.doFinal(wrapped, NONCE_LENGTH, wrapped.length - NONCE_LENGTH);
    } catch (AEADBadTagException e) {
      throw new KeyUnwrapException("wrapped key " + keyName
          + " does not open with this key-encryption key: another secret, another key's bytes, or altered", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed to unwrap key " + keyName, e);
    }
  }

  private Cipher cipher(int mode, String keyName, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, keyEncryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(keyName.getBytes(StandardCharsets.US_ASCII));
    return cipher;
  }

  @Override
  public String toString() {
    return "KeyWrapper.aesGcm";
  }
}
