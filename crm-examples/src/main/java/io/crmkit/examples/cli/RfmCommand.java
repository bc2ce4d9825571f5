package io.crmkit.examples.cli;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.segmentation.clv.Transaction;
import io.crmkit.segmentation.rfm.CurrencyPolicy;
import io.crmkit.segmentation.rfm.MonetaryMeasure;
import io.crmkit.segmentation.rfm.RfmAnalysis;
import io.crmkit.segmentation.rfm.RfmResult;
import io.crmkit.segmentation.rfm.RfmScoring;
import io.crmkit.segmentation.tier.TierAssignment;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.joda.money.CurrencyUnit;
import org.joda.money.IllegalCurrencyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit rfm}: recency, frequency and monetary figures, their scores 1..5, the RFM segment
 * and a value tier for every customer of a transactions file, as CSV, with a summary of segment and
 * tier sizes and value. The analysis is crm-segmentation's {@code RfmAnalysis} and {@code Tiering}
 * on summaries built as crm-core builds them ({@link FileCustomers}); this class reads, checks and
 * writes, as {@code crmkit clv} does with the same file options ({@link TransactionOptions}).
 */
@Command(name = "rfm", mixinStandardHelpOptions = true, sortOptions = false,
    headerHeading = "%n", header = "Score customers by recency, frequency and monetary value; segment and tier them.",
    descriptionHeading = "%n",
    description = {
        "Reads INPUT, one purchase a row (customer, date, amount), and for every customer with a purchase in the "
            + "window before --as-of writes (CSV): recency in days (from the last purchase day to --as-of), "
            + "frequency (days with a purchase), monetary value (--monetary: the net total, or that over the "
            + "purchase days; refunds are netted in and are no purchase), the R, F and M scores 1..5, the "
            + "segment (the standard eleven, Champions to Lost, by R and the mean of F and M), the tier and "
            + "why. The summary tables the segments and tiers: customers, share of customers, monetary value, "
            + "share of value.",
        "",
        "Scores: --scoring quintile ranks customers against each other (equal figures score alike, so a score "
            + "can stay unused when many tie); --scoring thresholds compares with four fixed boundaries per figure "
            + "(recency: 5 up to the first, inclusive; frequency and monetary: 5 from the fourth).",
        "",
        "Tiers (--tiers, three tiers, best first): pareto:80,15 the fewest customers holding 80%% of the value, "
            + "then the next 15%%; quantile:20,30 the top 20%% of customers by monetary, then the next 30%%; "
            + "monetary:1000,200 (or frequency:X,Y, or score:X,Y on R+F+M) at or above the first number, else "
            + "the second.",
        "",
        "Every good row is used. A bad row (too few fields, no customer, a date not in --date-format, an amount "
            + "that is no number) is skipped, named by file, row, line and column on standard error (the first "
            + "20) and in --rejected (all), and the exit code is 1 with every output written. Columns are header "
            + "names, or numbers from 1. Amounts are in --currency-code (default USD), or in the --currency "
            + "column, which must then hold one currency: run one currency at a time."},
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    footerHeading = "%nExamples:%n",
    footer = {
        "  CDNOW_sample.txt (no header; sample customer id, date yyyyMMdd and dollars in columns 2, 3, 5):",
        "  crmkit rfm CDNOW_sample.txt -d whitespace --no-header --customer 2 --date 3 --amount 5 \\",
        "    --date-format yyyyMMdd --tiers pareto:80,15 --tier-labels vip-regular-potential",
        "",
        "  The last year of a sales export in euros, scored against fixed boundaries:",
        "  crmkit rfm sales.csv --customer client --date day --amount total --currency-code EUR \\",
        "    --as-of 2025-07-01 --window 365 --scoring thresholds --recency-thresholds 30,90,180,270 \\",
        "    --frequency-thresholds 2,3,5,8 --monetary-thresholds 50,150,400,1000 --tiers monetary:1000,300"})
final class RfmCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private QuietOption quiet;

  @Parameters(index = "0", paramLabel = "INPUT", description = "The transactions file, one purchase a row.")
  private Path input;

  @Mixin
  private TransactionOptions file;

  @Option(names = "--currency-code", paramLabel = "CODE",
      description = "The currency of every amount when INPUT has no --currency column (default: USD).")
  private String currencyCode;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "The day recency is measured to, yyyy-MM-dd; purchases on it and later are left out "
          + "(default: the day after the last purchase in INPUT).")
  private String asOf;

  @Option(names = "--window", paramLabel = "DAYS",
      description = "Count only the purchases of the last DAYS days before --as-of (default: all before it).")
  private Integer window;

  @Option(names = "--scoring", paramLabel = "quintile|thresholds", defaultValue = "quintile",
      description = "How figures become scores 1..5 (default: ${DEFAULT-VALUE}).")
  private String scoring;

  @Option(names = "--recency-thresholds", paramLabel = "DAYS", split = ",",
      description = "With --scoring thresholds: four ascending day counts, such as 30,90,180,365.")
  private List<Long> recencyThresholds;

  @Option(names = "--frequency-thresholds", paramLabel = "N", split = ",",
      description = "With --scoring thresholds: four ascending purchase-day counts, such as 2,3,5,8.")
  private List<Integer> frequencyThresholds;

  @Option(names = "--monetary-thresholds", paramLabel = "AMOUNT", split = ",",
      description = "With --scoring thresholds: four ascending amounts, such as 50,150,400,1000.")
  private List<BigDecimal> monetaryThresholds;

  @Option(names = "--monetary", paramLabel = "total|mean", defaultValue = "total",
      description = "M: the net total in the window, or its mean per purchase day (default: ${DEFAULT-VALUE}).")
  private String monetary;

  @Option(names = "--tiers", paramLabel = "SPEC", defaultValue = TierOption.DEFAULT,
      description = "pareto:A,B, quantile:A,B (percentages), or monetary|frequency|score:X,Y (default: ${DEFAULT-VALUE}).")
  private String tiers;

  @Option(names = "--tier-labels", paramLabel = "NAMES", defaultValue = "high-medium-low",
      description = "high-medium-low or vip-regular-potential (default: ${DEFAULT-VALUE}).")
  private String tierLabels;

  @Option(names = "--out", paramLabel = "FILE", description = "Where the customers go (default: INPUT's name with .rfm.csv).")
  private Path out;

  @Override
  public Integer call() {
    long started = System.nanoTime();
    PrintWriter err = spec.commandLine().getErr();
    TransactionFormat format = file.format();
    if (format.currency().isPresent() && currencyCode != null) {
      throw CliException.usage("give --currency (a column) or --currency-code (one currency), not both");
    }
    Optional<LocalDate> givenAsOf = Optional.ofNullable(asOf).map(RfmCommand::day);
    if (window != null && window < 1) {
      throw CliException.usage("--window must be 1 day or more, not " + window);
    }
    RfmScoring scores = scoring();
    MonetaryMeasure measure = measure();
    TierOption tiering = TierOption.parse(tiers, tierLabels);
    Path customersFile = out != null ? out : OutputFiles.beside(input, ".rfm.csv");
    OutputFiles.distinct().input("INPUT", input).output("--out", customersFile)
        .output("--rejected", file.rejectedFile(input)).check();

    try (Progress progress = Progress.forTerminal(quiet.quiet, err)) {
      TransactionOptions.Read reading = file.read(input, format, progress, err);
      List<Transaction> transactions = reading.contents().transactions();
      CurrencyUnit currency = currency(transactions);
      LocalDate last = transactions.stream().map(Transaction::date).max(LocalDate::compareTo).orElseThrow();
      LocalDate day = givenAsOf.orElse(last.plusDays(1));
      TimeRange range = window == null ? TimeRange.until(FileCustomers.startOf(day))
          : TimeRange.between(FileCustomers.startOf(day.minusDays(window)), FileCustomers.startOf(day));
      FileCustomers customers = FileCustomers.tally(transactions, currency, range, progress);

      progress.start(String.format(Locale.ROOT, "scoring %,d customers", customers.summaries().size()));
      RfmResult result = RfmAnalysis.builder().currency(CurrencyPolicy.only(currency)).monetary(measure)
          .scoring(scores).build().analyse(customers.summaries());
      if (result.customers().isEmpty()) {
        throw CliException.badInput(input + ": nobody to score, no customer has a purchase in the window ("
            + windowText(day) + ")");
      }
      List<TierAssignment> assigned = tiering.tiering().assign(result.customers());
      progress.finish("done");

      List<Map.Entry<String, String>> settings = new ArrayList<>();
      settings.add(Map.entry("as of", day + (givenAsOf.isPresent() ? "" : " (the day after the last purchase, " + last
          + ")")));
      settings.add(Map.entry("window", windowText(day)));
      settings.add(Map.entry("scoring", scoringText(scores) + "; monetary " + measure.name().toLowerCase(Locale.ROOT)
          + " in " + currency));
      settings.add(Map.entry("tiers", tiering.text() + " " + tiering.labels().tiers()));
      RfmReport report = new RfmReport(reading.contents(), customers, result, assigned, settings);
      report.writeCustomers(customersFile, progress);
      report.print(spec.commandLine().getOut(), customersFile, reading.rejectedFile(),
          Duration.ofNanos(System.nanoTime() - started));
      return reading.contents().rejections().isEmpty() ? ExitCodes.DONE : ExitCodes.BAD_INPUT;
    }
  }

  private RfmScoring scoring() {
    boolean anyThreshold = recencyThresholds != null || frequencyThresholds != null || monetaryThresholds != null;
    switch (scoring.strip().toLowerCase(Locale.ROOT)) {
      case "quintile", "quintiles" -> {
        if (anyThreshold) {
          throw CliException.usage("threshold options need --scoring thresholds");
        }
        return RfmScoring.quintiles();
      }
      case "thresholds", "threshold" -> {
        List<Duration> recency = four("--recency-thresholds", recencyThresholds).stream().map(Duration::ofDays).toList();
        return RfmScoring.thresholds(recency, four("--frequency-thresholds", frequencyThresholds),
            four("--monetary-thresholds", monetaryThresholds));
      }
      default -> throw CliException.usage("--scoring must be quintile or thresholds, not " + scoring);
    }
  }

  /** The four boundaries {@code option} gives, checked here so that the message shows them as given. */
  private static <T extends Comparable<? super T>> List<T> four(String option, List<T> boundaries) {
    if (boundaries == null || boundaries.size() != 4) {
      throw CliException.usage("--scoring thresholds needs four boundaries in " + option + ", such as "
          + (option.startsWith("--recency") ? "30,90,180,365" : option.startsWith("--frequency") ? "2,3,5,8"
          : "50,150,400,1000") + (boundaries == null ? "" : ", not " + boundaries.size()));
    }
    for (int i = 1; i < boundaries.size(); i++) {
      if (boundaries.get(i - 1).compareTo(boundaries.get(i)) >= 0) {
        throw CliException.usage(option + " must be strictly ascending, not " + boundaries.stream().map(String::valueOf)
            .collect(Collectors.joining(",")));
      }
    }
    return boundaries;
  }

  private MonetaryMeasure measure() {
    return switch (monetary.strip().toLowerCase(Locale.ROOT)) {
      case "total" -> MonetaryMeasure.TOTAL;
      case "mean" -> MonetaryMeasure.MEAN_PER_OCCASION;
      default -> throw CliException.usage("--monetary must be total or mean, not " + monetary);
    };
  }

  /** The analysis currency: the file's one currency, or --currency-code, or USD. */
  private CurrencyUnit currency(List<Transaction> transactions) {
    Set<String> codes = new TreeSet<>();
    transactions.forEach(transaction -> codes.add(transaction.currency()));
    codes.remove(Transaction.UNSTATED);
    if (codes.size() > 1) {
      throw CliException.badInput(input + " has amounts in " + String.join(", ", codes)
          + ": RFM adds up one currency; run one currency at a time");
    }
    String code = codes.isEmpty() ? Optional.ofNullable(currencyCode).map(String::strip).orElse("USD")
        : codes.iterator().next();
    try {
      return CurrencyUnit.of(code.toUpperCase(Locale.ROOT));
    } catch (IllegalCurrencyException e) {
      if (codes.isEmpty()) {
        throw CliException.usage("--currency-code " + code + " is not an ISO 4217 code such as USD or EUR");
      }
      throw CliException.badInput(input + ": the currency " + code + " is not an ISO 4217 code such as USD or EUR");
    }
  }

  private String windowText(LocalDate day) {
    return window == null ? "every purchase before " + day
        : window + " days, " + day.minusDays(window) + " up to " + day.minusDays(1);
  }

  private static String scoringText(RfmScoring scoring) {
    return scoring instanceof RfmScoring.Thresholds t
        ? "thresholds (recency days " + t.recency().stream().map(Duration::toDays).toList() + ", frequency "
            + t.frequency() + ", monetary " + t.monetary() + ")"
        : "quintiles";
  }

  private static LocalDate day(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw CliException.usage("--as-of " + text + " is not a date in the format yyyy-MM-dd");
    }
  }
}
