package io.crmkit.segmentation;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ValueTier;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's value tier was taken away (a new tiering no longer ranks the customer): published in
 * the same transaction as the customer's save, after its {@code CustomerUpdated}, so that a system
 * following {@link TierChanged} does not keep treating the customer as, say, VIP.
 *
 * @param eventId unique per event, for consumers to deduplicate
 * @param occurredAt when the change was written
 * @param customerId the customer
 * @param version the customer's version after the change
 * @param from the tier the customer had
 * @param reason why, at most {@value TierChanged#MAX_REASON_LENGTH} characters
 */
public record TierRemoved(UUID eventId, Instant occurredAt, CustomerId customerId, long version, ValueTier from,
    String reason) implements SegmentationEvent {

  /** @throws IllegalArgumentException if the version is below 1 */
  public TierRemoved {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(reason, "reason");
    Require.argument(version >= 1, "a changed customer has version >= 1, got %s", version);
    if (reason.length() > TierChanged.MAX_REASON_LENGTH) {
      reason = reason.substring(0, TierChanged.MAX_REASON_LENGTH);
    }
  }
}
