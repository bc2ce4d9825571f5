package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.protection.ProtectedField;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.crypto.KeyPurpose;
import io.crmkit.privacy.crypto.ProtectionKey;
import io.crmkit.privacy.crypto.ProtectionKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The contract of crm-privacy's {@link ProtectionKeys}: keys come back exactly as recorded (any
 * key id, instants of years 1 to 9999 to the nanosecond), a new primary marks the former one
 * rotated, retirement keeps its first instant and never hits the primary, repeated records change
 * nothing, reads are ordered and separate per field and purpose, and a rolled-back transaction
 * leaves nothing. Extend it with a factory of a fresh, empty store with the privacy capability
 * attached (see {@link AuditLogContract}).
 */
public abstract class ProtectionKeysContract {
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123456789Z");
  private static final Comparator<ProtectionKey> CREATION = Comparator.comparing(ProtectionKey::createdAt)
      .thenComparingInt(ProtectionKey::keyId);

  /** Called once per example or property try. */
  protected abstract PrivacyStore newStore();

  @Example
  void anEmptyStoreHasNoKeys() {
    ProtectionKeys keys = newStore().protectionKeys();

    assertThat(keys.all()).isEmpty();
    assertThat(keys.primary(ProtectedField.PHONE, KeyPurpose.ENCRYPTION)).isEmpty();
    assertThat(keys.keys(ProtectedField.PHONE, KeyPurpose.ENCRYPTION)).isEmpty();
  }

  @Example
  void aNewPrimaryMarksTheFormerOneRotatedAtThatInstant() {
    ProtectionKeys keys = newStore().protectionKeys();
    ProtectionKey first = keys.recordPrimary(ProtectedField.PHONE, KeyPurpose.ENCRYPTION, 17, T0);
    Instant later = T0.plusSeconds(86_400).plusNanos(1);

    ProtectionKey second = keys.recordPrimary(ProtectedField.PHONE, KeyPurpose.ENCRYPTION, -5, later);

    assertThat(first).isEqualTo(ProtectionKey.created(ProtectedField.PHONE, KeyPurpose.ENCRYPTION, 17, true, T0));
    assertThat(second).isEqualTo(ProtectionKey.created(ProtectedField.PHONE, KeyPurpose.ENCRYPTION, -5, true, later));
    assertThat(keys.keys(ProtectedField.PHONE, KeyPurpose.ENCRYPTION)).containsExactly(
        new ProtectionKey(ProtectedField.PHONE, KeyPurpose.ENCRYPTION, 17, false, T0, Optional.of(later),
            Optional.empty()), second);
    assertThat(keys.primary(ProtectedField.PHONE, KeyPurpose.ENCRYPTION)).contains(second);
  }

  @Example
  void recordingAKeyAgainChangesNothing() {
    ProtectionKeys keys = newStore().protectionKeys();
    ProtectionKey primary = keys.recordPrimary(ProtectedField.EMAIL, KeyPurpose.ENCRYPTION, 1, T0);
    ProtectionKey added = keys.recordAdded(ProtectedField.EMAIL, KeyPurpose.ENCRYPTION, 2, T0);

    assertThat(keys.recordPrimary(ProtectedField.EMAIL, KeyPurpose.ENCRYPTION, 1, T0.plusSeconds(9)))
        .isEqualTo(primary);
    assertThat(keys.recordAdded(ProtectedField.EMAIL, KeyPurpose.ENCRYPTION, 2, T0.plusSeconds(9))).isEqualTo(added);
    assertThat(keys.recordAdded(ProtectedField.EMAIL, KeyPurpose.ENCRYPTION, 1, T0.plusSeconds(9)))
        .isEqualTo(primary);
    assertThat(keys.keys(ProtectedField.EMAIL, KeyPurpose.ENCRYPTION)).containsExactly(primary, added);
  }

  @Example
  void anAddedKeyCanBecomeThePrimaryLater() {
    ProtectionKeys keys = newStore().protectionKeys();
    ProtectionKey old = keys.recordPrimary(ProtectedField.EMAIL, KeyPurpose.ENCRYPTION, 1, T0);
    keys.recordAdded(ProtectedField.EMAIL, KeyPurpose.ENCRYPTION, 2, T0.plusSeconds(1));

    ProtectionKey promoted = keys.recordPrimary(ProtectedField.EMAIL, KeyPurpose.ENCRYPTION, 2, T0.plusSeconds(5));

    assertThat(promoted).isEqualTo(ProtectionKey.created(ProtectedField.EMAIL, KeyPurpose.ENCRYPTION, 2, true,
        T0.plusSeconds(1)));
    assertThat(keys.keys(ProtectedField.EMAIL, KeyPurpose.ENCRYPTION))
        .containsExactly(old.rotatedAway(T0.plusSeconds(5)), promoted);
  }

  @Example
  void retirementKeepsItsFirstInstantAndNeverHitsThePrimaryOrAnUnknownKey() {
    ProtectionKeys keys = newStore().protectionKeys();
    keys.recordPrimary(ProtectedField.PERSON_IDENTIFIER, KeyPurpose.ENCRYPTION, 1, T0);
    ProtectionKey primary = keys.recordPrimary(ProtectedField.PERSON_IDENTIFIER, KeyPurpose.ENCRYPTION, 2,
        T0.plusSeconds(10));

    ProtectionKey retired = keys.recordRetired(ProtectedField.PERSON_IDENTIFIER, KeyPurpose.ENCRYPTION, 1,
        T0.plusSeconds(20));

    assertThat(retired.retiredAt()).contains(T0.plusSeconds(20));
    assertThat(retired.rotatedAt()).contains(T0.plusSeconds(10));
    assertThat(keys.recordRetired(ProtectedField.PERSON_IDENTIFIER, KeyPurpose.ENCRYPTION, 1, T0.plusSeconds(30)))
        .isEqualTo(retired);
    assertThatThrownBy(() -> keys.recordRetired(ProtectedField.PERSON_IDENTIFIER, KeyPurpose.ENCRYPTION, 2,
        T0.plusSeconds(30))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> keys.recordRetired(ProtectedField.PERSON_IDENTIFIER, KeyPurpose.ENCRYPTION, 3,
        T0.plusSeconds(30))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> keys.recordPrimary(ProtectedField.PERSON_IDENTIFIER, KeyPurpose.ENCRYPTION, 1,
        T0.plusSeconds(30))).isInstanceOf(IllegalStateException.class);
    assertThat(keys.keys(ProtectedField.PERSON_IDENTIFIER, KeyPurpose.ENCRYPTION)).containsExactly(retired, primary);
  }

  @Example
  void fieldsAndPurposesKeepSeparateKeysEvenWithEqualIds() {
    ProtectionKeys keys = newStore().protectionKeys();
    ProtectionKey phone = keys.recordPrimary(ProtectedField.PHONE, KeyPurpose.ENCRYPTION, 7, T0);
    ProtectionKey phoneIndex = keys.recordPrimary(ProtectedField.PHONE, KeyPurpose.BLIND_INDEX, 7, T0);
    ProtectionKey email = keys.recordPrimary(ProtectedField.EMAIL, KeyPurpose.ENCRYPTION, 7, T0);

    keys.recordPrimary(ProtectedField.PHONE, KeyPurpose.ENCRYPTION, 8, T0.plusSeconds(1));

    assertThat(keys.primary(ProtectedField.PHONE, KeyPurpose.BLIND_INDEX)).contains(phoneIndex);
    assertThat(keys.primary(ProtectedField.EMAIL, KeyPurpose.ENCRYPTION)).contains(email);
    assertThat(keys.all()).containsExactly(phone.rotatedAway(T0.plusSeconds(1)),
        ProtectionKey.created(ProtectedField.PHONE, KeyPurpose.ENCRYPTION, 8, true, T0.plusSeconds(1)), phoneIndex,
        email);
  }

  /**
   * Four rotations race, on a fresh store each round: a race that goes wrong only now and then (a
   * deadlock whose victim cannot recover, say) still shows in one run.
   */
  @Example
  void concurrentRotationsOfOneFieldLeaveExactlyOnePrimary() {
    for (int round = 0; round < 50; round++) {
      ProtectionKeys keys = newStore().protectionKeys();
      ProtectionKey first = keys.recordPrimary(ProtectedField.EMAIL, KeyPurpose.ENCRYPTION, 100, T0);

      List<ProtectionKey> promoted = Concurrently.run(4, thread -> () -> keys.recordPrimary(ProtectedField.EMAIL,
          KeyPurpose.ENCRYPTION, thread, T0.plusSeconds(1)));

      List<ProtectionKey> stored = keys.keys(ProtectedField.EMAIL, KeyPurpose.ENCRYPTION);
      assertThat(stored).extracting(ProtectionKey::keyId).containsExactlyInAnyOrder(100, 0, 1, 2, 3);
      assertThat(stored).filteredOn(ProtectionKey::primary).hasSize(1)
          .allSatisfy(primary -> assertThat(promoted).contains(primary));
      assertThat(stored).filteredOn(k -> !k.primary())
          .allSatisfy(former -> assertThat(former.rotatedAt()).isPresent());
      assertThat(stored).filteredOn(k -> k.keyId() == 100).singleElement().extracting(ProtectionKey::createdAt)
          .isEqualTo(first.createdAt());
    }
  }

  @Example
  void aRolledBackTransactionLeavesNoKeyAndNoRotation() {
    PrivacyStore store = newStore();
    ProtectionKeys keys = store.protectionKeys();
    ProtectionKey kept = keys.recordPrimary(ProtectedField.PHONE, KeyPurpose.ENCRYPTION, 1, T0);

    assertThatThrownBy(() -> store.base().transactions().inTransaction(() -> {
      keys.recordPrimary(ProtectedField.PHONE, KeyPurpose.ENCRYPTION, 2, T0.plusSeconds(1));
      keys.recordAdded(ProtectedField.EMAIL, KeyPurpose.ENCRYPTION, 3, T0.plusSeconds(1));
      throw new IllegalStateException("rotation failed");
    })).isInstanceOf(IllegalStateException.class).hasMessage("rotation failed");

    assertThat(keys.all()).containsExactly(kept);
  }

  @Property(tries = 15)
  void recordedKeysComeBackExactlyOldestFirst(@ForAll("additions") List<Addition> additions) {
    ProtectionKeys keys = newStore().protectionKeys();
    List<ProtectionKey> expected = new ArrayList<>();
    for (Addition addition : additions) {
      ProtectionKey key = keys.recordAdded(ProtectedField.ADDRESS_LINE, KeyPurpose.ENCRYPTION, addition.keyId(),
          addition.at());
      if (expected.stream().noneMatch(k -> k.keyId() == addition.keyId())) {
        expected.add(ProtectionKey.created(ProtectedField.ADDRESS_LINE, KeyPurpose.ENCRYPTION, addition.keyId(),
            false, addition.at()));
      }
      assertThat(key.keyId()).isEqualTo(addition.keyId());
    }

    assertThat(keys.keys(ProtectedField.ADDRESS_LINE, KeyPurpose.ENCRYPTION))
        .containsExactlyElementsOf(expected.stream().sorted(CREATION).toList());
  }

  /** A key id and when it was added. */
  public record Addition(int keyId, Instant at) {}

  @Provide
  Arbitrary<List<Addition>> additions() {
    Arbitrary<Integer> ids = Arbitraries.oneOf(Arbitraries.integers().between(-3, 3), Arbitraries.integers(),
        Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE));
    Arbitrary<Instant> instants = Arbitraries.oneOf(
        Arbitraries.longs().between(ProtectionKey.MIN_INSTANT.getEpochSecond(),
            ProtectionKey.MAX_INSTANT.getEpochSecond()).map(Instant::ofEpochSecond),
        Arbitraries.longs().between(0, 999_999_999L).map(T0::plusNanos),
        Arbitraries.of(ProtectionKey.MIN_INSTANT, ProtectionKey.MAX_INSTANT));
    return Combinators.combine(ids, instants).as(Addition::new).list().ofMinSize(1).ofMaxSize(12);
  }
}
