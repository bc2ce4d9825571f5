package io.crmkit.examples.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.segmentation.rfm.RfmResult.CustomerRfm;
import io.crmkit.segmentation.rfm.RfmResult;
import io.crmkit.segmentation.rfm.RfmSegment;
import io.crmkit.segmentation.tier.TierAssignment;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one {@code crmkit rfm} run found, and its two outputs: the customers' CSV and the summary
 * on standard output with the tables of segments and tiers (customers, share of customers,
 * monetary value, share of value).
 *
 * @param read the file read
 * @param customers the file's customers and their keys
 * @param result the scores and segments
 * @param tiers one assignment per scored customer, in the result's order
 * @param settings how the run was set up, a name (as of, window, scoring, tiers) and its value each,
 *     in the order the summary shows them
 */
record RfmReport(TransactionFile.Contents read, FileCustomers customers, RfmResult result,
    List<TierAssignment> tiers, List<Map.Entry<String, String>> settings) {

  RfmReport {
    tiers = List.copyOf(tiers);
    settings = List.copyOf(settings);
    if (tiers.size() != result.customers().size()) {
      throw new IllegalArgumentException("one tier per scored customer: " + result.customers().size()
          + " customers, " + tiers.size() + " tiers");
    }
  }

  /** The CSV header, one column per figure, score and label. */
  static final List<String> HEADER = List.of("customer", "recency_days", "frequency", "monetary", "r", "f", "m",
      "segment", "tier", "tier_explanation");

  /**
   * One row per scored customer, in order of first appearance in the file.
   *
   * @throws CliException failure if the file cannot be written
   */
  void writeCustomers(Path file, Progress progress) {
    progress.start("writing " + file.getFileName());
    List<CustomerRfm> scored = result.customers();
    try (CsvWriter csv = CsvWriter.builder().build(file, StandardCharsets.UTF_8)) {
      csv.writeRecord(HEADER);
      for (int i = 0; i < scored.size(); i++) {
        CustomerRfm customer = scored.get(i);
        TierAssignment tier = tiers.get(i);
        csv.writeRecord(customers.keyOf(customer.customerId()), Long.toString(customer.values().recencyDays()),
            Integer.toString(customer.values().frequency()), customer.values().monetary().toPlainString(),
            Integer.toString(customer.score().recency()), Integer.toString(customer.score().frequency()),
            Integer.toString(customer.score().monetary()), customer.segment().name(), tier.tier().name(),
            tier.explain());
        progress.advance(i + 1L);
      }
    } catch (IOException e) {
      throw CliException.failure(file + ": cannot be written (" + e.getMessage() + ")", e);
    }
    progress.finish(String.format(Locale.ROOT, "%,d customers", scored.size()));
  }

  /** The summary: rows, settings, customers, the segment and tier tables, the files, the time. */
  void print(PrintWriter out, Path customersFile, Optional<Path> rejectedFile, Duration time) {
    out.printf(Locale.ROOT, "crmkit rfm: %s%n", read.name());
    out.printf(Locale.ROOT, "  rows               %,d read, %,d rejected%n", read.rows(), read.rejections().size());
    settings.forEach(setting -> out.printf(Locale.ROOT, "  %-18s %s%n", setting.getKey(), setting.getValue()));
    out.printf(Locale.ROOT, "  customers          %,d scored, %,d without a purchase in the window (not scored)%n",
        result.customers().size(), result.withoutPurchases().size());
    BigDecimal value = result.customers().stream().map(c -> c.values().monetary()).reduce(BigDecimal.ZERO,
        BigDecimal::add);
    out.printf(Locale.ROOT, "%n  %-20s %9s %7s %16s %7s%n", "segment", "customers", "share", "monetary", "value");
    for (Map.Entry<RfmSegment, RfmResult.SegmentSize> segment : result.segmentSizes().entrySet()) {
      row(out, segment.getKey().name(), segment.getValue().customers(), segment.getValue().monetary(), value);
    }
    out.printf(Locale.ROOT, "%n  %-20s %9s %7s %16s %7s%n", "tier", "customers", "share", "monetary", "value");
    for (Map.Entry<ValueTier, RfmResult.SegmentSize> tier : tierSizes().entrySet()) {
      row(out, tier.getKey().name(), tier.getValue().customers(), tier.getValue().monetary(), value);
    }
    row(out, "all", result.customers().size(), value, value);
    out.println();
    out.printf(Locale.ROOT, "  customers file     %s%n", customersFile);
    rejectedFile.ifPresent(file -> out.printf(Locale.ROOT, "  rejected rows      %s%n", file));
    out.printf(Locale.ROOT, "  time               %.1f s%n", time.toMillis() / 1000.0);
    out.flush();
  }

  /** Customers and monetary value of each tier, in the order tiers were first assigned. */
  Map<ValueTier, RfmResult.SegmentSize> tierSizes() {
    Map<ValueTier, long[]> counts = new LinkedHashMap<>();
    Map<ValueTier, BigDecimal> values = new LinkedHashMap<>();
    List<CustomerRfm> scored = result.customers();
    for (int i = 0; i < scored.size(); i++) {
      ValueTier tier = tiers.get(i).tier();
      counts.computeIfAbsent(tier, t -> new long[1])[0]++;
      values.merge(tier, scored.get(i).values().monetary(), BigDecimal::add);
    }
    Map<ValueTier, RfmResult.SegmentSize> sizes = new LinkedHashMap<>();
    counts.forEach((tier, count) -> sizes.put(tier, new RfmResult.SegmentSize(count[0], values.get(tier))));
    return sizes;
  }

  private void row(PrintWriter out, String name, long count, BigDecimal monetary, BigDecimal total) {
    int all = result.customers().size();
    out.printf(Locale.ROOT, "  %-20s %,9d %6.1f%% %,16.2f %7s%n", name, count, 100.0 * count / all, monetary,
        total.signum() > 0 ? String.format(Locale.ROOT, "%.1f%%",
            monetary.multiply(BigDecimal.valueOf(100)).divide(total, MathContext.DECIMAL64)) : "-");
  }
}
