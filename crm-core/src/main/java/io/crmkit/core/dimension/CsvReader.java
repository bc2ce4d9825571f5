package io.crmkit.core.dimension;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader that knows the line each record starts on, so that definition problems
 * can name it. Fields may be quoted ({@code "a,b"}, {@code "say ""hi"""}) and span lines; records
 * end with LF or CRLF; blank lines are skipped; a leading byte-order mark is ignored. crm-core
 * stays free of a CSV dependency for the few files it reads.
 */
final class CsvReader {

  /** A record that is not valid CSV; the reader has skipped to the next line. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    SyntaxError(int line, String message) {
      super(message);
      this.line = line;
    }

    int line() {
      return line;
    }
  }

  private final Reader in;
  private final char delimiter;
  private int line = 1;
  private int recordLine;
  private int pushedBack = -2;
  private boolean started;

  CsvReader(Reader in, char delimiter) {
    this.in = in instanceof BufferedReader ? in : new BufferedReader(in);
    this.delimiter = delimiter;
  }

  /** The line on which the record last returned by {@link #next} starts. */
  int recordLine() {
    return recordLine;
  }

  /** The next record's fields, or {@code null} at the end of the input. */
  List<String> next() throws IOException, SyntaxError {
    while (true) {
      List<String> record = readRecord();
      if (record == null || !(record.size() == 1 && record.get(0).isEmpty())) {
        return record;
      }
    }
  }

  private List<String> readRecord() throws IOException, SyntaxError {
    int c = read();
    if (!started) {
      started = true;
      if (c == '\uFEFF') {
        c = read();
      }
    }
    if (c == -1) {
      return null;
    }
    recordLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (true) {
      if (c == '"' && field.length() == 0) {
        readQuoted(field);
        c = read();
        if (c != delimiter && c != '\r' && c != '\n' && c != -1) {
          skipLine(c);
          throw new SyntaxError(recordLine, "unexpected '" + (char) c + "' after a closing quote");
        }
      }
      if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
        c = read();
        continue;
      }
      if (c == -1 || c == '\n' || c == '\r') {
        if (c == '\r') {
          int next = read();
          if (next != '\n') {
            unread(next);
          }
        }
        if (c != -1) {
          line++;
        }
        fields.add(field.toString());
        return fields;
      }
      if (c == '"') {
        skipLine(read());
        throw new SyntaxError(recordLine, "a quote inside an unquoted field; quote the whole field and double inner quotes");
      }
      field.append((char) c);
      c = read();
    }
  }

  private void readQuoted(StringBuilder field) throws IOException, SyntaxError {
    while (true) {
      int c = read();
      if (c == -1) {
        throw new SyntaxError(recordLine, "a quoted field is not closed before the end of the input");
      }
      if (c == '"') {
        int next = read();
        if (next == '"') {
          field.append('"');
          continue;
        }
        unread(next);
        return;
      }
      if (c == '\n') {
        line++;
      }
      field.append((char) c);
    }
  }

  private void skipLine(int c) throws IOException {
    while (c != -1 && c != '\n') {
      c = read();
    }
    if (c == '\n') {
      line++;
    }
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    return in.read();
  }

  private void unread(int c) {
    pushedBack = c;
  }
}
