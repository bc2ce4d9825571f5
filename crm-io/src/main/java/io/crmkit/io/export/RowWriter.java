package io.crmkit.io.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes rows of cells in one {@link ExportFormat}, one row at a time; flushes but never closes the stream. */
interface RowWriter extends AutoCloseable {

  void write(List<String> cells) throws IOException;

  @Override
  void close() throws IOException;

  static RowWriter open(ExportFormat format, List<String> header, OutputStream out) throws IOException {
    OutputStream kept = new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
    return switch (format) {
      case CSV -> new Csv(header, kept);
      case JSON_LINES -> new JsonLines(header, kept);
    };
  }

  /** RFC 4180 CSV, every cell through {@link FormulaGuard#neutralise}. */
  final class Csv implements RowWriter {
    private final CsvWriter csv;
    private final List<String> neutralised = new ArrayList<>();

    Csv(List<String> header, OutputStream out) throws IOException {
      this.csv = CsvWriter.builder().build(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      write(header);
    }

    @Override
    public void write(List<String> cells) {
      neutralised.clear();
      for (String cell : cells) {
        neutralised.add(FormulaGuard.neutralise(cell));
      }
      csv.writeRecord(neutralised);
    }

    @Override
    public void close() throws IOException {
      csv.close();
    }
  }

  /** One JSON object per line, keyed by the header; an empty cell is {@code null}. */
  final class JsonLines implements RowWriter {
    private final List<String> header;
    private final JsonGenerator json;
    private boolean written;

    JsonLines(List<String> header, OutputStream out) throws IOException {
      this.header = List.copyOf(header);
      this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)
          .setPrettyPrinter(new MinimalPrettyPrinter("\n"));
    }

    @Override
    public void write(List<String> cells) throws IOException {
      written = true;
      json.writeStartObject();
      for (int i = 0; i < header.size(); i++) {
        String cell = cells.get(i);
        if (cell.isEmpty()) {
          json.writeNullField(header.get(i));
        } else {
          json.writeStringField(header.get(i), cell);
        }
      }
      json.writeEndObject();
    }

    @Override
    public void close() throws IOException {
      if (written) {
        json.writeRaw('\n');
      }
      json.close();
    }
  }
}
