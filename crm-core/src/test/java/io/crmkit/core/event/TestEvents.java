package io.crmkit.core.event;

import io.crmkit.core.customer.CustomerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** An event family of a module other than crm-core, as crm-segmentation or crm-privacy would declare one. */
public sealed interface TestEvents extends DomainEvent {
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
}
