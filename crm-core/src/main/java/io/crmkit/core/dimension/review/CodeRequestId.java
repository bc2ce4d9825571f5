package io.crmkit.core.dimension.review;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a {@link CodeRequest}. Ordered as databases order UUIDs (by unsigned bytes), so
 * that in-memory and SQL sorts agree.
 *
 * @param value the UUID
 */
public record CodeRequestId(UUID value) implements Comparable<CodeRequestId> {
  public CodeRequestId {
    Objects.requireNonNull(value, "value");
  }

  /** The id with {@code value}. */
  public static CodeRequestId of(UUID value) {
    return new CodeRequestId(value);
  }

  /**
   * The id written as a UUID string.
   *
   * @throws IllegalArgumentException if it is not a UUID
   */
  public static CodeRequestId parse(String text) {
    return new CodeRequestId(UUID.fromString(Objects.requireNonNull(text, "text")));
  }

  @Override
  public int compareTo(CodeRequestId other) {
    int high = Long.compareUnsigned(value.getMostSignificantBits(), other.value.getMostSignificantBits());
    return high != 0 ? high
        : Long.compareUnsigned(value.getLeastSignificantBits(), other.value.getLeastSignificantBits());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
