package io.crmkit.core.dedup;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Customers were merged into one golden record: the absorbed ids no longer exist as customers, and
 * their activities now belong to the survivor.
 *
 * @param eventId unique per event, for consumers to deduplicate
 * @param occurredAt when the merge committed
 * @param customerId the survivor, which holds the golden record
 * @param version the survivor's version after the merge
 * @param mergeId the merge, as {@code Merger.unmerge} and the lineage know it
 * @param absorbed the customers merged into the survivor, at least one
 */
public record CustomersMerged(UUID eventId, Instant occurredAt, CustomerId customerId, long version, UUID mergeId,
    List<CustomerId> absorbed) implements DedupEvent {

  /** @throws IllegalArgumentException if nothing was absorbed or the survivor is among the absorbed */
  public CustomersMerged {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(mergeId, "mergeId");
    absorbed = List.copyOf(absorbed);
    Require.argument(!absorbed.isEmpty(), "a merge absorbs at least one customer");
    Require.argument(!absorbed.contains(customerId), "the survivor %s cannot absorb itself", customerId);
  }
}
