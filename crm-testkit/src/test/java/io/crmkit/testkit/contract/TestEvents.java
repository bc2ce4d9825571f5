package io.crmkit.testkit.contract;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.event.EventFamily;
import io.crmkit.testkit.CrmArbitraries;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** An event family of a module other than crm-core, as crm-segmentation or crm-privacy would declare one. */
sealed interface TestEvents extends DomainEvent {
  EventFamily<TestEvents> FAMILY = EventFamily.of("test", TestEvents.class);

  /** A tag was put on a customer. */
  record TagAdded(UUID eventId, Instant occurredAt, CustomerId customerId, String tag) implements TestEvents {
    public TagAdded {
      Objects.requireNonNull(eventId, "eventId");
      Objects.requireNonNull(occurredAt, "occurredAt");
      Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(tag, "tag");
    }
  }

  /** A customer's score moved, for a reason or none. */
  record ScoreChanged(UUID eventId, Instant occurredAt, CustomerId customerId, BigDecimal score, Optional<String> reason)
      implements TestEvents {
    public ScoreChanged {
      Objects.requireNonNull(eventId, "eventId");
      Objects.requireNonNull(occurredAt, "occurredAt");
      Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(score, "score");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Both kinds, at any instant of years 1 to 9999 to the nanosecond, with text of every script. */
  static Arbitrary<TestEvents> events() {
    return Arbitraries.oneOf(tagsAdded(), scoresChanged());
  }

  static Arbitrary<TagAdded> tagsAdded() {
    return Combinators.combine(CrmArbitraries.eventIds(), instants(), CrmArbitraries.customerIds(), CrmArbitraries.text(40))
        .as(TagAdded::new);
  }

  static Arbitrary<ScoreChanged> scoresChanged() {
    return Combinators.combine(CrmArbitraries.eventIds(), instants(), CrmArbitraries.customerIds(),
            CrmArbitraries.decimals(), CrmArbitraries.multilineText(200).optional())
        .as(ScoreChanged::new);
  }

  private static Arbitrary<Instant> instants() {
    return Combinators.combine(
            Arbitraries.longs().between(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("9999-12-31T23:59:59Z").getEpochSecond()),
            Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
  }
}
