package io.crmkit.io.imports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One data row as read: its 1-based row number (data rows only), the physical line it starts on,
 * its values by column name in file order, and what made it unreadable (a wrong column count,
 * bytes not valid in the encoding), if anything.
 */
record SourceRow(long row, long line, Map<String, String> values, List<RowProblem> problems) {
  SourceRow {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    problems = List.copyOf(problems);
  }

  boolean readable() {
    return problems.isEmpty();
  }
}
