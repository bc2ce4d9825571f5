package io.crmkit.privacy.anonymise;

import io.crmkit.core.common.Require;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A plain table of strings with named columns: anonymisation works on any delimited file, not
 * only on customers, so it takes and returns this shape rather than domain types.
 *
 * @param header the column names, distinct
 * @param rows the rows, each exactly as wide as the header
 */
public record Table(List<String> header, List<List<String>> rows) {

  /** Checks the shape once, so the search never meets a ragged row. */
  public Table {
    Require.notNull(header, "header");
    Require.notNull(rows, "rows");
    header = List.copyOf(header);
    Require.argument(header.size() == header.stream().distinct().count(),
        "column names must be distinct: %s", header);
    List<List<String>> copy = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      List<String> row = Require.notNull(rows.get(i), "row " + i);
      Require.argument(row.size() == header.size(),
          "row %s has %s cells but the header has %s columns", i, row.size(), header.size());
      copy.add(List.copyOf(row));
    }
    rows = List.copyOf(copy);
  }

  /**
   * Reads a delimited text with a header line and no quoting (the layout of ARX's data files,
   * such as UCI Adult with {@code ;}); CRLF and LF line ends are both accepted, blank lines skipped, cells kept exactly (no trimming).
   *
   * @param reader the text; not closed
   * @param delimiter the cell separator
   * @return the table
   */
  public static Table read(Reader reader, char delimiter) {
    Require.notNull(reader, "reader");
    Pattern split = Pattern.compile(Pattern.quote(String.valueOf(delimiter)));
    BufferedReader lines = new BufferedReader(reader);
    try {
      String first = lines.readLine();
      Require.argument(first != null, "the table has no header line");
      List<String> header = List.of(split.split(first, -1));
      List<List<String>> rows = new ArrayList<>();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank()) {
          rows.add(List.of(split.split(line, -1)));
        }
      }
      return new Table(header, rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the table", e);
    }
  }

  /**
   * The position of a named column.
   *
   * @param name a column name
   * @return its index
   * @throws IllegalArgumentException if the table has no such column
   */
  public int column(String name) {
    int index = header.indexOf(Require.notNull(name, "name"));
    Require.argument(index >= 0, "no column %s in %s", name, header);
    return index;
  }

  /** @return the number of rows */
  public int size() {
    return rows.size();
  }
}
