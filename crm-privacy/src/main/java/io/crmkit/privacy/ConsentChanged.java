package io.crmkit.privacy;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.privacy.consent.ConsentSource;
import io.crmkit.privacy.consent.ConsentStatus;
import io.crmkit.privacy.consent.Purpose;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A consent decision was recorded: published by {@code ConsentLedger.record} in the transaction
 * that appends it to the ledger. It says which purpose was granted or withdrawn and where, not the
 * evidence or who recorded it (the audit log keeps those).
 *
 * @param eventId unique per event, for consumers to deduplicate
 * @param occurredAt when the customer decided (the entry's instant)
 * @param customerId the customer
 * @param purpose the purpose decided
 * @param status granted or withdrawn
 * @param source where the decision was captured
 */
public record ConsentChanged(UUID eventId, Instant occurredAt, CustomerId customerId, Purpose purpose,
    ConsentStatus status, ConsentSource source) implements PrivacyEvent {

  /** @throws NullPointerException if an argument is null */
  public ConsentChanged {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(source, "source");
  }
}
