package io.crmkit.privacy.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import io.crmkit.core.protection.ProtectedField;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryKeyProviderTest {
  private final InMemoryKeyProvider keys = InMemoryKeyProvider.generate();

  @Test
  void everyFieldHasABlindIndexKeysetAndEveryEncryptableFieldAnEncryptionKeyset() {
    for (ProtectedField field : ProtectedField.values()) {
      assertThat(keys.keyset(field, KeyPurpose.BLIND_INDEX).size()).isEqualTo(1);
      if (field != ProtectedField.BLOCKING_KEY) {
        assertThat(keys.keyset(field, KeyPurpose.ENCRYPTION).size()).isEqualTo(1);
      }
    }
    assertThatThrownBy(() -> keys.keyset(ProtectedField.BLOCKING_KEY, KeyPurpose.ENCRYPTION))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no ENCRYPTION keyset for BLOCKING_KEY");
  }

  @Test
  void wrappedKeysetsLoadUnderTheSameMasterKeyAndDecryptWhatTheOriginalsEncrypted() throws Exception {
    Aead master = masterKey();
    keys.rotate(ProtectedField.EMAIL);
    String cipherText = TinkFieldProtection.of(keys).encrypt(ProtectedField.EMAIL, "li.lei@example.cn", "c1");

    Map<String, String> wrapped = keys.wrap(master);
    InMemoryKeyProvider loaded = InMemoryKeyProvider.load(wrapped, master);

    assertThat(wrapped).containsKey("EMAIL/ENCRYPTION").hasSize(ProtectedField.values().length * 2 - 1);
    TinkFieldProtection protection = TinkFieldProtection.of(loaded);
    assertThat(protection.decrypt(ProtectedField.EMAIL, cipherText, "c1")).isEqualTo("li.lei@example.cn");
    assertThat(protection.isCurrent(ProtectedField.EMAIL, cipherText)).isTrue();
    assertThat(protection.blindIndex(ProtectedField.PHONE, "+8613812345678"))
        .isEqualTo(TinkFieldProtection.of(keys).blindIndex(ProtectedField.PHONE, "+8613812345678"));
  }

  @Test
  void wrappedKeysetsHoldNoClearKeyMaterial() throws Exception {
    Map<String, String> wrapped = keys.wrap(masterKey());

    assertThat(wrapped.values()).allSatisfy(text -> assertThat(text).contains("encryptedKeyset")
        .doesNotContain("\"keyData\""));
  }

  @Test
  void wrappedKeysetsDoNotLoadUnderAnotherMasterKey() throws Exception {
    Map<String, String> wrapped = keys.wrap(masterKey());

    assertThatThrownBy(() -> InMemoryKeyProvider.load(wrapped, masterKey()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not decrypt under this master key");
  }

  @Test
  void aWrappedKeysetMovedToAnotherFieldDoesNotLoad() throws Exception {
    Aead master = masterKey();
    Map<String, String> wrapped = new HashMap<>(keys.wrap(master));
    wrapped.put("PHONE/ENCRYPTION", wrapped.get("EMAIL/ENCRYPTION"));

    assertThatThrownBy(() -> InMemoryKeyProvider.load(wrapped, master))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PHONE/ENCRYPTION");
  }

  @Test
  void aMalformedNameIsRejected() throws Exception {
    Aead master = masterKey();

    assertThatThrownBy(() -> InMemoryKeyProvider.load(Map.of("PHONE", "{}"), master))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FIELD/PURPOSE");
    assertThatThrownBy(() -> InMemoryKeyProvider.load(Map.of("FAX/ENCRYPTION", "{}"), master))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FAX/ENCRYPTION");
  }

  @Test
  void rotationAddsANewPrimaryAndKeepsTheOldKeyEnabled() {
    int old = keys.keyset(ProtectedField.PHONE, KeyPurpose.ENCRYPTION).getPrimary().getId();

    int fresh = keys.rotate(ProtectedField.PHONE);

    KeysetHandle keyset = keys.keyset(ProtectedField.PHONE, KeyPurpose.ENCRYPTION);
    assertThat(keyset.size()).isEqualTo(2);
    assertThat(keyset.getPrimary().getId()).isEqualTo(fresh).isNotEqualTo(old);
    assertThat(keys.keyset(ProtectedField.EMAIL, KeyPurpose.ENCRYPTION).size()).as("other fields").isEqualTo(1);
  }

  @Test
  void thePrimaryCannotBeRetiredNorAnUnknownKey() {
    int primary = keys.keyset(ProtectedField.PHONE, KeyPurpose.ENCRYPTION).getPrimary().getId();

    assertThatThrownBy(() -> keys.retire(ProtectedField.PHONE, primary)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rotate first");
    assertThatThrownBy(() -> keys.retire(ProtectedField.PHONE, primary + 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no key");
  }

  @Test
  void theBlockingKeyHasNoEncryptionKeyToRotate() {
    assertThatThrownBy(() -> keys.rotate(ProtectedField.BLOCKING_KEY)).isInstanceOf(IllegalArgumentException.class);
  }

  static Aead masterKey() throws GeneralSecurityException {
    return TinkPrimitives.aead(TinkPrimitives.generate(KeyPurpose.ENCRYPTION));
  }
}
