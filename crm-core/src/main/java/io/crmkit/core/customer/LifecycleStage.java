package io.crmkit.core.customer;

import io.crmkit.core.common.PrintableText;
import io.crmkit.core.common.Require;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Objects;

/**
 * Where a customer stands in their lifecycle. The constants are the stages of the default
 * lifecycle; companies that define their own lifecycle use their own names.
 *
 * @param name upper-case identifier such as {@code ACTIVE}
 */
public record LifecycleStage(
    @NotBlank @Pattern(regexp = NAME_PATTERN) @PrintableText String name) {
  /** The longest stage name (and value-tier name) kept. */
  public static final int MAX_NAME_LENGTH = 40;
  static final String NAME_PATTERN = "[A-Z][A-Z0-9_]{0," + (MAX_NAME_LENGTH - 1) + "}";

  public static final LifecycleStage PROSPECT = new LifecycleStage("PROSPECT");
  /** Evaluating a purchase. */
  public static final LifecycleStage DECIDING = new LifecycleStage("DECIDING");
  /** Has made a first purchase. */
  public static final LifecycleStage NEW = new LifecycleStage("NEW");
  public static final LifecycleStage ACTIVE = new LifecycleStage("ACTIVE");
  public static final LifecycleStage AT_RISK = new LifecycleStage("AT_RISK");
  public static final LifecycleStage CHURNED = new LifecycleStage("CHURNED");
  public static final LifecycleStage WON_BACK = new LifecycleStage("WON_BACK");
  /** A lead found not to be a real prospect. */
  public static final LifecycleStage DISQUALIFIED = new LifecycleStage("DISQUALIFIED");

  public LifecycleStage {
    Objects.requireNonNull(name, "name");
    Require.argument(name.matches(NAME_PATTERN),
        "a stage name is 1-%s upper-case letters, digits or _ starting with a letter: %s", MAX_NAME_LENGTH, name);
  }

  public static LifecycleStage of(String name) {
    return new LifecycleStage(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
