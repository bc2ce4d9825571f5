package io.crmkit.core.activity;

import java.util.Objects;
import java.util.UUID;

/** The identity of one purchase or interaction. */
public record ActivityId(UUID value) implements Comparable<ActivityId> {
  public ActivityId {
    Objects.requireNonNull(value, "value");
  }

  public static ActivityId of(UUID value) {
    return new ActivityId(value);
  }

  /** Ordered by unsigned bytes, as databases order UUIDs. */
  @Override
  public int compareTo(ActivityId other) {
    int high = Long.compareUnsigned(value.getMostSignificantBits(), other.value.getMostSignificantBits());
    return high != 0 ? high
        : Long.compareUnsigned(value.getLeastSignificantBits(), other.value.getLeastSignificantBits());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
