package io.crmkit.segmentation.clv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The CDNOW sample shipped in the test resources (see CDNOW-SOURCE.md there). */
final class Cdnow {

  /** The last day of the reference calibration period: 39 weeks from 1997-01-01. */
  static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
  /** The last day of the holdout period, 39 weeks later. */
  static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);

  private static List<Transaction> transactions;
  private static List<CustomerHistory> histories;

  private Cdnow() {}

  /** Every row of CDNOW_sample.txt, keyed by the sample customer id without its zeros (1..2357). */
  static synchronized List<Transaction> transactions() {
    if (transactions == null) {
      List<Transaction> read = new ArrayList<>();
      for (String[] fields : lines("CDNOW_sample.txt")) {
        read.add(Transaction.of(Integer.toString(Integer.parseInt(fields[1])),
            LocalDate.parse(fields[2], DateTimeFormatter.BASIC_ISO_DATE), new BigDecimal(fields[4])));
      }
      transactions = List.copyOf(read);
    }
    return transactions;
  }

  /** The calibration histories in weeks, derived from the transactions. */
  static synchronized List<CustomerHistory> histories() {
    if (histories == null) {
      histories = ClvInputs.fromTransactions(transactions(), CALIBRATION_END, ClvTimeUnit.WEEKS);
    }
    return histories;
  }

  /** The published summary: ID, x, t_x, T, zbar per row. */
  static List<String[]> publishedSummary() {
    List<String[]> rows = lines("cdnow_customers_summary_with_transactions.csv");
    return rows.subList(1, rows.size()).stream().map(row -> row[0].split(",")).toList();
  }

  private static List<String[]> lines(String resource) {
    try (InputStream in = Cdnow.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      return reader.lines().map(String::strip).filter(line -> !line.isEmpty()).map(line -> line.split("\\s+"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
