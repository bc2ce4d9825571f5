package io.crmkit.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventFamilyTest {

  @Test
  void theCustomerFamilyListsItsEventsUnderTheTypeIdsStoredEventsCarry() {
    assertThat(CustomerEvent.FAMILY.name()).isEqualTo("customer");
    assertThat(CustomerEvent.FAMILY.root()).isEqualTo(CustomerEvent.class);
    assertThat(CustomerEvent.FAMILY.types()).containsExactly(
        entry("CustomerRegistered", CustomerRegistered.class),
        entry("CustomerUpdated", CustomerUpdated.class),
        entry("StageChanged", StageChanged.class));
  }

  @Test
  void theEventsOfASealedSubFamilyBelongToTheFamilyButTheSubFamilyItselfIsNoEventType() {
    EventFamily<Nested> family = EventFamily.of("nested", Nested.class);

    assertThat(family.types()).containsOnlyKeys("Plain", "Deep", "Deeper", "Deepest");
    assertThat(family.includes(Nested.Deep.class)).isTrue();
    assertThat(family.includes(Nested.Sub.class)).isFalse();
    assertThat(family.includes(Nested.class)).isFalse();
  }

  @Test
  void includesOnlyTheFamilysOwnEventTypes() {
    assertThat(CustomerEvent.FAMILY.includes(StageChanged.class)).isTrue();
    assertThat(CustomerEvent.FAMILY.includes(TestEvents.TagAdded.class)).isFalse();
    assertThat(TestEvents.FAMILY.includes(RivalEvents.TagAdded.class)).isFalse();
    assertThat(TestEvents.FAMILY.includes(TestEvents.TagAdded.class)).isTrue();
  }

  @Test
  void aRootThatIsNotSealedIsRejectedBecauseItsTypesCannotBeListed() {
    assertThatThrownBy(() -> EventFamily.of("open", DomainEvent.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(DomainEvent.class.getName()).hasMessageContaining("must be sealed");
  }

  @Test
  void aNonSealedTypeInTheHierarchyIsRejectedBecauseItsSubtypesCannotBeListed() {
    assertThatThrownBy(() -> EventFamily.of("leaky", Leaky.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Leaky.Open.class.getName()).hasMessageContaining("non-sealed");
  }

  @Test
  void twoEventTypesWithOneSimpleNameInOneFamilyAreRejected() {
    assertThatThrownBy(() -> EventFamily.of("twins", Twins.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Moved'")
        .hasMessageContaining(Twins.Left.Moved.class.getName())
        .hasMessageContaining(Twins.Right.Moved.class.getName());
  }

  @Test
  void aTypeIdLongerThanAStoreKeepsIsRejected() {
    assertThatThrownBy(() -> EventFamily.of("verbose", Verbose.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than the 100 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Test", "1test", "te st", "test_events", "a2345678901234567890123456789012345678901"})
  void aMalformedFamilyNameIsRejected(String name) {
    assertThatThrownBy(() -> EventFamily.of(name, TestEvents.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + name + "'");
  }

  @Test
  void familiesAreEqualByNameAndInterface() {
    assertThat(EventFamily.of("test", TestEvents.class)).isEqualTo(TestEvents.FAMILY)
        .hasSameHashCodeAs(TestEvents.FAMILY)
        .isNotEqualTo(EventFamily.of("other", TestEvents.class));
    assertThat(TestEvents.FAMILY).hasToString("EventFamily[test: TagAdded, ScoreChanged]");
  }

  private static <K, V> java.util.Map.Entry<K, V> entry(K key, V value) {
    return java.util.Map.entry(key, value);
  }

  sealed interface Nested extends DomainEvent {
    record Plain(UUID eventId, Instant occurredAt, CustomerId customerId) implements Nested {}

    sealed interface Sub extends Nested {}

    record Deep(UUID eventId, Instant occurredAt, CustomerId customerId) implements Sub {}

    /** A sealed concrete class is itself an event type, and so are its subclasses. */
    sealed class Deeper implements Sub permits Deeper.Deepest {
      @Override
      public UUID eventId() {
        return new UUID(0, 1);
      }

      @Override
      public Instant occurredAt() {
        return Instant.EPOCH;
      }

      @Override
      public CustomerId customerId() {
        return CustomerId.of(new UUID(0, 2));
      }

      static final class Deepest extends Deeper {}
    }
  }

  sealed interface Leaky extends DomainEvent {
    non-sealed interface Open extends Leaky {}
  }

  sealed interface Twins extends DomainEvent {
    interface Left {
      record Moved(UUID eventId, Instant occurredAt, CustomerId customerId) implements Twins {}
    }

    interface Right {
      record Moved(UUID eventId, Instant occurredAt, CustomerId customerId) implements Twins {}
    }
  }

  sealed interface Verbose extends DomainEvent {
    /** 101 characters: one more than a type id may have. */
    record RegisteredXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX(UUID eventId, Instant occurredAt, CustomerId customerId)
        implements Verbose {}
  }
}
