package io.crmkit.examples.cli;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.crmkit.segmentation.clv.Transaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a file of transactions (one purchase a row: customer, date, amount, and optionally a
 * currency) as {@link TransactionFormat} says: delimited (FastCSV) or separated by runs of
 * whitespace. Every good row is kept; every bad row (too few fields, no customer, a date not in
 * the format, an amount that is no number, broken quoting) is skipped and reported as a {@link
 * Rejection} naming file, row, line and column, so that the caller can list them all. Commands
 * that read transactions ({@code clv}, {@code rfm}) share this reader.
 */
final class TransactionFile {

  private static final char BYTE_ORDER_MARK = '\uFEFF';
  private static final String[] ROLES = {"customer", "date", "amount", "currency"};

  private TransactionFile() {}

  /**
   * A skipped row.
   *
   * @param file the file's name
   * @param row the row's number, counted from 1 without the header
   * @param line the file line the row starts on
   * @param column the column at fault, such as {@code 3 (date)}, or empty for the whole row
   * @param reason what is wrong
   */
  record Rejection(String file, long row, long line, String column, String reason) {
    /** One line for people: {@code sales.csv row 4 (line 5), column 3 (date): ...; row skipped}. */
    String message() {
      return file + " row " + row + " (line " + line + ")" + (column.isEmpty() ? "" : ", column " + column) + ": "
          + reason + "; row skipped";
    }
  }

  /**
   * What was read.
   *
   * @param name the file's name
   * @param transactions the good rows, in file order
   * @param rejections the bad rows, in file order
   */
  record Contents(String name, List<Transaction> transactions, List<Rejection> rejections) {
    Contents {
      transactions = List.copyOf(transactions);
      rejections = List.copyOf(rejections);
    }

    long rows() {
      return transactions.size() + (long) rejections.size();
    }
  }

  /**
   * Reads every row of {@code file}.
   *
   * @throws CliException bad input if the file is missing, unreadable or empty; usage if a column
   *     it is told to read is not in it
   */
  static Contents read(Path file, TransactionFormat format, Progress progress) {
    String name = file.getFileName().toString();
    if (Files.isDirectory(file)) {
      throw CliException.badInput(file + ": a directory, not a file");
    }
    progress.start("reading " + name);
    Rows rows = new Rows(name, format, progress);
    try {
      if (format.delimiter().isPresent()) {
        readDelimited(file, format, rows);
      } else {
        readWhitespace(file, format, rows);
      }
    } catch (NoSuchFileException e) {
      throw CliException.badInput(file + ": no such file");
    } catch (AccessDeniedException e) {
      throw CliException.badInput(file + ": not allowed to read it");
    } catch (IOException | UncheckedIOException e) {
      throw CliException.badInput(file + ": cannot be read (" + e.getMessage() + ")");
    }
    if (rows.columns == null) {
      throw CliException.badInput(file + ": no rows");
    }
    Contents contents = new Contents(name, rows.transactions, rows.rejections);
    progress.finish(String.format(Locale.ROOT, "%,d transactions", contents.transactions().size()));
    return contents;
  }

  private static void readDelimited(Path file, TransactionFormat format, Rows rows) throws IOException {
    CsvReader.CsvReaderBuilder csv = CsvReader.builder()
        .fieldSeparator(format.delimiter().orElseThrow())
        .quoteCharacter(format.quote())
        .skipEmptyLines(true)
        .allowUnclosedQuote(false)
        .allowExtraFields(true)
        .allowMissingFields(true)
        .detectBomHeader(true);
    try (CsvReader<CsvRecord> reader = csv.ofCsvRecord(file, format.encoding())) {
      for (CsvRecord record : reader) {
        rows.take(record.getFields(), record.getStartingLineNumber());
      }
    } catch (CsvParseException e) {
      rows.rejections.add(new Rejection(rows.name, rows.row + 1, rows.lastLine + 1, "",
          "not valid CSV (" + e.getMessage() + "); nothing after it is read, and this"));
    }
  }

  private static void readWhitespace(Path file, TransactionFormat format, Rows rows) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, format.encoding())) {
      long line = 0;
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        line++;
        String stripped = text.strip();
        if (line == 1 && !stripped.isEmpty() && stripped.charAt(0) == BYTE_ORDER_MARK) {
          stripped = stripped.substring(1).strip();
        }
        if (!stripped.isEmpty()) {
          rows.take(Arrays.asList(stripped.split("\\s+")), line);
        }
      }
    }
  }

  /** The rows of one file: the header (or the first row's width), then each row against it. */
  private static final class Rows {
    private final String name;
    private final TransactionFormat format;
    private final Progress progress;
    private final List<Transaction> transactions = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private List<String> header = List.of();
    private int[] columns;
    private long row;
    private long lastLine;

    Rows(String name, TransactionFormat format, Progress progress) {
      this.name = name;
      this.format = format;
      this.progress = progress;
    }

    void take(List<String> fields, long line) {
      lastLine = line;
      if (columns == null) {
        if (format.header()) {
          header = fields.stream().map(String::strip).map(Rows::withoutByteOrderMark).toList();
        }
        columns = resolve(fields.size());
        if (format.header()) {
          return;
        }
      }
      row++;
      take(fields, row, line);
      progress.advance(row);
    }

    private void take(List<String> fields, long row, long line) {
      for (int i = 0; i < columns.length; i++) {
        if (columns[i] >= fields.size()) {
          rejections.add(new Rejection(name, row, line, describe(i),
              "missing (the row has " + fields.size() + " fields)"));
          return;
        }
      }
      String customer = fields.get(columns[0]).strip();
      if (customer.isEmpty()) {
        rejections.add(new Rejection(name, row, line, describe(0), "no customer id"));
        return;
      }
      String dateText = fields.get(columns[1]).strip();
      LocalDate date;
      try {
        date = LocalDate.parse(dateText, format.dates());
      } catch (DateTimeParseException e) {
        rejections.add(new Rejection(name, row, line, describe(1),
            "\"" + dateText + "\" is not a date in the format " + format.datePattern()));
        return;
      }
      String amountText = fields.get(columns[2]).strip();
      BigDecimal amount;
      try {
        amount = new BigDecimal(amountText);
      } catch (NumberFormatException e) {
        rejections.add(new Rejection(name, row, line, describe(2), "\"" + amountText + "\" is not an amount"));
        return;
      }
      String currency = Transaction.UNSTATED;
      if (columns.length > 3) {
        currency = fields.get(columns[3]).strip().toUpperCase(Locale.ROOT);
        if (currency.isEmpty()) {
          rejections.add(new Rejection(name, row, line, describe(3), "no currency"));
          return;
        }
      }
      transactions.add(new Transaction(customer, date, amount, currency));
    }

    /** The column indexes of customer, date, amount (and currency). */
    private int[] resolve(int width) {
      List<String> references = new ArrayList<>(List.of(format.customer(), format.date(), format.amount()));
      format.currency().ifPresent(references::add);
      int[] indexes = new int[references.size()];
      for (int i = 0; i < indexes.length; i++) {
        indexes[i] = index(references.get(i), width);
      }
      return indexes;
    }

    private int index(String reference, int width) {
      int byName = header.indexOf(reference);
      if (byName >= 0) {
        return byName;
      }
      try {
        int number = Integer.parseInt(reference);
        if (number >= 1 && number <= width) {
          return number - 1;
        }
        throw CliException.usage(name + " has no column " + number + ": its first row has " + width + " fields");
      } catch (NumberFormatException e) {
        throw CliException.usage(format.header()
            ? name + " has no column " + reference + "; its columns are " + String.join(", ", header)
            : name + " has no header: name columns by number from 1, not " + reference);
      }
    }

    /** The column of a role (0 customer, 1 date, 2 amount, 3 currency) as messages name it: number and header name or role. */
    private String describe(int role) {
      int index = columns[role];
      return (index + 1) + " (" + (index < header.size() ? header.get(index) : ROLES[role]) + ")";
    }

    private static String withoutByteOrderMark(String field) {
      return !field.isEmpty() && field.charAt(0) == BYTE_ORDER_MARK ? field.substring(1) : field;
    }
  }
}
