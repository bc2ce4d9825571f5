package io.crmkit.core.event;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A customer's details were changed.
 *
 * @param eventId unique event id
 * @param occurredAt when the change was saved
 * @param customerId the changed customer
 * @param version the customer's version after the change
 * @param changedAttributes names of the attributes that changed, as in {@code CustomerDetails}
 */
public record CustomerUpdated(
    UUID eventId, Instant occurredAt, CustomerId customerId, long version, Set<String> changedAttributes)
    implements CustomerEvent {
  public CustomerUpdated {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(customerId, "customerId");
    changedAttributes = Set.copyOf(changedAttributes);
  }
}
