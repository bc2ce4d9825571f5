package io.crmkit.core.event;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** A family whose one type id, {@code TagAdded}, is also one of {@link TestEvents}'. */
public sealed interface RivalEvents extends DomainEvent {
  EventFamily<RivalEvents> FAMILY = EventFamily.of("rival", RivalEvents.class);

  record TagAdded(UUID eventId, Instant occurredAt, CustomerId customerId) implements RivalEvents {}
}
