package io.crmkit.privacy.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.prf.PrfSet;
import io.crmkit.core.common.Require;
import io.crmkit.core.protection.FieldProtection;
import io.crmkit.core.protection.FieldProtectionException;
import io.crmkit.core.protection.ProtectedField;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * {@link FieldProtection} with Tink, keys from a {@link KeyProvider}.
 *
 * <ul>
 *   <li><b>Ciphertext</b>: AES-256-GCM (Tink AEAD, random nonce, so equal values encrypt
 *       differently) of the value's UTF-8 bytes, with associated data binding it to the field and
 *       the context; Tink's 5-byte prefix (version byte {@code 1} and the key id) names the key,
 *       so any key of the field's keyset decrypts it. Written in unpadded base64url.
 *   <li><b>Blind index</b>: HMAC-SHA256 PRF with the field's own blind-index key over the field
 *       name and the value, truncated to {@value #BLIND_INDEX_BYTES} bytes (128 bits: collisions
 *       stay negligible for any customer base, and 22 characters index well), unpadded base64url.
 *   <li><b>Current</b>: a ciphertext whose key id is the keyset's primary.
 * </ul>
 *
 * <p>Thread-safe; it asks the provider for the keyset on every call, so a rotation takes effect at
 * once, and keeps the primitive of the last keyset per field and purpose.
 */
public final class TinkFieldProtection implements FieldProtection {
  /** Bytes of a blind index before encoding. */
  public static final int BLIND_INDEX_BYTES = 16;
  /** Tink's prefix of a ciphertext under a key with output prefix TINK: version byte and key id. */
  private static final int TINK_PREFIX_BYTES = 5;
  private static final byte TINK_START_BYTE = 1;
  private static final byte[] DOMAIN = "crmkit-field-v1".getBytes(StandardCharsets.UTF_8);

  private final KeyProvider keys;
  private final Set<ProtectedField> protectedFields;
  private final PrimitiveCache<Aead> aeads = new PrimitiveCache<>(TinkPrimitives::aead);
  private final PrimitiveCache<PrfSet> prfs = new PrimitiveCache<>(TinkPrimitives::prf);

  private TinkFieldProtection(KeyProvider keys, Set<ProtectedField> protectedFields) {
    this.keys = keys;
    this.protectedFields = protectedFields;
  }

  /**
   * Protection of every field that can be encrypted: all but {@link ProtectedField#BLOCKING_KEY},
   * which is only ever blind-indexed.
   */
  public static TinkFieldProtection of(KeyProvider keys) {
    return of(keys, EnumSet.complementOf(EnumSet.of(ProtectedField.BLOCKING_KEY)));
  }

  /**
   * Protection that encrypts only {@code encrypted}; a store keeps the other fields clear. Blind
   * indexes are computed for every field.
   *
   * @throws IllegalArgumentException if {@code encrypted} names {@link ProtectedField#BLOCKING_KEY}
   */
  public static TinkFieldProtection of(KeyProvider keys, Set<ProtectedField> encrypted) {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(encrypted, "encrypted");
    Require.argument(!encrypted.contains(ProtectedField.BLOCKING_KEY),
        "BLOCKING_KEY is never encrypted, only blind-indexed");
    Set<ProtectedField> copy = EnumSet.noneOf(ProtectedField.class);
    copy.addAll(encrypted);
    return new TinkFieldProtection(keys, copy);
  }

  @Override
  public boolean protects(ProtectedField field) {
    return protectedFields.contains(Objects.requireNonNull(field, "field"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code field} is not protected, the text is not
   *     well-formed Unicode (an unpaired surrogate would not survive UTF-8), or the context is blank
   * @throws FieldProtectionException if the key provider's keyset cannot encrypt
   */
  @Override
  public String encrypt(ProtectedField field, String clearText, String context) {
    checkProtected(field);
    Objects.requireNonNull(clearText, "clearText");
    Require.notBlank(context, "context");
    byte[] plain = utf8(clearText);
    try {
      Aead aead = aeads.get(field, keys.keyset(field, KeyPurpose.ENCRYPTION));
      return encode(aead.encrypt(plain, associatedData(field, context)));
    } catch (GeneralSecurityException e) {
      throw new FieldProtectionException("could not encrypt a value of " + field, e);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code field} is not protected or the context is blank
   */
  @Override
  public String decrypt(ProtectedField field, String cipherText, String context) {
    checkProtected(field);
    Objects.requireNonNull(cipherText, "cipherText");
    Require.notBlank(context, "context");
    byte[] bytes = decode(field, cipherText);
    byte[] plain;
    try {
      plain = aeads.get(field, keys.keyset(field, KeyPurpose.ENCRYPTION)).decrypt(bytes, associatedData(field, context));
    } catch (GeneralSecurityException e) {
      throw new FieldProtectionException("a ciphertext of " + field + " does not decrypt: its key is unknown or"
          + " disabled, or the ciphertext, field or context was altered", e);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(plain)).toString();
    } catch (CharacterCodingException e) {
      throw new FieldProtectionException("a ciphertext of " + field + " decrypts to bytes that are not UTF-8 text", e);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code field} is not protected
   * @throws FieldProtectionException also if the ciphertext's key id is not in the field's keyset
   *     (it cannot be current, and no key here decrypts it)
   */
  @Override
  public boolean isCurrent(ProtectedField field, String cipherText) {
    checkProtected(field);
    Objects.requireNonNull(cipherText, "cipherText");
    byte[] bytes = decode(field, cipherText);
    if (bytes.length <= TINK_PREFIX_BYTES || bytes[0] != TINK_START_BYTE) {
      throw new FieldProtectionException("the text is not a ciphertext of " + field + " (no Tink key prefix)");
    }
    int keyId = ByteBuffer.wrap(bytes, 1, 4).getInt();
    KeysetHandle keyset = keys.keyset(field, KeyPurpose.ENCRYPTION);
    for (int i = 0; i < keyset.size(); i++) {
      if (keyset.getAt(i).getId() == keyId) {
        return keyset.getPrimary().getId() == keyId;
      }
    }
    throw new FieldProtectionException("the ciphertext of " + field + " names key " + Integer.toUnsignedString(keyId)
        + ", which its keyset does not hold");
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the value is not well-formed Unicode
   * @throws FieldProtectionException if the key provider's keyset cannot compute the PRF
   */
  @Override
  public String blindIndex(ProtectedField field, String standardisedValue) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(standardisedValue, "standardisedValue");
    try {
      PrfSet prf = prfs.get(field, keys.keyset(field, KeyPurpose.BLIND_INDEX));
      return encode(prf.computePrimary(concat(field, utf8(standardisedValue)), BLIND_INDEX_BYTES));
    } catch (GeneralSecurityException e) {
      throw new FieldProtectionException("could not compute a blind index of " + field, e);
    }
  }

  private void checkProtected(ProtectedField field) {
    Require.argument(protects(field), "%s is not protected here: a store keeps it clear", field);
  }

  /** The domain tag, then the field name and the context, each as a 4-byte length and UTF-8 bytes. */
  private static byte[] associatedData(ProtectedField field, String context) {
    byte[] name = field.name().getBytes(StandardCharsets.UTF_8);
    byte[] ctx = utf8(context);
    return ByteBuffer.allocate(DOMAIN.length + 8 + name.length + ctx.length).put(DOMAIN)
        .putInt(name.length).put(name).putInt(ctx.length).put(ctx).array();
  }

  /** The field name as a 4-byte length and its bytes, then the value: one field's inputs never equal another's. */
  private static byte[] concat(ProtectedField field, byte[] value) {
    byte[] name = field.name().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + name.length + value.length).putInt(name.length).put(name).put(value).array();
  }

  private static byte[] utf8(String text) {
    try {
      ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the text is not well-formed Unicode (an unpaired surrogate?)", e);
    }
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] decode(ProtectedField field, String text) {
    try {
      return Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new FieldProtectionException("the text is not a ciphertext of " + field + " (not base64url)", e);
    }
  }
}
