package io.crmkit.jdbc;

import io.crmkit.core.common.Violation;
import java.util.List;
import java.util.Objects;

/**
 * A row a bulk operation did not write, and why.
 *
 * @param row the row's position in the input, counting from 1
 * @param violations every reason, each naming the field (path), the rule and the problem
 */
public record RejectedRow(int row, List<Violation> violations) {
  public RejectedRow {
    if (row < 1) {
      throw new IllegalArgumentException("row numbers start at 1, got " + row);
    }
    violations = List.copyOf(violations);
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a rejected row needs at least one reason");
    }
  }

  @Override
  public String toString() {
    return "row " + row + ": " + violations;
  }

  static RejectedRow of(int row, List<Violation> violations) {
    return new RejectedRow(row, Objects.requireNonNull(violations, "violations"));
  }
}
