package io.crmkit.jdbc;

import io.crmkit.core.protection.FieldProtection;
import io.crmkit.core.protection.ProtectedField;
import io.crmkit.privacy.crypto.InMemoryKeyProvider;
import io.crmkit.privacy.crypto.KeyPurpose;
import io.crmkit.privacy.crypto.TinkFieldProtection;
import java.util.EnumMap;
import java.util.Map;

/**
 * A field protection under test and its key rotation, so that {@link FieldProtectionBehaviour}
 * runs the same on the adapter's own JCA protection ({@link #jca()}, which keeps the adapter's
 * tests independent of crm-privacy) and on crm-privacy's Tink protection ({@link #tink()}, the one
 * hosts use).
 */
interface RotatingProtection {
  /** The protection to write and read with; after {@link #rotate()} it knows old and new keys. */
  FieldProtection protection();

  /** Makes a new primary key for every encrypted field; ciphertexts under the old ones stay readable. */
  FieldProtection rotate();

  /** After a re-encryption: a protection in which the keys replaced by {@link #rotate()} no longer decrypt. */
  FieldProtection retireOldKeys();

  /** {@link TestFieldProtection}: AES-GCM and HMAC on the JDK alone. */
  static RotatingProtection jca() {
    return new RotatingProtection() {
      private TestFieldProtection current = TestFieldProtection.create();

      @Override
      public FieldProtection protection() {
        return current;
      }

      @Override
      public FieldProtection rotate() {
        current = current.rotated();
        return current;
      }

      @Override
      public FieldProtection retireOldKeys() {
        current = current.withoutOldKeys();
        return current;
      }
    };
  }

  /** {@link TinkFieldProtection} over an {@link InMemoryKeyProvider}: rotated and retired field by field. */
  static RotatingProtection tink() {
    InMemoryKeyProvider keys = InMemoryKeyProvider.generate();
    TinkFieldProtection protection = TinkFieldProtection.of(keys);
    Map<ProtectedField, Integer> replaced = new EnumMap<>(ProtectedField.class);
    return new RotatingProtection() {
      @Override
      public FieldProtection protection() {
        return protection;
      }

      @Override
      public FieldProtection rotate() {
        for (ProtectedField field : ProtectedField.values()) {
          if (protection.protects(field)) {
            replaced.put(field, keys.keyset(field, KeyPurpose.ENCRYPTION).getPrimary().getId());
            keys.rotate(field);
          }
        }
        return protection;
      }

      @Override
      public FieldProtection retireOldKeys() {
        replaced.forEach(keys::retire);
        replaced.clear();
        return protection;
      }
    };
  }
}
