package io.crmkit.examples.cli;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads any delimited file as rows of text, for commands that do not map columns to a customer
 * ({@code crmkit anonymize}). Cells are kept exactly as written (hierarchies must match them); a
 * row with another field count than the first is rejected with its file, row and line, and reading
 * goes on; broken quoting ends the file.
 */
final class DelimitedFile {

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private DelimitedFile() {}

  /**
   * How the file is written.
   *
   * @param encoding the character set when the file has no byte-order mark
   * @param delimiter the field delimiter
   * @param quote the quote character
   * @param header whether the first line names the columns; without one, columns are named 1, 2, ...
   */
  record Format(Charset encoding, char delimiter, char quote, boolean header) {}

  /**
   * A row set aside.
   *
   * @param row the row number, 1 for the first row after any header
   * @param line the file line the row starts on, 0 where the parser could not tell
   * @param column the column concerned, or empty for the row as a whole
   * @param reason why, for people
   */
  record Rejection(String file, long row, long line, String column, String reason) {
    /** One line: {@code adult.csv row 4 (line 5), column age: ...; row skipped}. */
    String message() {
      return file + " row " + row + (line > 0 ? " (line " + line + ")" : "") + (column.isEmpty() ? "" : ", column " + column) + ": "
          + reason + "; row skipped";
    }
  }

  /**
   * What was read.
   *
   * @param name the file's name
   * @param header the column names (1, 2, ... without a header line)
   * @param rows the rows as wide as the header, in file order
   * @param rowNumbers each kept row's number (1 for the first row after the header)
   * @param lines each kept row's starting line
   * @param rejections the rows set aside
   */
  record Contents(String name, List<String> header, List<List<String>> rows, List<Long> rowNumbers,
      List<Long> lines, List<Rejection> rejections) {}

  /**
   * Reads every row of {@code file}.
   *
   * @throws CliException bad input if the file is missing, unreadable or empty
   */
  static Contents read(Path file, Format format, Progress progress) {
    String name = file.getFileName().toString();
    progress.start("reading " + name);
    Contents contents = CsvFiles.read(file, format.encoding(), format.delimiter(), format.quote(),
        records -> read(name, format, records, progress));
    progress.finish(String.format(Locale.ROOT, "%,d rows", contents.rows().size()));
    return contents;
  }


  private static Contents read(String name, Format format, Iterator<CsvRecord> records, Progress progress) {
    List<String> header = null;
    List<List<String>> rows = new ArrayList<>();
    List<Long> rowNumbers = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    long row = 0;
    try {
      while (records.hasNext()) {
        CsvRecord record = records.next();
        if (header == null) {
          header = format.header() ? names(name, record) : numbers(record.getFieldCount());
          if (format.header()) {
            continue;
          }
        }
        row++;
        long line = record.getStartingLineNumber();
        if (record.getFieldCount() != header.size()) {
          rejections.add(new Rejection(name, row, line, "", record.getFieldCount() + " fields where "
              + (format.header() ? "the header has " : "the first row has ") + header.size()));
        } else {
          rows.add(record.getFields());
          rowNumbers.add(row);
          lines.add(line);
        }
        progress.advance(row);
      }
    } catch (CsvParseException e) {
      // FastCSV's message names the line the broken record starts on; it cannot resume after it.
      rejections.add(new Rejection(name, row + 1, 0, "", "not valid CSV (" + e.getMessage()
          + "); nothing after it is read"));
    }
    if (header == null) {
      throw CliException.badInput(name + ": the file is empty");
    }
    return new Contents(name, header, rows, rowNumbers, lines, rejections);
  }

  /**
   * The line ending {@code file} uses, judged by its first line break (within its first megabyte),
   * so that an output written in the input's format keeps it; CRLF (RFC 4180) when none is found
   * or the file cannot be read (reading it reports that).
   */
  static LineDelimiter lineDelimiterOf(Path file, Charset encoding) {
    try (Reader reader = Files.newBufferedReader(file, encoding)) {
      int previous = -1;
      for (int read = 0; read < 1 << 20; read++) {
        int c = reader.read();
        if (c == '\n') {
          return previous == '\r' ? LineDelimiter.CRLF : LineDelimiter.LF;
        }
        if (previous == '\r' || c == -1) {
          return previous == '\r' ? LineDelimiter.CR : LineDelimiter.CRLF;
        }
        previous = c;
      }
    } catch (IOException e) {
      return LineDelimiter.CRLF;
    }
    return LineDelimiter.CRLF;
  }

  private static List<String> names(String file, CsvRecord record) {
    List<String> names = new ArrayList<>(record.getFieldCount());
    for (String field : record.getFields()) {
      String stripped = field.strip();
      String name = !stripped.isEmpty() && stripped.charAt(0) == BYTE_ORDER_MARK ? stripped.substring(1) : stripped;
      if (names.contains(name)) {
        throw CliException.badInput(file + " line " + record.getStartingLineNumber() + ": the header names column "
            + name + " twice (columns " + (names.indexOf(name) + 1) + " and " + (names.size() + 1) + ")");
      }
      names.add(name);
    }
    return names;
  }

  private static List<String> numbers(int width) {
    List<String> names = new ArrayList<>(width);
    for (int column = 1; column <= width; column++) {
      names.add(Integer.toString(column));
    }
    return names;
  }
}
