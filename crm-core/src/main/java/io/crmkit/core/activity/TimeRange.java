package io.crmkit.core.activity;

import io.crmkit.core.common.Require;
import java.time.Instant;
import java.util.Objects;

/**
 * The half-open interval {@code [from, to)} of instants.
 *
 * @param from first instant included
 * @param to first instant excluded, after {@code from}
 */
public record TimeRange(Instant from, Instant to) {
  private static final TimeRange ALL = new TimeRange(Instant.MIN, Instant.MAX);

  public TimeRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Require.argument(from.isBefore(to), "a time range needs from < to, got %s .. %s", from, to);
  }

  public static TimeRange all() {
    return ALL;
  }

  public static TimeRange between(Instant from, Instant to) {
    return new TimeRange(from, to);
  }

  public static TimeRange since(Instant from) {
    return new TimeRange(from, Instant.MAX);
  }

  public static TimeRange until(Instant to) {
    return new TimeRange(Instant.MIN, to);
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(from) && instant.isBefore(to);
  }
}
