package io.crmkit.io.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of a source, one at a time (never the whole file in memory), and what is wrong with
 * the file as a whole once they are read. A row that cannot be read is handed on with its problems;
 * only broken quoting, after which a CSV parser cannot find the next row, ends the rows early,
 * as a file problem.
 */
interface RowReader extends Iterator<SourceRow>, Closeable {

  /** The column names: the header's, or numbers from 1 without one; empty before the first row of a headless file. */
  List<String> columns();

  /** Problems of the file as a whole, complete once {@link #hasNext()} returned false. */
  List<RowProblem> fileProblems();

  static RowReader open(ImportSource source) {
    try {
      return source.format() == ImportSource.Format.CSV ? CsvRowReader.open(source) : JsonLinesRowReader.open(source);
    } catch (IOException e) {
      throw new UncheckedIOException(source.file() + " cannot be read: " + e.getMessage(), e);
    }
  }
}
