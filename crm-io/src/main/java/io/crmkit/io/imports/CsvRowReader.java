package io.crmkit.io.imports;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CSV rows through FastCSV: each record with the line it starts on, blank lines skipped, a row
 * wider or narrower than the header a {@code wrong-column-count} problem, a field with bytes the
 * encoding cannot decode an {@code undecodable} problem naming its column, and broken quoting
 * (after which the parser cannot resume) a file problem at the line its record starts on.
 */
final class CsvRowReader extends AbstractRowReader {
  private final CsvReader<CsvRecord> csv;
  private final Iterator<CsvRecord> records;
  private final boolean header;
  private List<String> columns = List.of();
  /**
   * Where FastCSV's messages name the line the failing record starts on; without it, the line after
   * the last record read is the nearest known.
   */
  private static final Pattern PARSER_LINE = Pattern.compile("starting at line (\\d+)", Pattern.CASE_INSENSITIVE);

  private long row;
  private long lastLine;
  private long lastEnd;

  private CsvRowReader(CsvReader<CsvRecord> csv, boolean header) {
    this.csv = csv;
    this.records = csv.iterator();
    this.header = header;
  }

  static CsvRowReader open(ImportSource source) throws IOException {
    CsvReader<CsvRecord> csv = CsvReader.builder()
        .fieldSeparator(source.delimiter())
        .quoteCharacter('"')
        .skipEmptyLines(true)
        .allowUnclosedQuote(false)
        .allowExtraCharsAfterClosingQuote(true) // "ACME" Ltd, "Li Wei" ,...: common, and the row is still clear
        .allowExtraFields(true)
        .allowMissingFields(true)
        .ofCsvRecord(StrictText.open(source.file(), source.encoding()));
    CsvRowReader reader = new CsvRowReader(csv, source.header());
    try {
      reader.readHeader();
    } catch (RuntimeException e) {
      reader.close(); // a repeated or undecodable header: the file is not left open
      throw e;
    }
    return reader;
  }

  private void readHeader() {
    if (!header) {
      return;
    }
    CsvRecord first = nextRecord();
    if (first == null) {
      if (fileProblems.isEmpty()) {
        fileProblems.add(RowProblem.ofFile(0, "empty-file", "the file is empty: no header and no rows"));
      }
      end();
      return;
    }
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < first.getFieldCount(); i++) {
      String name = first.getField(i).strip();
      if (StrictText.undecodable(name)) {
        throw new UnreadableFileException("the header has bytes that are not valid in the declared encoding (line "
            + first.getStartingLineNumber() + "); declare the file's encoding");
      }
      if (name.isEmpty()) {
        name = String.valueOf(i + 1);
      }
      if (!seen.add(name)) {
        throw new UnreadableFileException("the header names column '" + name + "' twice (line "
            + first.getStartingLineNumber() + ")");
      }
      names.add(name);
    }
    columns = List.copyOf(names);
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  protected SourceRow read() {
    CsvRecord record = nextRecord();
    if (record == null) {
      if (row == 0 && fileProblems.isEmpty()) {
        fileProblems.add(header ? RowProblem.ofFile(lastLine, "no-rows", "the file has a header but no data rows")
            : RowProblem.ofFile(0, "empty-file", "the file is empty: no rows"));
      }
      return null;
    }
    return toRow(record);
  }

  private CsvRecord nextRecord() {
    try {
      if (!records.hasNext()) {
        return null;
      }
      CsvRecord record = records.next();
      lastLine = record.getStartingLineNumber();
      lastEnd = lastLine + lineBreaks(record);
      return record;
    } catch (CsvParseException e) {
      Matcher line = PARSER_LINE.matcher(String.valueOf(e.getMessage()));
      long broken = line.find() ? Long.parseLong(line.group(1)) : lastEnd + 1;
      fileProblems.add(RowProblem.ofFile(broken, "csv-syntax", "broken quoting in the record starting at line "
          + broken + " (a quote opened and never closed, or a field longer than the reader takes);"
          + " the rows after it cannot be told apart and were not read"));
      end();
      return null;
    }
  }

  /** The line breaks inside a record's quoted fields: CRLF, CR or LF, as the parser ends lines. */
  private static long lineBreaks(CsvRecord record) {
    long breaks = 0;
    for (String field : record.getFields()) {
      for (int i = 0; i < field.length(); i++) {
        char c = field.charAt(i);
        if (c == '\n' || c == '\r' && (i + 1 == field.length() || field.charAt(i + 1) != '\n')) {
          breaks++;
        }
      }
    }
    return breaks;
  }

  private SourceRow toRow(CsvRecord record) {
    row++;
    long line = record.getStartingLineNumber();
    if (!header && columns.isEmpty()) {
      List<String> numbers = new ArrayList<>();
      for (int i = 1; i <= record.getFieldCount(); i++) {
        numbers.add(String.valueOf(i));
      }
      columns = List.copyOf(numbers);
    }
    List<RowProblem> problems = new ArrayList<>();
    if (record.getFieldCount() != columns.size()) {
      problems.add(RowProblem.rejected(row, line, "", "wrong-column-count", "the row has " + record.getFieldCount()
          + " fields, the " + (header ? "header" : "first row") + " " + columns.size()));
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(columns.size(), record.getFieldCount()); i++) {
      String value = record.getField(i);
      if (StrictText.undecodable(value)) {
        problems.add(RowProblem.rejected(row, line, columns.get(i), "undecodable",
            "bytes that are not valid in the file's encoding; declare the encoding the file was written in"));
      }
      values.put(columns.get(i), value);
    }
    return new SourceRow(row, line, values, problems);
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
