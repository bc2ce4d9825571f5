package io.crmkit.core.common;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One item a batch operation did not process, and why. Every crmkit report that sets items aside
 * (imports, code updates, classification, lifecycle batches) uses this one shape, so a
 * command-line program or an HTML report can show them alike.
 *
 * <p>Like a {@link Violation}, a rejection never holds the rejected value: its subject is an
 * identifier (a customer id, an external reference, {@code row 17}), not personal data.
 *
 * @param subject what was rejected: a customer id, a reference, or {@code row N} for an input row
 *     that has no identifier yet
 * @param position the item's 1-based position in the input, where the input is a sequence
 * @param violations every reason, at least one
 */
public record Rejection(String subject, OptionalLong position, List<Violation> violations) {

  /**
   * @throws IllegalArgumentException if the subject is blank, the position is below 1 or there
   *     are no violations
   */
  public Rejection {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(position, "position");
    violations = List.copyOf(violations);
    Require.argument(!subject.isBlank(), "a rejection names its subject");
    if (position.isPresent()) {
      Require.atLeast(position.getAsLong(), 1, "position");
    }
    Require.argument(!violations.isEmpty(), "a rejection needs at least one reason");
  }

  /** An input row rejected before it had an identifier: subject {@code row N}, position N. */
  public static Rejection ofRow(long row, List<Violation> violations) {
    return new Rejection("row " + row, OptionalLong.of(row), violations);
  }

  /** The item at {@code position} of the input, known as {@code subject}. */
  public static Rejection at(long position, String subject, List<Violation> violations) {
    return new Rejection(subject, OptionalLong.of(position), violations);
  }

  /** An item without a position (a customer picked by a query, say), known as {@code subject}. */
  public static Rejection of(String subject, List<Violation> violations) {
    return new Rejection(subject, OptionalLong.empty(), violations);
  }

  /** An item rejected for one reason. */
  public static Rejection of(String subject, Violation violation) {
    return of(subject, List.of(violation));
  }

  @Override
  public String toString() {
    return subject + (position.isPresent() && !subject.equals("row " + position.getAsLong())
        ? " (row " + position.getAsLong() + ")" : "") + ": " + violations;
  }
}
