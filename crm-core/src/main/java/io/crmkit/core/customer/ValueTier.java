package io.crmkit.core.customer;

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
  public static final ValueTier VIP = new ValueTier("VIP");
  public static final ValueTier HIGH = new ValueTier("HIGH");
  public static final ValueTier MEDIUM = new ValueTier("MEDIUM");
  public static final ValueTier LOW = new ValueTier("LOW");

  public ValueTier {
    Objects.requireNonNull(name, "name");
    if (!name.matches(LifecycleStage.NAME_PATTERN)) {
      throw new IllegalArgumentException(
          "a tier name is 1-40 upper-case letters, digits or _ starting with a letter: " + name);
    }
  }

  public static ValueTier of(String name) {
    return new ValueTier(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
