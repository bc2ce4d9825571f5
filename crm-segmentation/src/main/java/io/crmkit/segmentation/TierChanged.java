package io.crmkit.segmentation;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ValueTier;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer's value tier changed: published in the same transaction as the customer's save, after
 * its {@code CustomerUpdated}.
 *
 * @param eventId unique per event, for consumers to deduplicate
 * @param occurredAt when the change was written
 * @param customerId the customer
 * @param version the customer's version after the change
 * @param from the tier before, empty if the customer had none
 * @param to the tier now
 * @param reason why, as the tiering explained it (metric, value, rule), at most
 *     {@value #MAX_REASON_LENGTH} characters
 */
public record TierChanged(UUID eventId, Instant occurredAt, CustomerId customerId, long version,
    Optional<ValueTier> from, ValueTier to, String reason) implements SegmentationEvent {
  /** The longest reason kept; a longer explanation is cut. */
  public static final int MAX_REASON_LENGTH = 500;

  /** @throws IllegalArgumentException if the tier did not change or the version is below 1 */
  public TierChanged {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(reason, "reason");
    Require.argument(version >= 1, "a changed customer has version >= 1, got %s", version);
    Require.argument(!from.equals(Optional.of(to)), "tier %s did not change", to);
    if (reason.length() > MAX_REASON_LENGTH) {
      reason = reason.substring(0, MAX_REASON_LENGTH);
    }
  }
}
