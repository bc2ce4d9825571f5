package io.crmkit.core.event;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to a customer: the contract every crmkit event meets, whichever module
 * publishes it. Events are small: they name the customer and what changed, not the customer's
 * personal data, so they can travel to other systems safely; read the customer for details.
 *
 * <p>The interface is open so that every module can add events of its own, but events come in
 * <em>families</em>: a sealed interface extending this one per module or feature (crm-core's is
 * {@link CustomerEvent}), declared as an {@link EventFamily} so that JSON and the JDBC outbox can
 * write and read them. A consumer switches exhaustively over a family, not over every event.
 */
public interface DomainEvent {

  /** Unique per event; consumers use it to drop duplicates (delivery is at least once). */
  UUID eventId();

  /** When the change took effect. */
  Instant occurredAt();

  /** The customer the event is about. */
  CustomerId customerId();
}
