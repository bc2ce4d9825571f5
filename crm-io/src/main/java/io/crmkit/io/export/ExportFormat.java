package io.crmkit.io.export;

import io.crmkit.core.common.Require;
import java.util.Locale;
import java.util.Optional;

/** The file formats an export writes. */
public enum ExportFormat {
  /**
   * RFC 4180 CSV in UTF-8 with a header line; every cell that could start a spreadsheet formula is
   * neutralised by {@link FormulaGuard}.
   */
  CSV,

  /**
   * JSON Lines in UTF-8: one JSON object per row, its keys the columns in header order, empty
   * cells {@code null}. Values are written as they are (JSON is not evaluated by spreadsheets).
   */
  JSON_LINES;

  /**
   * The format a file name's extension names: {@code .csv}, or {@code .jsonl}, {@code .ndjson} and
   * {@code .json} for JSON Lines; empty for any other.
   *
   * @throws NullPointerException if {@code fileName} is null
   */
  public static Optional<ExportFormat> forFileName(String fileName) {
    Require.notNull(fileName, "fileName");
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return Optional.of(JSON_LINES);
    }
    return Optional.empty();
  }
}
