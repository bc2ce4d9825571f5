package io.crmkit.core.lifecycle;

import io.crmkit.core.common.CrmException;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A trigger was fired that the customer's current stage does not allow: the lifecycle has no
 * transition for it there, the stage is terminal, or the stage is not part of the lifecycle at
 * all. Nothing was written. The exception names the current stage and the triggers allowed from
 * it, so a caller or a person can see what would have worked.
 */
public class IllegalTransitionException extends CrmException {
  private static final long serialVersionUID = 1L;

  private final transient CustomerId customerId;
  private final transient LifecycleStage currentStage;
  private final transient Trigger trigger;
  private final transient Set<Trigger> allowedTriggers;

  /**
   * @param customerId the customer the trigger was fired for
   * @param currentStage the customer's stage
   * @param trigger the trigger that is not allowed
   * @param allowedTriggers the triggers the stage allows, empty for terminal or unknown stages
   * @param lifecycle the lifecycle consulted, to tell terminal and unknown stages apart in the message
   */
  public IllegalTransitionException(CustomerId customerId, LifecycleStage currentStage, Trigger trigger,
      Set<Trigger> allowedTriggers, Lifecycle lifecycle) {
    super(message(customerId, currentStage, trigger, allowedTriggers, lifecycle));
    this.customerId = customerId;
    this.currentStage = currentStage;
    this.trigger = trigger;
    this.allowedTriggers = Set.copyOf(allowedTriggers);
  }

  /** The customer the trigger was fired for. */
  public CustomerId customerId() {
    return customerId;
  }

  /** The stage the customer is in, unchanged. */
  public LifecycleStage currentStage() {
    return currentStage;
  }

  /** The trigger that was refused. */
  public Trigger trigger() {
    return trigger;
  }

  /** The triggers the current stage allows; empty for a terminal or unknown stage. */
  public Set<Trigger> allowedTriggers() {
    return allowedTriggers;
  }

  private static String message(CustomerId customerId, LifecycleStage stage, Trigger trigger,
      Set<Trigger> allowed, Lifecycle lifecycle) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(stage, "currentStage");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(allowed, "allowedTriggers");
    Objects.requireNonNull(lifecycle, "lifecycle");
    String head = "Trigger " + trigger + " is not allowed for customer " + customerId + " in stage " + stage;
    if (!lifecycle.defines(stage)) {
      return head + ": the lifecycle does not define that stage (its stages: " + lifecycle.stages()
          + "); no trigger applies";
    }
    if (lifecycle.isTerminal(stage)) {
      return head + ": the stage is terminal; no trigger leaves it";
    }
    return head + "; allowed from " + stage + ": "
        + allowed.stream().map(Trigger::name).collect(Collectors.joining(", "));
  }
}
