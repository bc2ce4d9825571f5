package io.crmkit.core.lifecycle;

import io.crmkit.core.common.Require;
import java.util.Objects;

/**
 * What makes a customer change stage. Triggers form an open set of names, like stages: the
 * constants are the triggers of {@link Lifecycle#standard()}, and companies that define their own
 * lifecycle add their own names.
 *
 * @param name upper-case identifier such as {@code FIRST_PURCHASE}
 */
public record Trigger(String name) {
  /** The longest trigger name kept. */
  public static final int MAX_NAME_LENGTH = 40;
  private static final String NAME_PATTERN = "[A-Z][A-Z0-9_]{0," + (MAX_NAME_LENGTH - 1) + "}";

  /** A prospect started evaluating a purchase: asked for a quote, started a trial. */
  public static final Trigger EVALUATION_STARTED = new Trigger("EVALUATION_STARTED");
  /** The customer bought for the first time. */
  public static final Trigger FIRST_PURCHASE = new Trigger("FIRST_PURCHASE");
  /** The customer bought again after entering their current stage. */
  public static final Trigger REPEAT_PURCHASE = new Trigger("REPEAT_PURCHASE");
  /** The customer has not bought for too long, by an absolute limit or their own cadence. */
  public static final Trigger INACTIVITY = new Trigger("INACTIVITY");
  /** The customer complained. */
  public static final Trigger COMPLAINT = new Trigger("COMPLAINT");
  /** An external model (such as P(alive) from crm-segmentation) says the customer is slipping away. */
  public static final Trigger CHURN_SIGNAL = new Trigger("CHURN_SIGNAL");
  /** The customer stayed in their stage longer than the stage's time limit allows. */
  public static final Trigger STAGE_TIMEOUT = new Trigger("STAGE_TIMEOUT");
  /** A churned customer bought again. */
  public static final Trigger WIN_BACK_PURCHASE = new Trigger("WIN_BACK_PURCHASE");
  /** A person moved the customer by hand; the standard lifecycle requires a reason. */
  public static final Trigger MANUAL = new Trigger("MANUAL");
  /**
   * Not a transition: marks a history entry that records a stage set outside the lifecycle engine
   * (an import, a direct update), written by {@link LifecycleEngine#reconcile}.
   */
  public static final Trigger RECONCILED = new Trigger("RECONCILED");

  /**
   * @throws IllegalArgumentException if {@code name} is not 1-40 upper-case letters, digits or
   *     {@code _} starting with a letter
   */
  public Trigger {
    Objects.requireNonNull(name, "name");
    Require.argument(name.matches(NAME_PATTERN),
        "a trigger name is 1-%s upper-case letters, digits or _ starting with a letter: %s", MAX_NAME_LENGTH, name);
  }

  /**
   * The trigger called {@code name}.
   *
   * @throws IllegalArgumentException if {@code name} is not a valid trigger name
   */
  public static Trigger of(String name) {
    return new Trigger(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
