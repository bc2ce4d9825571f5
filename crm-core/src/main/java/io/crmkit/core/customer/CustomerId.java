package io.crmkit.core.customer;

import java.util.Objects;
import java.util.UUID;

/**
 * A customer's identity inside crmkit. References to the same customer in other systems are
 * {@link ExternalReference}s.
 *
 * <p>Ordered as databases order UUIDs (by unsigned bytes), so in-memory and SQL sorts agree.
 */
public record CustomerId(UUID value) implements Comparable<CustomerId> {
  public CustomerId {
    Objects.requireNonNull(value, "value");
  }

  public static CustomerId of(UUID value) {
    return new CustomerId(value);
  }

  /**
   * Parses the canonical UUID text form.
   *
   * @throws IllegalArgumentException if {@code text} is not a UUID
   */
  public static CustomerId parse(String text) {
    return new CustomerId(UUID.fromString(text));
  }

  @Override
  public int compareTo(CustomerId other) {
    int high = Long.compareUnsigned(value.getMostSignificantBits(), other.value.getMostSignificantBits());
    return high != 0 ? high
        : Long.compareUnsigned(value.getLeastSignificantBits(), other.value.getLeastSignificantBits());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
