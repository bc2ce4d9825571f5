package io.crmkit.core.event;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A new customer was registered.
 *
 * @param eventId unique event id
 * @param occurredAt when it was registered
 * @param customerId the new customer
 * @param kind person or organisation
 */
public record CustomerRegistered(UUID eventId, Instant occurredAt, CustomerId customerId, CustomerKind kind)
    implements CustomerEvent {
  public CustomerRegistered {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(kind, "kind");
  }
}
