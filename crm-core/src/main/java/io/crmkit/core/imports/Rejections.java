package io.crmkit.core.imports;

import io.crmkit.core.common.Rejection;
import io.crmkit.core.common.Violation;
import java.util.List;
import java.util.TreeMap;

/** The rows an import sets aside, by row number, so that the report lists them in row order. */
final class Rejections {
  private final TreeMap<Integer, Rejection> byRow;

  Rejections() {
    this(new TreeMap<>());
  }

  private Rejections(TreeMap<Integer, Rejection> byRow) {
    this.byRow = byRow;
  }

  /** A copy to add to, leaving this one as it is (a unit of work may run more than once). */
  Rejections copy() {
    return new Rejections(new TreeMap<>(byRow));
  }

  /** Sets {@code row} aside for {@code violations}, replacing what was said about it before. */
  void add(Row<?> row, List<Violation> violations) {
    byRow.put(row.number(), Rejection.at(row.number(), row.subject(), violations));
  }

  List<Rejection> inRowOrder() {
    return List.copyOf(byRow.values());
  }
}
