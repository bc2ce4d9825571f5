package io.crmkit.examples.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.crmkit.core.json.CrmJson;
import io.crmkit.core.quality.DataQuality;
import io.crmkit.core.quality.QualityReport;
import io.crmkit.core.store.CrmStore;
import io.crmkit.examples.report.ReportData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit quality}: crm-core's data-quality report of a store ({@link DataQuality}) as JSON,
 * and its scores per dimension as a table. {@code --fail-below} turns a score into an exit code,
 * so that a nightly script can stop a pipeline on data that got worse.
 */
@Command(name = "quality", mixinStandardHelpOptions = true, sortOptions = false,
    headerHeading = "%n", header = "Measure the data quality of a store: completeness, validity, uniqueness, freshness, consistency.",
    descriptionHeading = "%n",
    description = {
        "Reads every customer of the store once and writes the data-quality report as JSON (--output): completeness "
            + "per field, validity per rule (phones, e-mails, credit codes, resident identity numbers, region codes "
            + "in GB/T 2260), uniqueness (customers sharing a phone, e-mail or identifier; the estimated duplicate "
            + "rate), freshness (days since the last update and the last purchase or interaction) and consistency "
            + "(a region code against its address, identifiers against the kind of customer, birth dates). The "
            + "summary shows the scores 0..100 per dimension and the rules that failed most.",
        "",
        "The report names customers by id only, never by a value.",
        "",
        "Exit code 1 when --fail-below is given and the overall score is below it (the report is still written)."},
    optionListHeading = "%nOptions:%n",
    footerHeading = "%nExamples:%n",
    footer = {
        "  crmkit quality --output quality.json",
        "  crmkit quality --jdbc-url jdbc:postgresql://localhost:5432/crm --jdbc-user crm --fail-below 80"})
final class QualityCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private QuietOption quiet;

  @Mixin
  private StoreOptions store;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "quality.json",
      description = "Where the JSON report goes (default: ${DEFAULT-VALUE}).")
  private Path output;

  @Option(names = "--fail-below", paramLabel = "SCORE",
      description = "Exit with 1 when the overall score (0..100) is below SCORE.")
  private Double failBelow;

  private final Clock clock;

  QualityCommand() {
    this(Clock.systemUTC());
  }

  /** With the clock ages are measured to, so that tests can fix it. */
  QualityCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    long started = System.nanoTime();
    if (failBelow != null && !(failBelow >= 0 && failBelow <= 100)) {
      throw CliException.usage("--fail-below must be a score from 0 to 100, not " + failBelow);
    }
    OutputFiles.distinct().input("the store", store.h2File().orElse(null)).output("--output", output).check();
    QualityReport report;
    try (StoreOptions.OpenStore open = store.openExisting();
        Progress progress = Progress.forTerminal(quiet.quiet, spec.commandLine().getErr())) {
      progress.start("measuring data quality");
      report = measure(open.stores().base(), clock);
      progress.finish(String.format(Locale.ROOT, "%,d customers", report.customers()));
    }
    write(report, output);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "crmkit quality: %s%n", store.url);
    print(report, out);
    out.printf(Locale.ROOT, "  report             %s%n", output);
    out.printf(Locale.ROOT, "  time               %.1f s%n", Duration.ofNanos(System.nanoTime() - started).toMillis()
        / 1000.0);
    out.flush();
    if (failBelow != null && report.customers() == 0) {
      spec.commandLine().getErr().println("crmkit quality: the store holds no customers, so it cannot pass "
          + "--fail-below (is --jdbc-url right?)");
      spec.commandLine().getErr().flush();
      return ExitCodes.BAD_INPUT;
    }
    return failBelow != null && report.scores().overall() < failBelow ? ExitCodes.BAD_INPUT : ExitCodes.DONE;
  }

  /** The report of every customer in {@code base}, region and customer-type codes checked against the built-in schemes. */
  static QualityReport measure(CrmStore base, Clock clock) {
    return ReportData.measureQuality(base, clock);
  }

  /**
   * Writes the report as indented JSON, as {@code CrmJson} maps it.
   *
   * @throws CliException failure if the file cannot be written
   */
  static void write(QualityReport report, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      CrmJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
    } catch (IOException e) {
      throw CliException.failure(file + ": cannot be written (" + e.getMessage() + ")", e);
    }
  }

  /** The scores per dimension, then the validity and consistency rules that failed, worst first. */
  static void print(QualityReport report, PrintWriter out) {
    QualityReport.Scores scores = report.scores();
    out.printf(Locale.ROOT, "  customers          %,d%n", report.customers());
    out.printf(Locale.ROOT, "%n  %-22s %6s%n", "dimension", "score");
    score(out, "completeness", scores.completeness());
    score(out, "validity", scores.validity());
    score(out, "uniqueness", scores.uniqueness());
    score(out, "freshness", scores.freshness());
    score(out, "consistency", scores.consistency());
    score(out, "overall", scores.overall());
    out.printf(Locale.ROOT, "  estimated duplicate rate %.1f%%%n", 100 * report.uniqueness().estimatedDuplicateRate());
    List<QualityReport.RuleResult> failed = Stream.concat(report.validity().stream(),
            report.consistency().stream())
        .filter(rule -> rule.failed() > 0)
        .sorted((a, b) -> Long.compare(b.failed(), a.failed()))
        .toList();
    if (!failed.isEmpty()) {
      out.printf(Locale.ROOT, "%n  %-36s %9s %9s%n", "rule", "failed", "checked");
      failed.forEach(rule -> out.printf(Locale.ROOT, "  %-36s %,9d %,9d%n", rule.rule(), rule.failed(), rule.checked()));
    }
    out.println();
  }

  private static void score(PrintWriter out, String name, double score) {
    out.printf(Locale.ROOT, "  %-22s %6.1f%n", name, score);
  }
}
