package io.crmkit.examples.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options of every command that reads a transactions file ({@code clv}, {@code rfm}), as a
 * picocli mixin: how to read it ({@link #format()}) and where its rejected rows go. {@link #read}
 * does what both commands do with the file: read it, name the first bad rows on standard error,
 * write all of them to the rejected file, and refuse a file without one good row; so the two
 * commands read, report and fail alike.
 */
final class TransactionOptions {

  @Option(names = "--customer", paramLabel = "COLUMN", defaultValue = "1",
      description = "The customer id's column (default: ${DEFAULT-VALUE}).")
  String customer;

  @Option(names = "--date", paramLabel = "COLUMN", defaultValue = "2",
      description = "The purchase date's column (default: ${DEFAULT-VALUE}).")
  String date;

  @Option(names = "--amount", paramLabel = "COLUMN", defaultValue = "3",
      description = "The amount's column (default: ${DEFAULT-VALUE}); negative amounts are refunds.")
  String amount;

  @Option(names = "--currency", paramLabel = "COLUMN",
      description = "The currency code's column, if the file has one; all rows must then share one currency.")
  String currency;

  @Option(names = "--date-format", paramLabel = "PATTERN",
      description = "The date's pattern, such as yyyyMMdd or dd/MM/yyyy (default: yyyy-MM-dd).")
  String dateFormat;

  @Option(names = {"-d", "--delimiter"}, paramLabel = "CHAR",
      description = "The field delimiter; tab for a tab, whitespace for runs of spaces and tabs (default: ,).")
  String delimiter;

  @Option(names = "--quote", paramLabel = "CHAR", description = "The quote character (default: \").")
  String quote;

  @Option(names = "--header", negatable = true, description = "Whether the first line names the columns (default: it does).")
  Boolean header;

  @Option(names = "--encoding", paramLabel = "CHARSET", description = "INPUT's character set (default: UTF-8).")
  String encoding;

  @Option(names = "--rejected", paramLabel = "FILE",
      description = "Where every rejected row goes, when there are any (default: INPUT's name with .rejected.csv).")
  Path rejected;

  /**
   * What was read, and where the rejected rows went.
   *
   * @param contents the good rows and the rejections
   * @param rejectedFile the file listing the rejections, empty when there are none
   */
  record Read(TransactionFile.Contents contents, Optional<Path> rejectedFile) {}

  /**
   * The format the options describe, checked before any row is read.
   *
   * @throws CliException usage for a bad encoding, delimiter, quote or date format
   */
  TransactionFormat format() {
    return TransactionFormat.of(encoding, delimiter, quote, header, customer, date, amount, currency, dateFormat);
  }

  /**
   * Reads {@code input}; names the first {@value DedupReport#MESSAGES_SHOWN} rejected rows on
   * {@code err} and writes all of them to {@code --rejected} (or {@code INPUT.rejected.csv}).
   *
   * @throws CliException bad input if the file cannot be read or has no good row; usage for a
   *     column the file lacks; failure if the rejected rows cannot be written
   */
  Read read(Path input, TransactionFormat format, Progress progress, PrintWriter err) {
    TransactionFile.Contents contents = TransactionFile.read(input, format, progress);
    List<TransactionFile.Rejection> rejections = contents.rejections();
    rejections.stream().limit(DedupReport.MESSAGES_SHOWN).forEach(r -> err.println("rejected: " + r.message()));
    if (rejections.size() > DedupReport.MESSAGES_SHOWN) {
      err.printf(Locale.ROOT, "rejected: and %,d more (all are in the --rejected file)%n",
          rejections.size() - DedupReport.MESSAGES_SHOWN);
    }
    err.flush();
    Optional<Path> rejectedFile = Optional.empty();
    if (!rejections.isEmpty()) {
      rejectedFile = Optional.of(rejectedFile(input));
      writeRejections(rejectedFile.get(), rejections);
    }
    if (contents.transactions().isEmpty()) {
      throw CliException.badInput(input + ": no transaction could be read");
    }
    return new Read(contents, rejectedFile);
  }

  /** Where the rejected rows of {@code input} go, if there are any: {@code --rejected}, or beside it. */
  Path rejectedFile(Path input) {
    return rejected != null ? rejected : OutputFiles.beside(input, ".rejected.csv");
  }

  /**
   * Every rejected row: {@code row, line, column, reason}.
   *
   * @throws CliException failure if the file cannot be written
   */
  private static void writeRejections(Path file, List<TransactionFile.Rejection> rejections) {
    try (CsvWriter csv = CsvWriter.builder().build(file, StandardCharsets.UTF_8)) {
      csv.writeRecord("row", "line", "column", "reason");
      for (TransactionFile.Rejection rejection : rejections) {
        csv.writeRecord(Long.toString(rejection.row()), Long.toString(rejection.line()), rejection.column(),
            rejection.reason());
      }
    } catch (IOException e) {
      throw CliException.failure(file + ": cannot be written (" + e.getMessage() + ")", e);
    }
  }
}
