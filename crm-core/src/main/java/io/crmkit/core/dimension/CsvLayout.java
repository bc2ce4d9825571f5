package io.crmkit.core.dimension;

import io.crmkit.core.common.Require;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which CSV columns hold what, for {@link DimensionScheme.Builder#codesFromCsv}. The file needs a
 * header row; columns the layout does not name are ignored, so files with extra columns load as
 * they are. Files are RFC 4180 CSV (read with FastCSV): fields may be quoted ({@code "a, b"},
 * {@code "say ""hi"""}) and span lines, a problem names the line its record starts on, and a
 * leading byte-order mark and blank lines are skipped.
 *
 * <p>The {@link #standard()} layout reads {@code code}, {@code parent}, {@code level},
 * {@code valid_from}, {@code retired_on}, {@code successors} (each optional but {@code code}) and
 * every {@code label:<language>} column ({@code label:zh}, {@code label:en}). Dates are
 * {@code YYYY-MM-DD} or a year {@code YYYY} (its first day); successors are separated by
 * {@code ;}, each optionally followed by {@code [YYYY]} or {@code [YYYY-MM-DD]}.
 *
 * @param codeColumn the column with the code
 * @param parentColumn the column with the parent code; an empty cell means none
 * @param labelColumns language tag to column; empty to take every {@code label:<language>} column
 * @param levelColumn the column with the declared level name
 * @param validFromColumn the column with the first valid day
 * @param retiredOnColumn the column with the retirement day
 * @param successorsColumn the column with the successors
 * @param delimiter the field delimiter, {@code ,} by default
 */
public record CsvLayout(
    String codeColumn,
    Optional<String> parentColumn,
    Map<String, String> labelColumns,
    Optional<String> levelColumn,
    Optional<String> validFromColumn,
    Optional<String> retiredOnColumn,
    Optional<String> successorsColumn,
    char delimiter) {

  /** The prefix of label columns in the standard layout. */
  public static final String LABEL_PREFIX = "label:";

  /** @throws IllegalArgumentException if the delimiter is a quote or a line break */
  public CsvLayout {
    Objects.requireNonNull(codeColumn, "codeColumn");
    Objects.requireNonNull(parentColumn, "parentColumn");
    Objects.requireNonNull(levelColumn, "levelColumn");
    Objects.requireNonNull(validFromColumn, "validFromColumn");
    Objects.requireNonNull(retiredOnColumn, "retiredOnColumn");
    Objects.requireNonNull(successorsColumn, "successorsColumn");
    labelColumns = Collections.unmodifiableMap(new LinkedHashMap<>(labelColumns));
    Require.argument(delimiter != '"' && delimiter != '\n' && delimiter != '\r', "U+%s cannot be a delimiter",
        String.format("%04X", (int) delimiter));
  }

  /** The standard layout (see the class description). */
  public static CsvLayout standard() {
    return new CsvLayout("code", Optional.of("parent"), Map.of(), Optional.of("level"),
        Optional.of("valid_from"), Optional.of("retired_on"), Optional.of("successors"), ',');
  }

  /** This layout with the code in {@code column}. */
  public CsvLayout withCode(String column) {
    return new CsvLayout(column, parentColumn, labelColumns, levelColumn, validFromColumn, retiredOnColumn,
        successorsColumn, delimiter);
  }

  /** This layout with parents in {@code column}. */
  public CsvLayout withParent(String column) {
    return new CsvLayout(codeColumn, Optional.of(column), labelColumns, levelColumn, validFromColumn,
        retiredOnColumn, successorsColumn, delimiter);
  }

  /**
   * This layout with the label in {@code languageTag} read from {@code column}. The first call
   * replaces the discovery of {@code label:<language>} columns; later calls add languages.
   */
  public CsvLayout withLabel(String languageTag, String column) {
    Map<String, String> labels = new LinkedHashMap<>(labelColumns);
    labels.put(Objects.requireNonNull(languageTag, "languageTag"), Objects.requireNonNull(column, "column"));
    return new CsvLayout(codeColumn, parentColumn, labels, levelColumn, validFromColumn, retiredOnColumn,
        successorsColumn, delimiter);
  }

  /** This layout with declared levels in {@code column}. */
  public CsvLayout withLevel(String column) {
    return new CsvLayout(codeColumn, parentColumn, labelColumns, Optional.of(column), validFromColumn,
        retiredOnColumn, successorsColumn, delimiter);
  }

  /** This layout with another field delimiter, such as {@code ;} or a tab. */
  public CsvLayout withDelimiter(char delimiter) {
    return new CsvLayout(codeColumn, parentColumn, labelColumns, levelColumn, validFromColumn, retiredOnColumn,
        successorsColumn, delimiter);
  }
}
