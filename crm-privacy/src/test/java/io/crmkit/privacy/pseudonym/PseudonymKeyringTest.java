package io.crmkit.privacy.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.privacy.memory.InMemoryPrivacy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class PseudonymKeyringTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final byte[] SECRET = filled(32, 42);

  private final PseudonymKeys keys = InMemoryCrmStore.create().attach(InMemoryPrivacy.extension()).pseudonymKeys();
  private final PseudonymKeyring keyring = new PseudonymKeyring(keys, KeyWrapper.aesGcm(SECRET),
      Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aStoredKeyGivesTheSameTokensEveryTimeItIsOpened() {
    keyring.create("exports");

    String first = keyring.pseudonymiser("exports").token(TokenDomain.CUSTOMER, "C-00042");
    PseudonymKeyring reopened = new PseudonymKeyring(keys, KeyWrapper.aesGcm(SECRET), Clock.systemUTC());

    assertThat(reopened.pseudonymiser("exports").token(TokenDomain.CUSTOMER, "C-00042")).isEqualTo(first);
  }

  @Test
  void twoKeysGiveUnrelatedTokens() {
    keyring.create("partner-a");
    keyring.create("partner-b");

    assertThat(keyring.pseudonymiser("partner-a").token(TokenDomain.CUSTOMER, "C-00042"))
        .isNotEqualTo(keyring.pseudonymiser("partner-b").token(TokenDomain.CUSTOMER, "C-00042"));
  }

  @Test
  void theStoreHoldsOnlyWrappedMaterialDatedByTheClock() {
    PseudonymKey key = keyring.create("exports");

    assertThat(key.createdAt()).isEqualTo(NOW);
    assertThat(key.retiredAt()).isEmpty();
    // AES-GCM: 12-byte nonce, 32 bytes of key, 16-byte tag.
    assertThat(key.wrappedMaterial()).hasSize(12 + 32 + 16);
    assertThat(keys.find("exports")).contains(key);
  }

  @Test
  void anotherSecretCannotOpenTheKey() {
    keyring.create("exports");
    PseudonymKeyring wrongSecret = new PseudonymKeyring(keys, KeyWrapper.aesGcm(filled(32, 1)), Clock.systemUTC());

    assertThatThrownBy(() -> wrongSecret.pseudonymiser("exports")).isInstanceOf(KeyWrapper.KeyUnwrapException.class)
        .hasMessageContaining("exports");
  }

  @Test
  void wrappedMaterialCopiedUnderAnotherNameDoesNotOpen() {
    PseudonymKey key = keyring.create("exports");
    keys.add(PseudonymKey.created("copied", NOW, key.wrappedMaterial()));

    assertThatThrownBy(() -> keyring.pseudonymiser("copied")).isInstanceOf(KeyWrapper.KeyUnwrapException.class);
  }

  @Test
  void tamperedMaterialDoesNotOpen() {
    byte[] wrapped = KeyWrapper.aesGcm(SECRET).wrap("exports", filled(32, 5));
    wrapped[20] ^= 1;
    keys.add(PseudonymKey.created("exports", NOW, wrapped));

    assertThatThrownBy(() -> keyring.pseudonymiser("exports")).isInstanceOf(KeyWrapper.KeyUnwrapException.class);
  }

  @Test
  void aRetiredKeyMakesNoMoreTokensButStaysListed() {
    keyring.create("exports");

    PseudonymKey retired = keyring.retire("exports");

    assertThat(retired.retiredAt()).contains(NOW);
    assertThat(keys.all()).containsExactly(retired);
    assertThatThrownBy(() -> keyring.pseudonymiser("exports")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("retired");
  }

  @Test
  void namesAreCheckedAndTakenOnce() {
    keyring.create("exports");

    assertThatThrownBy(() -> keyring.create("exports")).isInstanceOf(DuplicateKeyException.class);
    assertThatThrownBy(() -> keyring.create("Exports")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> keyring.pseudonymiser("unknown")).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void aKeyPrintsNeitherItsMaterialNorItsBytes() {
    PseudonymKey key = keyring.create("exports");

    assertThat(key.toString()).contains("exports").contains("60 wrapped bytes");
    assertThat(KeyWrapper.aesGcm(SECRET).toString()).doesNotContain("42");
  }

  @Test
  void aKeyEncryptionKeyMustBe32Bytes() {
    assertThatThrownBy(() -> KeyWrapper.aesGcm(new byte[16])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
