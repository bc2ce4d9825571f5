package io.crmkit.jdbc;

import io.crmkit.core.protection.FieldProtection;
import io.crmkit.core.protection.FieldProtectionException;
import io.crmkit.core.protection.ProtectedField;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small, honest {@link FieldProtection} for the adapter's tests, on the JDK alone: AES-256-GCM
 * with a random 96-bit nonce per value, the field and context as associated data, and HMAC-SHA256
 * blind indexes with a key per field. Ciphertexts read {@code fp1.<key id>.<base64url(nonce ‖
 * ciphertext ‖ tag)>}, so {@link #isCurrent} reads the key id. Keys are random per instance;
 * {@link #rotated()} adds a new primary key and keeps the old ones for decryption, {@link
 * #withoutOldKeys()} forgets them (to prove that nothing still needs them).
 */
public final class TestFieldProtection implements FieldProtection {
  private static final String PREFIX = "fp1.";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<Integer, SecretKeySpec> keys;
  private final int primary;
  private final byte[] indexKey;
  private final Set<ProtectedField> fields;

  private TestFieldProtection(Map<Integer, SecretKeySpec> keys, int primary, byte[] indexKey,
      Set<ProtectedField> fields) {
    this.keys = Map.copyOf(keys);
    this.primary = primary;
    this.indexKey = indexKey.clone();
    this.fields = Set.copyOf(fields);
  }

  /**
   * A protection of every field that is encrypted (all but {@link ProtectedField#BLOCKING_KEY},
   * which is only ever blind-indexed, as crm-privacy's protection has it), with one fresh key.
   */
  public static TestFieldProtection create() {
    return new TestFieldProtection(Map.of(1, newKey()), 1, randomBytes(32),
        EnumSet.complementOf(EnumSet.of(ProtectedField.BLOCKING_KEY)));
  }

  /** The same keys with a new primary key: old ciphertexts still decrypt but are no longer current. */
  public TestFieldProtection rotated() {
    Map<Integer, SecretKeySpec> next = new LinkedHashMap<>(keys);
    next.put(primary + 1, newKey());
    return new TestFieldProtection(next, primary + 1, indexKey, fields);
  }

  /** Only the primary key (and the same blind-index key): what a store reads after a complete rotation. */
  public TestFieldProtection withoutOldKeys() {
    return new TestFieldProtection(Map.of(primary, keys.get(primary)), primary, indexKey, fields);
  }

  @Override
  public boolean protects(ProtectedField field) {
    return fields.contains(field);
  }

  @Override
  public String encrypt(ProtectedField field, String clearText, String context) {
    byte[] nonce = randomBytes(NONCE_BYTES);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(primary), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData(field, context));
      byte[] sealed = cipher.doFinal(clearText.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + primary + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is available on every JDK", e);
    }
  }

  @Override
  public String decrypt(ProtectedField field, String cipherText, String context) {
    int keyId = keyId(cipherText);
    SecretKeySpec key = keys.get(keyId);
    if (key == null) {
      throw new FieldProtectionException("no known key decrypts this " + field + " value (key " + keyId + ")");
    }
    try {
      byte[] in = Base64.getUrlDecoder().decode(cipherText.substring(cipherText.indexOf('.', PREFIX.length()) + 1));
      if (in.length < NONCE_BYTES + TAG_BITS / 8) {
        throw new FieldProtectionException("a " + field + " ciphertext is too short");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      cipher.updateAAD(associatedData(field, context));
      return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new FieldProtectionException("a " + field + " ciphertext does not decrypt: altered, or another "
          + "field's or context's", e);
    }
  }

  @Override
  public boolean isCurrent(ProtectedField field, String cipherText) {
    return keyId(cipherText) == primary;
  }

  @Override
  public String blindIndex(ProtectedField field, String standardisedValue) {
    try {
      Mac fieldKey = Mac.getInstance("HmacSHA256");
      fieldKey.init(new SecretKeySpec(indexKey, "HmacSHA256"));
      byte[] derived = fieldKey.doFinal(field.name().getBytes(StandardCharsets.UTF_8));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(derived, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(standardisedValue.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is available on every JDK", e);
    }
  }

  private static int keyId(String cipherText) {
    int dot = cipherText.indexOf('.', PREFIX.length());
    if (!cipherText.startsWith(PREFIX) || dot < 0) {
      throw new FieldProtectionException("not a ciphertext of this protection");
    }
    try {
      return Integer.parseInt(cipherText.substring(PREFIX.length(), dot));
    } catch (NumberFormatException e) {
      throw new FieldProtectionException("not a ciphertext of this protection", e);
    }
  }

  private static byte[] associatedData(ProtectedField field, String context) {
    return (field.name() + "\u0000" + context).getBytes(StandardCharsets.UTF_8);
  }

  private static SecretKeySpec newKey() {
    return new SecretKeySpec(randomBytes(32), "AES");
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
