package io.crmkit.privacy;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's personal data was erased: published in the erasure's transaction, so it reaches the
 * outbox exactly when the erasure commits, and systems holding copies can erase theirs. It names
 * the customer by id only.
 *
 * @param eventId unique per event, for consumers to deduplicate
 * @param occurredAt when the erasure was written
 * @param customerId the erased customer (still a valid id: the record stays, anonymised)
 */
public record CustomerErased(UUID eventId, Instant occurredAt, CustomerId customerId) implements PrivacyEvent {
  public CustomerErased {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(customerId, "customerId");
  }
}
