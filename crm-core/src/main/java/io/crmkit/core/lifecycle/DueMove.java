package io.crmkit.core.lifecycle;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import java.time.Instant;
import java.util.Objects;

/**
 * A move that automatic evaluation found due, with its reason: proposed, not yet made. {@link
 * LifecycleEngine#apply} makes it, and only then does it become a {@link HistoryEntry} (and a
 * {@link io.crmkit.core.event.StageChanged} event). Applying it requires the customer to still have
 * {@code expectedVersion}, so a customer changed since the evaluation is not moved on stale grounds.
 *
 * @param customerId whom to move
 * @param expectedVersion the customer's version the move applies to; consecutive due moves of one
 *     customer expect consecutive versions
 * @param from the stage before
 * @param to the stage after
 * @param trigger the trigger the rule fires
 * @param at when the move became due: never before the customer entered {@code from}, never after
 *     the evaluation's as-of instant
 * @param reason the rule's explanation, such as {@code no purchase for 97 days (limit 90 days)}
 */
public record DueMove(
    CustomerId customerId,
    long expectedVersion,
    LifecycleStage from,
    LifecycleStage to,
    Trigger trigger,
    Instant at,
    String reason) {

  /**
   * @throws IllegalArgumentException if {@code expectedVersion} is below 1 (a stored customer) or
   *     the reason is blank
   */
  public DueMove {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reason, "reason");
    Require.atLeast(expectedVersion, 1, "expectedVersion");
    Require.argument(!reason.isBlank(), "a due move always has a reason");
  }

  @Override
  public String toString() {
    return customerId + ": " + from + " --" + trigger + "--> " + to + " at " + at + " (" + reason + ")";
  }
}
