package io.crmkit.privacy.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.protection.FieldProtectionException;
import io.crmkit.core.protection.ProtectedField;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class TinkFieldProtectionTest {
  private final InMemoryKeyProvider keys = InMemoryKeyProvider.generate();
  private final TinkFieldProtection protection = TinkFieldProtection.of(keys);

  @Test
  void everyFieldButTheBlockingKeyIsProtectedByDefault() {
    assertThat(EnumSet.allOf(ProtectedField.class).stream().filter(protection::protects))
        .containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(ProtectedField.BLOCKING_KEY)));
  }

  @Test
  void aProtectionOfSomeFieldsRefusesToEncryptTheOthersButIndexesThemAll() {
    TinkFieldProtection phonesOnly = TinkFieldProtection.of(keys, EnumSet.of(ProtectedField.PHONE));

    assertThat(phonesOnly.protects(ProtectedField.PHONE)).isTrue();
    assertThat(phonesOnly.protects(ProtectedField.EMAIL)).isFalse();
    assertThatThrownBy(() -> phonesOnly.encrypt(ProtectedField.EMAIL, "a@b.cn", "c1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EMAIL is not protected");
    assertThat(phonesOnly.blindIndex(ProtectedField.EMAIL, "a@b.cn"))
        .isEqualTo(protection.blindIndex(ProtectedField.EMAIL, "a@b.cn"));
  }

  @Test
  void theBlockingKeyCannotBeEncrypted() {
    assertThatThrownBy(() -> TinkFieldProtection.of(keys, EnumSet.of(ProtectedField.BLOCKING_KEY)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never encrypted");
    assertThatThrownBy(() -> protection.encrypt(ProtectedField.BLOCKING_KEY, "k", "c1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void textThatIsNotWellFormedUnicodeIsRejectedRatherThanAltered() {
    assertThatThrownBy(() -> protection.encrypt(ProtectedField.PHONE, "a\uD800b", "c1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unpaired surrogate");
    assertThatThrownBy(() -> protection.blindIndex(ProtectedField.PHONE, "\uDC00"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBlankContextIsRejected() {
    assertThatThrownBy(() -> protection.encrypt(ProtectedField.PHONE, "+8613812345678", " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("context");
  }

  @Test
  void textThatIsNoCipherTextFailsWithTheProtectionException() {
    assertThatThrownBy(() -> protection.decrypt(ProtectedField.PHONE, "not base64 !", "c1"))
        .isInstanceOf(FieldProtectionException.class);
    assertThatThrownBy(() -> protection.isCurrent(ProtectedField.PHONE, "not base64 !"))
        .isInstanceOf(FieldProtectionException.class);
    assertThatThrownBy(() -> protection.isCurrent(ProtectedField.PHONE, "AAAAAAAAAA"))
        .isInstanceOf(FieldProtectionException.class).hasMessageContaining("no Tink key prefix");
  }

  @Test
  void theExceptionNeverCarriesTheValueOrTheCipherText() {
    String cipherText = protection.encrypt(ProtectedField.EMAIL, "secret@example.com", "c1");

    assertThatThrownBy(() -> protection.decrypt(ProtectedField.EMAIL, cipherText, "c2"))
        .isInstanceOf(FieldProtectionException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret").doesNotContain(cipherText));
  }

  @Test
  void aRetiredKeysCipherTextsNoLongerDecrypt() {
    String old = protection.encrypt(ProtectedField.PHONE, "+8613812345678", "c1");
    int oldKey = keys.keyset(ProtectedField.PHONE, KeyPurpose.ENCRYPTION).getPrimary().getId();
    keys.rotate(ProtectedField.PHONE);

    keys.retire(ProtectedField.PHONE, oldKey);

    assertThatThrownBy(() -> protection.decrypt(ProtectedField.PHONE, old, "c1"))
        .isInstanceOf(FieldProtectionException.class);
    String fresh = protection.encrypt(ProtectedField.PHONE, "+8613812345678", "c1");
    assertThat(protection.decrypt(ProtectedField.PHONE, fresh, "c1")).isEqualTo("+8613812345678");
  }
}
