package io.crmkit.benchmarks.clv;

import io.crmkit.segmentation.clv.BgNbdParameters;
import io.crmkit.segmentation.clv.ClvInputs;
import io.crmkit.segmentation.clv.ClvSimulation;
import io.crmkit.segmentation.clv.ClvTimeUnit;
import io.crmkit.segmentation.clv.CustomerHistory;
import io.crmkit.segmentation.clv.GammaGammaParameters;
import io.crmkit.segmentation.clv.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The customers of the CDNOW benchmarks: read from {@code CDNOW_sample.txt} when a path is given
 * (whitespace-separated; sample customer id, date, dollars in columns 2, 3, 5; calibration to
 * 1997-09-30 in weeks), otherwise simulated from the published CDNOW parameters at the same size
 * and ages (2357 customers first buying in the first 12 weeks of a 39-week calibration), so that
 * a fresh clone runs the benchmark without the data.
 */
final class CdnowHistories {

  /** The published BG/NBD parameters on CDNOW (weeks). */
  static final BgNbdParameters PURCHASES = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);
  /** The published Gamma-Gamma parameters on CDNOW (dollars). */
  static final GammaGammaParameters SPEND = new GammaGammaParameters(6.25, 3.74, 15.44);

  private CdnowHistories() {}

  /**
   * @param path the CDNOW_sample.txt file, or blank for simulated customers
   */
  static List<CustomerHistory> load(String path) {
    if (path == null || path.isBlank()) {
      return ClvSimulation.histories(PURCHASES, Optional.of(SPEND), 2357, 27, 39, 1997);
    }
    try (var lines = Files.lines(Path.of(path), StandardCharsets.US_ASCII)) {
      List<Transaction> transactions = lines.map(String::strip).filter(line -> !line.isEmpty())
          .map(line -> line.split("\\s+"))
          .map(fields -> Transaction.of(fields[1], LocalDate.parse(fields[2], DateTimeFormatter.BASIC_ISO_DATE),
              new BigDecimal(fields[4])))
          .toList();
      return ClvInputs.fromTransactions(transactions, LocalDate.of(1997, 9, 30), ClvTimeUnit.WEEKS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
