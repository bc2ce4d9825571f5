package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.pseudonym.PseudonymKey;
import io.crmkit.privacy.pseudonym.PseudonymKeys;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The contract of crm-privacy's {@link PseudonymKeys}: keys come back exactly as added (instants to
 * the nanosecond, wrapped bytes unchanged), a name is taken once, listing is by name, retiring
 * keeps the first retirement, and a rolled-back transaction leaves no key and no retirement.
 * Extend it with a factory of a fresh, empty store with the privacy capability attached.
 */
public abstract class PseudonymKeysContract {
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123456789Z");

  /** Called once per example or property try. */
  protected abstract PrivacyStore newStore();

  @Property(tries = 20)
  void addedKeysComeBackExactlyAndInNameOrder(@ForAll("keyLists") List<PseudonymKey> keys) {
    PseudonymKeys store = newStore().pseudonymKeys();

    keys.forEach(store::add);

    for (PseudonymKey key : keys) {
      assertThat(store.find(key.name())).contains(key);
    }
    assertThat(store.all()).containsExactlyElementsOf(
        keys.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList());
  }

  @Example
  void anUnknownNameIsFoundNowhere() {
    PseudonymKeys store = newStore().pseudonymKeys();

    assertThat(store.find("missing")).isEmpty();
    assertThat(store.all()).isEmpty();
  }

  @Example
  void aNameIsTakenOnceEvenAfterItsKeyIsRetired() {
    PseudonymKeys store = newStore().pseudonymKeys();
    PseudonymKey first = PseudonymKey.created("exports", T0, new byte[] {1, 2, 3});
    store.add(first);
    store.retire("exports", T0.plusSeconds(60));

    assertThatThrownBy(() -> store.add(PseudonymKey.created("exports", T0.plusSeconds(120), new byte[] {4})))
        .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("exports");
    assertThat(store.find("exports")).contains(first.retire(T0.plusSeconds(60)));
  }

  @Example
  void retiringKeepsTheFirstRetirement() {
    PseudonymKeys store = newStore().pseudonymKeys();
    store.add(PseudonymKey.created("crm-2026", T0, new byte[] {9, 8, 7}));

    PseudonymKey retired = store.retire("crm-2026", T0.plusNanos(1));
    PseudonymKey again = store.retire("crm-2026", T0.plusSeconds(3600));

    assertThat(retired.retiredAt()).contains(T0.plusNanos(1));
    assertThat(again).isEqualTo(retired);
    assertThat(store.find("crm-2026")).contains(retired);
  }

  @Example
  void retiringAnUnknownKeyFails() {
    PseudonymKeys store = newStore().pseudonymKeys();

    assertThatThrownBy(() -> store.retire("nothing", T0)).isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("nothing");
  }

  @Example
  void retiringBeforeCreationIsRejectedAndChangesNothing() {
    PseudonymKeys store = newStore().pseudonymKeys();
    PseudonymKey key = PseudonymKey.created("early", T0, new byte[] {1});
    store.add(key);

    assertThatThrownBy(() -> store.retire("early", T0.minusNanos(1))).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find("early")).contains(key);
  }

  @Example
  void aRolledBackTransactionLeavesNoKeyAndNoRetirement() {
    PrivacyStore privacy = newStore();
    PseudonymKeys store = privacy.pseudonymKeys();
    PseudonymKey kept = PseudonymKey.created("kept", T0, new byte[] {5});
    store.add(kept);

    assertThatThrownBy(() -> privacy.base().transactions().inTransaction(() -> {
      store.add(PseudonymKey.created("undone", T0, new byte[] {6}));
      store.retire("kept", T0.plusSeconds(1));
      throw new IllegalStateException("roll back");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(store.find("undone")).isEmpty();
    assertThat(store.all()).containsExactly(kept);
  }

  @Provide
  Arbitrary<List<PseudonymKey>> keyLists() {
    Arbitrary<String> names = Arbitraries.strings().withChars("abcxyz019._-").ofMinLength(0).ofMaxLength(62)
        .map(rest -> "k" + rest);
    Arbitrary<Instant> instants = Arbitraries.longs().between(PseudonymKey.MIN_INSTANT.getEpochSecond(),
        PseudonymKey.MAX_INSTANT.getEpochSecond() - 1).flatMap(second -> Arbitraries.integers()
        .between(0, 999_999_999).map(nano -> Instant.ofEpochSecond(second, nano)));
    Arbitrary<byte[]> material = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300);
    Arbitrary<PseudonymKey> keys = Combinators.combine(names, instants, Arbitraries.longs().between(0, 1_000_000_000L),
        Arbitraries.of(true, false), material).as((name, created, laterNanos, retired, bytes) -> {
          Instant retiredAt = created.plusNanos(laterNanos);
          return new PseudonymKey(name, created,
              retired && !retiredAt.isAfter(PseudonymKey.MAX_INSTANT) ? Optional.of(retiredAt) : Optional.empty(),
              bytes);
        });
    return keys.list().ofMinSize(1).ofMaxSize(6).uniqueElements(PseudonymKey::name);
  }
}
