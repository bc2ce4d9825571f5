package io.crmkit.io.imports;

import io.crmkit.core.common.Require;
import java.util.List;

/**
 * What one run of an import did.
 *
 * @param importId the import's id (the checkpoint's key)
 * @param resumedAfterRow the last row an earlier run committed, 0 for a run from the start
 * @param totals the counts over the whole file, earlier runs' committed batches included
 * @param problems the first {@value #KEPT_PROBLEMS} problems of this run, and every problem of the
 *     file as a whole (the report files hold all of them)
 * @param problemCount how many problems this run found
 * @param finished whether every row of the file has now been processed
 * @param alreadyFinished whether an earlier run had finished the import, so that this one read
 *     nothing and wrote no report file: the files beside the input are the earlier run's
 */
public record ImportReport(String importId, long resumedAfterRow, ImportTotals totals, List<RowProblem> problems,
    long problemCount, boolean finished, boolean alreadyFinished) {

  /** How many problems a report keeps in memory. */
  public static final int KEPT_PROBLEMS = 1_000;

  /** @throws NullPointerException if a reference is null */
  public ImportReport {
    Require.notNull(importId, "importId");
    Require.atLeast(resumedAfterRow, 0, "resumedAfterRow");
    Require.notNull(totals, "totals");
    problems = List.copyOf(problems);
    Require.atLeast(problemCount, problems.size(), "problemCount");
  }

  /** The rule of a column the mapping does not name: reported, but nothing went wrong. */
  public static final String UNMAPPED_COLUMN = "unmapped-column";

  /**
   * Whether every row was written (or already up to date) and the file had nothing wrong (a column
   * left unmapped is not wrong; a dropped value or a queued row is not either).
   */
  public boolean allGood() {
    return totals.rejected() == 0 && problems.stream()
        .noneMatch(p -> p.outcome() == RowProblem.Outcome.FILE && !p.rule().equals(UNMAPPED_COLUMN));
  }
}
