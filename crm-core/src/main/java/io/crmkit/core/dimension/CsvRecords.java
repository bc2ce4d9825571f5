package io.crmkit.core.dimension;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.crmkit.core.common.Require;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Reads CSV with FastCSV for files whose problems must name their line: every record (the header
 * too) comes with the physical line it starts on, so a record with a quoted field spanning lines
 * counts from its first line. Any delimiter; RFC 4180 quotes; a leading byte-order mark and blank
 * lines are skipped; records may differ in their number of fields (the caller compares them with
 * its header and says what is wrong).
 *
 * <p>A quoted field left open at the end of the input is an error, not a field that silently
 * takes in every line after it. FastCSV cannot resume after a record it rejects (an open quote, a
 * character after a closing quote), so that record is reported with its line and nothing after it
 * is read.
 */
final class CsvRecords {
  private static final char BYTE_ORDER_MARK = '\uFEFF';
  /** FastCSV's own default for its records: a file of endless delimiters cannot fill the memory. */
  private static final int MAX_FIELDS = 16_384;

  /** What a reader is told, in input order. */
  interface Visitor {
    /** A record, starting on {@code line} (from 1). */
    void record(long line, List<String> fields);

    /** The record starting on {@code line} is not valid CSV; nothing after it is read. */
    void unreadable(long line, String message);
  }

  private CsvRecords() {}

  /**
   * Reads every record of {@code reader} and tells {@code visitor}. The reader is not closed.
   *
   * @throws IllegalArgumentException if the delimiter is a quote or a line break
   * @throws UncheckedIOException if reading fails
   */
  static void read(Reader reader, char delimiter, Visitor visitor) {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(visitor, "visitor");
    Require.argument(delimiter != '"' && delimiter != '\n' && delimiter != '\r', "U+%s cannot be a delimiter",
        String.format("%04X", (int) delimiter));
    Records records = new Records();
    // Not closed: closing it would close the caller's reader.
    CsvReader<Record> csv = CsvReader.builder()
        .fieldSeparator(delimiter)
        .allowUnclosedQuote(false)
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .build(records, withoutByteOrderMark(reader));
    Iterator<Record> iterator = csv.iterator();
    while (true) {
      Record record;
      try {
        if (!iterator.hasNext()) {
          return;
        }
        record = iterator.next();
      } catch (CsvParseException e) {
        visitor.unreadable(records.line(), "not valid CSV, so nothing after it is read: " + e.getMessage());
        return;
      }
      visitor.record(record.line(), record.fields());
    }
  }

  /** FastCSV skips a byte-order mark only where it decodes bytes itself, and a reader is decoded text. */
  private static Reader withoutByteOrderMark(Reader reader) {
    PushbackReader in = new PushbackReader(reader, 1);
    try {
      int first = in.read();
      if (first != -1 && first != BYTE_ORDER_MARK) {
        in.unread(first);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return in;
  }

  /** One record with the line it starts on. */
  private record Record(long line, List<String> fields) {}

  /** Collects each record's fields; a blank line is no record. Knows the line of the record being read. */
  private static final class Records extends AbstractBaseCsvCallbackHandler<Record> {
    private final List<String> fields = new ArrayList<>();

    long line() {
      return getStartingLineNumber();
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
      fields.clear();
    }

    @Override
    protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
      if (fieldIdx >= MAX_FIELDS) {
        throw new CsvParseException("the record has more than " + MAX_FIELDS + " fields");
      }
      fields.add(new String(buf, offset, len));
    }

    @Override
    protected Record buildRecord() {
      return fields.isEmpty() ? null : new Record(getStartingLineNumber(), List.copyOf(fields));
    }
  }
}
