package io.crmkit.core.event;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to a customer. Events are small: they name the customer and what
 * changed, not the customer's personal data, so they can travel to other systems safely; read the
 * customer for details.
 *
 * <p>The hierarchy is sealed so that a {@code switch} over events is checked to be complete; new
 * kinds of events arrive with new crmkit features.
 */
public sealed interface DomainEvent permits CustomerRegistered, CustomerUpdated, StageChanged {

  /** Unique per event; consumers use it to drop duplicates (delivery is at least once). */
  UUID eventId();

  Instant occurredAt();

  CustomerId customerId();
}
