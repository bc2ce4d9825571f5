package io.crmkit.io.imports;

import io.crmkit.core.common.Require;

/**
 * Something the import reports about one row (or, with row 0, about the whole file): never the
 * row's value itself, which may be personal data.
 *
 * @param row the 1-based data row; 0 for the file as a whole
 * @param line the physical line the row starts on; 0 if unknown
 * @param column the source column or model field concerned; empty for the whole row
 * @param rule a stable name of the check, for grouping and filtering ({@code wrong-column-count},
 *     {@code undecodable}, {@code NotBlank}, {@code review}, ...)
 * @param message what is wrong, in words
 * @param outcome what happened to the row
 */
public record RowProblem(long row, long line, String column, String rule, String message, Outcome outcome) {

  /** What happened to a row the report lists. */
  public enum Outcome {
    /** Not written: every other row was. */
    REJECTED,
    /** Written without the value named (a phone or e-mail that could not be read, a bad date). */
    VALUE_DROPPED,
    /** Written as a new customer, and queued for a person to decide whether it is a stored one. */
    QUEUED,
    /** About the file, not a row (empty, header only, reading stopped by broken quoting). */
    FILE
  }

  /** @throws NullPointerException if a reference is null; @throws IllegalArgumentException if a number is negative */
  public RowProblem {
    Require.atLeast(row, 0, "row");
    Require.atLeast(line, 0, "line");
    Require.notNull(column, "column");
    Require.notNull(rule, "rule");
    Require.notNull(message, "message");
    Require.notNull(outcome, "outcome");
  }

  static RowProblem rejected(long row, long line, String column, String rule, String message) {
    return new RowProblem(row, line, column, rule, message, Outcome.REJECTED);
  }

  static RowProblem ofFile(long line, String rule, String message) {
    return new RowProblem(0, line, "", rule, message, Outcome.FILE);
  }
}
