package io.crmkit.core.customer;

import io.crmkit.core.common.Require;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Objects;

/**
 * A customer's value tier, as assigned by a tiering policy. The constants are the common tiers;
 * any upper-case name is allowed.
 *
 * @param name upper-case identifier such as {@code VIP}
 */
public record ValueTier(@NotBlank @Pattern(regexp = LifecycleStage.NAME_PATTERN) String name) {
  /** The longest tier name kept: the same as a stage name's. */
  public static final int MAX_NAME_LENGTH = LifecycleStage.MAX_NAME_LENGTH;

  public static final ValueTier VIP = new ValueTier("VIP");
  public static final ValueTier HIGH = new ValueTier("HIGH");
  public static final ValueTier MEDIUM = new ValueTier("MEDIUM");
  public static final ValueTier LOW = new ValueTier("LOW");

  public ValueTier {
    Objects.requireNonNull(name, "name");
    Require.argument(name.matches(LifecycleStage.NAME_PATTERN),
        "a tier name is 1-%s upper-case letters, digits or _ starting with a letter: %s", MAX_NAME_LENGTH, name);
  }

  public static ValueTier of(String name) {
    return new ValueTier(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
