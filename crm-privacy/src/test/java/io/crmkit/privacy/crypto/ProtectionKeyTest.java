package io.crmkit.privacy.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.protection.ProtectedField;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProtectionKeyTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final ProtectionKey primary = ProtectionKey.created(ProtectedField.PHONE, KeyPurpose.ENCRYPTION, 1, true, T0);

  @Test
  void aPrimaryKeyCannotHaveBeenRotatedOrRetired() {
    assertThatThrownBy(() -> new ProtectionKey(ProtectedField.PHONE, KeyPurpose.ENCRYPTION, 1, true, T0,
        Optional.of(T0), Optional.empty())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("primary key 1 of PHONE/ENCRYPTION");
    assertThatThrownBy(() -> primary.retired(T0)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rotate before retiring");
  }

  @Test
  void nothingHappensToAKeyBeforeItWasCreated() {
    assertThatThrownBy(() -> primary.rotatedAway(T0.minusNanos(1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before the key's creation");
  }

  @Test
  void instantsMustBeStorable() {
    assertThatThrownBy(() -> ProtectionKey.created(ProtectedField.PHONE, KeyPurpose.ENCRYPTION, 1, true,
        ProtectionKey.MAX_INSTANT.plusNanos(1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("years 1..9999");
  }

  @Test
  void aRetiredKeyKeepsItsFirstRetirementAndCannotBecomePrimaryAgain() {
    ProtectionKey retired = primary.rotatedAway(T0.plusSeconds(1)).retired(T0.plusSeconds(2));

    assertThat(retired.retired(T0.plusSeconds(3))).isSameAs(retired);
    assertThat(retired.active()).isFalse();
    assertThatThrownBy(retired::asPrimary).isInstanceOf(IllegalStateException.class).hasMessageContaining("retired");
  }

  @Test
  void aRotatedKeyThatBecomesPrimaryAgainForgetsItsRotation() {
    ProtectionKey again = primary.rotatedAway(T0.plusSeconds(1)).asPrimary();

    assertThat(again).isEqualTo(primary);
  }
}
