package io.crmkit.examples.cli;

import io.crmkit.core.quality.QualityReport;
import io.crmkit.examples.report.HtmlReport;
import io.crmkit.examples.report.ReportData;
import io.crmkit.io.CrmStores;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit report}: one self-contained HTML page about a store, with charts of its value
 * tiers, lifecycle funnel, RFM grid, duplicates found and data quality, each with a table of the
 * same figures. The figures are read by {@link ReportData#gather} and drawn by {@link HtmlReport};
 * other commands write the same page with {@link #writeReport}.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    headerHeading = "%n", header = "Write a self-contained HTML report of a store, with charts.",
    descriptionHeading = "%n",
    description = {
        "Reads the store (the embedded H2 database by default, any PostgreSQL with --jdbc-url) and writes one "
            + "HTML file that opens in any browser without a network: customers per value tier and per lifecycle "
            + "stage, the RFM grid (recency × frequency scores computed from the stored purchases before "
            + "--as-of, in the currency most customers bought in), the duplicate clusters merged and the pairs "
            + "waiting for review, and the data-quality scores. Every chart has a table with the same figures.",
        "",
        "Nothing in the store is changed."},
    optionListHeading = "%nOptions:%n",
    footerHeading = "%nExamples:%n",
    footer = {
        "  crmkit report                                   (./crmkit-data, writes report.html)",
        "  crmkit report --output q3.html --as-of 2025-10-01 --jdbc-url jdbc:postgresql://db:5432/crm"})
final class ReportCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private QuietOption quiet;

  @Mixin
  private StoreOptions store;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "report.html",
      description = "The HTML file to write (default: ${DEFAULT-VALUE}).")
  private Path output;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "The day the report describes, yyyy-MM-dd (its start, UTC), or an instant such as "
          + "2025-07-01T12:00:00Z: recency is measured to it and later purchases are left out; data quality is "
          + "measured on the store as it is now (default: now).")
  private String asOf;

  /**
   * Reads {@code stores} as of {@code asOf} and writes the HTML report to {@code html}, with the
   * data quality the caller measured already: the one entry point for commands that write a report
   * at the end of their work (such as {@code demo}), so that the page shows the scores of the
   * command's own quality report and the store is not measured twice.
   *
   * @return {@code html}
   * @throws NullPointerException if an argument is null
   * @throws UncheckedIOException if the file cannot be written
   */
  static Path writeReport(CrmStores stores, Path html, Instant asOf, QualityReport quality) {
    return HtmlReport.write(ReportData.gather(stores, asOf, quality), html);
  }

  @Override
  public Integer call() {
    long started = System.nanoTime();
    Instant instant = asOf == null ? Instant.now() : instant(asOf);
    PrintWriter err = spec.commandLine().getErr();
    OutputFiles.distinct().input("the store", store.h2File().orElse(null)).output("--output", output).check();
    ReportData data;
    try (StoreOptions.OpenStore open = store.openExisting(); Progress progress = Progress.forTerminal(quiet.quiet, err)) {
      data = ReportData.gather(open.stores(), instant, listener(progress));
      progress.start("writing " + output);
      try {
        HtmlReport.write(data, output);
      } catch (UncheckedIOException e) {
        throw CliException.failure(e.getMessage(), e);
      }
      progress.finish("done");
    }
    print(spec.commandLine().getOut(), data, Duration.ofNanos(System.nanoTime() - started));
    return ExitCodes.DONE;
  }

  private void print(PrintWriter out, ReportData data, Duration took) {
    String row = "  %-26s %s%n";
    out.printf(Locale.ROOT, "crmkit report as of %s%n", data.asOf());
    out.printf(Locale.ROOT, row, "customers", String.format(Locale.ROOT, "%,d", data.customers()));
    data.tiers().forEach(tier -> out.printf(Locale.ROOT, row, "  tier " + tier.label(),
        String.format(Locale.ROOT, "%,d", tier.customers())));
    out.printf(Locale.ROOT, row, "scored by RFM", String.format(Locale.ROOT, "%,d%s", data.rfm().scored(),
        data.rfm().currency().isEmpty() ? "" : " (" + data.rfm().currency() + ")"));
    out.printf(Locale.ROOT, row, "merges", String.format(Locale.ROOT, "%,d (absorbed %,d customers)",
        data.duplicates().merges(), data.duplicates().absorbedCustomers()));
    out.printf(Locale.ROOT, row, "pairs to review", String.format(Locale.ROOT, "%,d",
        data.duplicates().reviewPending()));
    out.printf(Locale.ROOT, row, "data quality", String.format(Locale.ROOT, "%.1f / 100",
        data.quality().scores().overall()));
    out.printf(Locale.ROOT, row, "time", String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0));
    out.printf(Locale.ROOT, "report: %s%n", output.toAbsolutePath().normalize());
    out.flush();
  }

  private static ReportData.Listener listener(Progress progress) {
    Objects.requireNonNull(progress, "progress");
    return new ReportData.Listener() {
      @Override
      public void started(String step) {
        progress.start(step);
      }

      @Override
      public void advanced(long customers) {
        progress.advance(customers);
      }
    };
  }

  private static Instant instant(String text) {
    String value = text.strip();
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw CliException.usage("--as-of " + text + " is neither a date yyyy-MM-dd nor an instant such as "
          + "2025-07-01T12:00:00Z");
    }
  }
}
