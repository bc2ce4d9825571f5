package io.crmkit.core.dedup;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A merge was undone: the survivor has its own record back, and the absorbed customers exist again
 * with their own activities.
 *
 * @param eventId unique per event
 * @param occurredAt when the unmerge committed
 * @param customerId the merge's survivor
 * @param version the survivor's version after the unmerge
 * @param mergeId the merge undone
 * @param restored the customers restored, at least one
 */
public record MergeUndone(UUID eventId, Instant occurredAt, CustomerId customerId, long version, UUID mergeId,
    List<CustomerId> restored) implements DedupEvent {

  /** @throws IllegalArgumentException if nothing was restored or the survivor is among the restored */
  public MergeUndone {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(mergeId, "mergeId");
    restored = List.copyOf(restored);
    Require.argument(!restored.isEmpty(), "an unmerge restores at least one customer");
    Require.argument(!restored.contains(customerId), "the survivor %s is not among the restored", customerId);
  }
}
