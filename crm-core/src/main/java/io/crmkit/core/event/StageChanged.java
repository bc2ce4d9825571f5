package io.crmkit.core.event;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer moved from one lifecycle stage to another. The trigger is named as text so that this
 * package stays independent of the lifecycle package (which publishes the event).
 *
 * @param eventId unique event id
 * @param occurredAt when the move took effect
 * @param customerId the customer that moved
 * @param version the customer's version after the move, which keys its history entry
 * @param from the stage before
 * @param to the stage after
 * @param trigger the name of the trigger that caused it, such as {@code FIRST_PURCHASE}
 */
public record StageChanged(
    UUID eventId,
    Instant occurredAt,
    CustomerId customerId,
    long version,
    LifecycleStage from,
    LifecycleStage to,
    String trigger)
    implements CustomerEvent {
  public StageChanged {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(trigger, "trigger");
  }
}
