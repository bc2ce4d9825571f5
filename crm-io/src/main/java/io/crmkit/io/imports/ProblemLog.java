package io.crmkit.io.imports;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems of one run: the first {@link ImportReport#KEPT_PROBLEMS} (and every file problem)
 * kept for the report, and every one streamed to the report files as it is found (CSV:
 * {@code row,line,column,outcome,rule,message}; JSON: the import id, the problems and, at the end,
 * the totals), so memory stays constant however many rows are bad. Never a row's value: it may be personal data.
 * A resumed run appends to the CSV file of the runs before it, so the rows committed before an
 * interruption stay listed: each batch's problems are {@link #flush() flushed} to the files before
 * its transaction commits, so a killed process leaves them on disk (a batch whose commit then fails
 * is read again and listed twice). The JSON file is this run's, with the row it resumed after.
 */
final class ProblemLog implements Closeable {
  static final List<String> CSV_HEADER = List.of("row", "line", "column", "outcome", "rule", "message");

  private final List<RowProblem> kept = new ArrayList<>();
  private final Writer csvOut;
  private final CsvWriter csv;
  private final JsonGenerator json;
  private long count;

  private ProblemLog(Writer csvOut, CsvWriter csv, JsonGenerator json) {
    this.csvOut = csvOut;
    this.csv = csv;
    this.json = json;
  }

  static ProblemLog inMemory() {
    return new ProblemLog(null, null, null);
  }

  static ProblemLog toFiles(Path csvFile, Path jsonFile, String importId, long resumedAfterRow) {
    Writer out = null;
    try {
      boolean appending = resumedAfterRow > 0 && Files.isRegularFile(csvFile) && Files.size(csvFile) > 0;
      out = appending
          ? Files.newBufferedWriter(csvFile, StandardCharsets.UTF_8, StandardOpenOption.APPEND)
          : Files.newBufferedWriter(csvFile, StandardCharsets.UTF_8);
      CsvWriter csv = CsvWriter.builder().build(out);
      if (!appending) {
        csv.writeRecord(CSV_HEADER);
      }
      JsonGenerator json = new JsonFactory().createGenerator(jsonFile.toFile(), JsonEncoding.UTF8);
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("importId", importId);
      json.writeNumberField("resumedAfterRow", resumedAfterRow);
      json.writeArrayFieldStart("problems");
      return new ProblemLog(out, csv, json);
    } catch (IOException e) {
      closeQuietly(out, e);
      throw new ImportReportException(e);
    }
  }

  void add(RowProblem problem) {
    count++;
    if (kept.size() < ImportReport.KEPT_PROBLEMS || problem.outcome() == RowProblem.Outcome.FILE) {
      kept.add(problem);
    }
    if (csv == null) {
      return;
    }
    try {
      csv.writeRecord(String.valueOf(problem.row()), String.valueOf(problem.line()), problem.column(),
          problem.outcome().name(), problem.rule(), problem.message());
      json.writeStartObject();
      json.writeNumberField("row", problem.row());
      json.writeNumberField("line", problem.line());
      json.writeStringField("column", problem.column());
      json.writeStringField("outcome", problem.outcome().name());
      json.writeStringField("rule", problem.rule());
      json.writeStringField("message", problem.message());
      json.writeEndObject();
    } catch (IOException e) {
      throw new ImportReportException(e);
    }
  }

  /**
   * Hands what was added so far to the operating system (no fsync: a killed process loses nothing
   * the system has, a power cut may), so that it survives the process.
   */
  void flush() {
    if (csv == null) {
      return;
    }
    try {
      csv.flush();
      csvOut.flush();
      json.flush();
    } catch (IOException e) {
      throw new ImportReportException(e);
    }
  }

  List<RowProblem> kept() {
    return List.copyOf(kept);
  }

  long count() {
    return count;
  }

  /** Ends the JSON document with the totals and closes both files. */
  void finish(ImportTotals totals, boolean finished) {
    if (json == null) {
      return;
    }
    try {
      json.writeEndArray();
      json.writeNumberField("problemCount", count);
      json.writeBooleanField("finished", finished);
      json.writeObjectFieldStart("totals");
      json.writeNumberField("read", totals.read());
      json.writeNumberField("inserted", totals.inserted());
      json.writeNumberField("updated", totals.updated());
      json.writeNumberField("unchanged", totals.unchanged());
      json.writeNumberField("merged", totals.merged());
      json.writeNumberField("queued", totals.queued());
      json.writeNumberField("rejected", totals.rejected());
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new ImportReportException(e);
    }
  }

  @Override
  public void close() throws IOException {
    if (csv != null) {
      try (Writer out = csvOut; JsonGenerator generator = json) {
        csv.flush();
      }
    }
  }


  private static void closeQuietly(Writer out, IOException failure) {
    if (out == null) {
      return;
    }
    try {
      out.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
