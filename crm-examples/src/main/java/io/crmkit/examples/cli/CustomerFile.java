package io.crmkit.examples.cli;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.crmkit.core.dedup.MatchInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a delimited customer export into {@link MatchInput}s. A row that cannot be used (a wrong
 * number of fields, no id, an id seen before, broken quoting) is rejected with a message naming
 * file, row and column, and reading goes on; a value that cannot be read stays a warning on its record.
 */
final class CustomerFile {

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private CustomerFile() {}

  /**
   * What was read from one file.
   *
   * @param name the file's name, as messages and default ids use it
   * @param records the usable rows, in file order
   * @param rejections one message per rejected row
   * @param warnings how many warnings the records carry
   */
  record Contents(String name, List<MatchInput> records, List<String> rejections, long warnings) {
    Contents {
      records = List.copyOf(records);
      rejections = List.copyOf(rejections);
    }
  }

  /**
   * Reads every row of {@code file}.
   *
   * @throws CliException bad input if the file is missing or unreadable; usage if a mapped column
   *     is not in it
   */
  static Contents read(Path file, InputSpec spec, Progress progress) {
    String name = file.getFileName().toString();
    progress.start("reading " + name);
    Contents contents = CsvFiles.read(file, spec.encoding(), spec.delimiter(), spec.quote(),
        records -> new Rows(name, spec).read(records, progress));
    progress.finish(String.format(Locale.ROOT, "%,d records", contents.records().size()));
    return contents;
  }


  /** The reading of one file: the header, then each row against it. */
  private static final class Rows {
    private final String name;
    private final InputSpec spec;
    private final List<MatchInput> records = new ArrayList<>();
    private final List<String> rejections = new ArrayList<>();
    private final Map<String, Long> rowOfId = new HashMap<>();
    private long warnings;

    Rows(String name, InputSpec spec) {
      this.name = name;
      this.spec = spec;
    }

    Contents read(Iterator<CsvRecord> rows, Progress progress) {
      RowMapping mapping = null;
      List<String> header = List.of();
      int width = 0;
      long row = 0;
      try {
        while (rows.hasNext()) {
          CsvRecord record = rows.next();
          if (mapping == null) {
            width = record.getFieldCount();
            header = spec.header() ? header(record) : List.of();
            mapping = new RowMapping(name, spec, header, width);
            if (spec.header()) {
              continue;
            }
          }
          row++;
          take(mapping, record, row, width, header);
          progress.advance(row);
        }
      } catch (CsvParseException e) {
        // FastCSV's message names the line the broken record starts on.
        rejections.add(name + " row " + (row + 1) + ": not valid CSV (" + e.getMessage() + "); nothing after it is read");
      }
      return new Contents(name, records, rejections, warnings);
    }

    private void take(RowMapping mapping, CsvRecord record, long row, int width, List<String> header) {
      long line = record.getStartingLineNumber();
      int count = record.getFieldCount();
      if (count != width) {
        // The first field too many, or the first one missing.
        rejections.add(mapping.where(row, line, Math.min(count, width)) + ": " + count + " fields where "
            + (header.isEmpty() ? "the first row has " : "the header has ") + width + "; row skipped");
        return;
      }
      try {
        MatchInput input = mapping.read(record.getFields(), row, line);
        Long earlier = rowOfId.putIfAbsent(input.id(), row);
        if (earlier != null) {
          rejections.add(name + " row " + row + " (line " + line + "): id " + input.id() + " is already on row "
              + earlier + "; row skipped");
          return;
        }
        records.add(input);
        warnings += input.warnings().size();
      } catch (RowMapping.RejectedRowException e) {
        rejections.add(e.getMessage());
      }
    }

    private static List<String> header(CsvRecord record) {
      List<String> names = new ArrayList<>(record.getFieldCount());
      for (String field : record.getFields()) {
        String stripped = field.strip();
        names.add(!stripped.isEmpty() && stripped.charAt(0) == BYTE_ORDER_MARK ? stripped.substring(1) : stripped);
      }
      return names;
    }
  }
}
