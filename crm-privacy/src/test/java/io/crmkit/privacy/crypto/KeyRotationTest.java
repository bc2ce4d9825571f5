package io.crmkit.privacy.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.protection.ProtectedField;
import io.crmkit.privacy.memory.InMemoryPrivacy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyRotationTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final InMemoryKeyProvider keys = InMemoryKeyProvider.generate();
  private final ProtectionKeys metadata = InMemoryCrmStore.create().attach(InMemoryPrivacy.extension())
      .protectionKeys();
  private final MutableClock clock = new MutableClock(T0);
  private final KeyRotation rotation = new KeyRotation(keys, metadata, clock);

  @Test
  void recordingTheKeysOfAFieldRecordsItsPrimary() {
    int primary = keys.keyset(ProtectedField.PHONE, KeyPurpose.ENCRYPTION).getPrimary().getId();

    assertThat(rotation.recordKeys(ProtectedField.PHONE, KeyPurpose.ENCRYPTION))
        .containsExactly(ProtectionKey.created(ProtectedField.PHONE, KeyPurpose.ENCRYPTION, primary, true, T0));
  }

  @Test
  void aRotationRecordsTheNewPrimaryAndTheFormerOneRotatedAway() {
    rotation.recordKeys(ProtectedField.PHONE, KeyPurpose.ENCRYPTION);
    int old = keys.keyset(ProtectedField.PHONE, KeyPurpose.ENCRYPTION).getPrimary().getId();
    clock.now = T0.plusSeconds(60);

    ProtectionKey fresh = rotation.rotate(ProtectedField.PHONE);

    assertThat(fresh.keyId()).isEqualTo(keys.keyset(ProtectedField.PHONE, KeyPurpose.ENCRYPTION).getPrimary().getId());
    assertThat(metadata.keys(ProtectedField.PHONE, KeyPurpose.ENCRYPTION)).containsExactly(
        new ProtectionKey(ProtectedField.PHONE, KeyPurpose.ENCRYPTION, old, false, T0, Optional.of(clock.now),
            Optional.empty()),
        ProtectionKey.created(ProtectedField.PHONE, KeyPurpose.ENCRYPTION, fresh.keyId(), true, clock.now));
  }

  @Test
  void retiringTheFormerKeyDisablesItAndRecordsWhen() {
    rotation.recordKeys(ProtectedField.EMAIL, KeyPurpose.ENCRYPTION);
    int old = keys.keyset(ProtectedField.EMAIL, KeyPurpose.ENCRYPTION).getPrimary().getId();
    rotation.rotate(ProtectedField.EMAIL);
    clock.now = T0.plusSeconds(3600);

    ProtectionKey retired = rotation.retire(ProtectedField.EMAIL, old);

    assertThat(retired.retiredAt()).contains(clock.now);
    assertThat(retired.active()).isFalse();
    assertThat(rotation.recordKeys(ProtectedField.EMAIL, KeyPurpose.ENCRYPTION)).as("recording again changes nothing")
        .hasSize(2).contains(retired);
  }

  @Test
  void thePrimaryCannotBeRetired() {
    ProtectionKey primary = rotation.recordKeys(ProtectedField.EMAIL, KeyPurpose.ENCRYPTION).get(0);

    assertThatThrownBy(() -> rotation.retire(ProtectedField.EMAIL, primary.keyId()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(metadata.primary(ProtectedField.EMAIL, KeyPurpose.ENCRYPTION)).contains(primary);
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
