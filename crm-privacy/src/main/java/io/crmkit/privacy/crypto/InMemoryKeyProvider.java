package io.crmkit.privacy.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import io.crmkit.core.common.Require;
import io.crmkit.core.protection.ProtectedField;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tink keysets held in memory: fresh ones for tests and first set-up, or ones {@link #load loaded}
 * from their {@link #wrap wrapped} form, encrypted under a master key the host keeps in its KMS.
 * Every {@link ProtectedField} has a blind-index keyset, and every field but {@link
 * ProtectedField#BLOCKING_KEY} (which is never encrypted) an encryption keyset. Thread-safe:
 * rotations replace a field's keyset atomically, and readers see the old or the new one whole.
 */
public final class InMemoryKeyProvider implements RotatableKeyProvider {
  private static final String WRAP_DOMAIN = "crmkit-keyset-v1:";

  private final Map<Slot, KeysetHandle> keysets;

  /** One keyset's place: a field and a purpose, written {@code PHONE/ENCRYPTION} when wrapped. */
  private record Slot(ProtectedField field, KeyPurpose purpose) {
    String name() {
      return field.name() + "/" + purpose.name();
    }

    static Slot parse(String name) {
      int slash = name.indexOf('/');
      Require.argument(slash > 0, "a wrapped keyset's name is FIELD/PURPOSE, got '%s'", name);
      try {
        return new Slot(ProtectedField.valueOf(name.substring(0, slash)),
            KeyPurpose.valueOf(name.substring(slash + 1)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("a wrapped keyset's name is FIELD/PURPOSE with a ProtectedField and a"
            + " KeyPurpose, got '" + name + "'", e);
      }
    }
  }

  private InMemoryKeyProvider(Map<Slot, KeysetHandle> keysets) {
    this.keysets = new ConcurrentHashMap<>(keysets);
  }

  /** New random keys for every field: one AES-256-GCM and one HMAC-SHA256 PRF key each. */
  public static InMemoryKeyProvider generate() {
    Map<Slot, KeysetHandle> keysets = new HashMap<>();
    for (ProtectedField field : ProtectedField.values()) {
      if (field != ProtectedField.BLOCKING_KEY) {
        keysets.put(new Slot(field, KeyPurpose.ENCRYPTION), TinkPrimitives.generate(KeyPurpose.ENCRYPTION));
      }
      keysets.put(new Slot(field, KeyPurpose.BLIND_INDEX), TinkPrimitives.generate(KeyPurpose.BLIND_INDEX));
    }
    return new InMemoryKeyProvider(keysets);
  }

  /**
   * The keysets {@link #wrap} wrote, decrypted with the same master key. Each keyset is bound to
   * its name, so a wrapped keyset moved to another field or purpose does not load.
   *
   * @throws IllegalArgumentException if a name is not {@code FIELD/PURPOSE}, or a keyset does not
   *     decrypt under {@code masterKey} (wrong key, altered text, moved to another name)
   */
  public static InMemoryKeyProvider load(Map<String, String> wrapped, Aead masterKey) {
    Objects.requireNonNull(wrapped, "wrapped");
    Objects.requireNonNull(masterKey, "masterKey");
    Map<Slot, KeysetHandle> keysets = new HashMap<>();
    wrapped.forEach((name, text) -> {
      Slot slot = Slot.parse(name);
      try {
        keysets.put(slot, TinkJsonProtoKeysetFormat.parseEncryptedKeyset(text, masterKey, associatedData(slot)));
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("the keyset " + name + " does not decrypt under this master key,"
            + " or was altered or moved from another name", e);
      }
    });
    return new InMemoryKeyProvider(keysets);
  }

  /**
   * Every keyset encrypted under {@code masterKey} (Tink's encrypted JSON keyset format), by name
   * {@code FIELD/PURPOSE}, in name order: what a host stores to {@link #load} them again. The
   * result holds no clear key material.
   *
   * @throws IllegalStateException if the master key fails to encrypt
   */
  public Map<String, String> wrap(Aead masterKey) {
    Objects.requireNonNull(masterKey, "masterKey");
    Map<String, String> wrapped = new TreeMap<>();
    keysets.forEach((slot, keyset) -> {
      try {
        wrapped.put(slot.name(), TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyset, masterKey,
            associatedData(slot)));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("could not wrap the keyset " + slot.name() + " under the master key", e);
      }
    });
    return wrapped;
  }

  @Override
  public KeysetHandle keyset(ProtectedField field, KeyPurpose purpose) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(purpose, "purpose");
    KeysetHandle keyset = keysets.get(new Slot(field, purpose));
    Require.argument(keyset != null, "no %s keyset for %s", purpose, field);
    return keyset;
  }

  @Override
  public int rotate(ProtectedField field) {
    Slot slot = new Slot(Objects.requireNonNull(field, "field"), KeyPurpose.ENCRYPTION);
    int[] newId = new int[1];
    keysets.compute(slot, (s, keyset) -> {
      Require.argument(keyset != null, "no ENCRYPTION keyset for %s to rotate", field);
      KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
      builder.addEntry(TinkPrimitives.newEntry(KeyPurpose.ENCRYPTION).makePrimary());
      KeysetHandle rotated = build(builder, field);
      newId[0] = rotated.getPrimary().getId();
      return rotated;
    });
    return newId[0];
  }

  @Override
  public void retire(ProtectedField field, int keyId) {
    Slot slot = new Slot(Objects.requireNonNull(field, "field"), KeyPurpose.ENCRYPTION);
    keysets.compute(slot, (s, keyset) -> {
      Require.argument(keyset != null, "no ENCRYPTION keyset for %s", field);
      KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
      for (int i = 0; i < builder.size(); i++) {
        KeysetHandle.Builder.Entry entry = builder.getAt(i);
        if (keyset.getAt(i).getId() == keyId) {
          Require.state(!entry.isPrimary(), "key %s is the primary of %s and keeps encrypting; rotate first",
              keyId, field);
          entry.setStatus(KeyStatus.DISABLED);
          return build(builder, field);
        }
      }
      throw new IllegalArgumentException("the ENCRYPTION keyset of " + field + " has no key " + keyId);
    });
  }

  private static KeysetHandle build(KeysetHandle.Builder builder, ProtectedField field) {
    try {
      return builder.build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not build the new keyset of " + field, e);
    }
  }

  private static byte[] associatedData(Slot slot) {
    return (WRAP_DOMAIN + slot.name()).getBytes(StandardCharsets.UTF_8);
  }
}
