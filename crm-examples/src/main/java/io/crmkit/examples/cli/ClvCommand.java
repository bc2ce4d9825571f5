package io.crmkit.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.segmentation.clv.BgNbdFitter;
import io.crmkit.segmentation.clv.BgNbdParameters;
import io.crmkit.segmentation.clv.ClvInputs;
import io.crmkit.segmentation.clv.ClvTimeUnit;
import io.crmkit.segmentation.clv.CustomerHistory;
import io.crmkit.segmentation.clv.CustomerValue;
import io.crmkit.segmentation.clv.GammaGammaFitter;
import io.crmkit.segmentation.clv.GammaGammaParameters;
import io.crmkit.segmentation.clv.HoldoutComparison;
import io.crmkit.segmentation.clv.Horizon;
import io.crmkit.segmentation.clv.LifetimeValue;
import io.crmkit.segmentation.clv.ModelFit;
import io.crmkit.segmentation.clv.Transaction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit clv}: fits BG/NBD and Gamma-Gamma to a transactions file as of a calibration end
 * and writes the parameters (JSON) and each customer's predicted value (CSV); with {@code
 * --holdout-end}, also the calibration/holdout comparison. The math is crm-segmentation's
 * {@code io.crmkit.segmentation.clv}; this class reads, checks and writes.
 */
@Command(name = "clv", mixinStandardHelpOptions = true, sortOptions = false,
    headerHeading = "%n", header = "Predict customers' purchases, survival and lifetime value from their transactions.",
    descriptionHeading = "%n",
    description = {
        "Reads INPUT, one purchase a row (customer, date, amount), derives each customer's history as of "
            + "--calibration-end (x repeat purchase days, t_x, T in --time-unit, mean repeat spend; purchases of "
            + "one day are one purchase, the first purchase is not a repeat, refunds are left out), fits BG/NBD "
            + "(purchases and drop-out) and Gamma-Gamma (spend) by maximum likelihood, and writes:",
        "  the parameters with standard errors and log-likelihoods, and whether each fit converged (JSON);",
        "  per customer x, t_x, T, mean repeat spend, P(alive), expected purchases over --horizon, expected "
            + "spend and lifetime value (CSV);",
        "  with --holdout-end, the mean actual and predicted purchases in the holdout per calibration "
            + "frequency 0..7+ (CSV), and the aggregate error in the summary.",
        "",
        "Lifetime value = the expected spend times the sum, over the periods k = 1, 2, ... of the horizon, of the "
            + "purchases expected in period k divided by (1 + rate)^k; a period is --discount-period long.",
        "",
        "Every good row is used. A bad row (too few fields, no customer, a date not in --date-format, an amount "
            + "that is no number) is skipped, named by file, row, line and column on standard error (the first "
            + "20) and in --rejected (all), and the exit code is 1 with every output written. A fit that does not "
            + "converge writes the parameters file with the reason and exits with 1, without customer values. "
            + "Columns are header names, or numbers from 1. Amounts in several currencies (--currency) are "
            + "refused: run one currency at a time."},
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    footerHeading = "%nExamples:%n",
    footer = {
        "  CDNOW_sample.txt (no header; sample customer id, date yyyyMMdd and dollars in columns 2, 3, 5):",
        "  crmkit clv CDNOW_sample.txt -d whitespace --no-header --customer 2 --date 3 --amount 5 \\",
        "    --date-format yyyyMMdd --calibration-end 1997-09-30 --time-unit weeks \\",
        "    --horizon 52 --discount-period 4 --discount-rate 0.01 --holdout-end 1998-06-30",
        "",
        "  A sales export with a header, in GBK:",
        "  crmkit clv sales.csv --encoding GBK --customer 客户编号 --date 日期 --amount 金额 \\",
        "    --calibration-end 2025-06-30 --time-unit days --horizon 360 --discount-period 30 --discount-rate 0.01"})
final class ClvCommand implements Callable<Integer> {
  /** A parameter estimate this large has run off towards infinity (the fitter's edge is e^18, about 6.6e7). */
  private static final double RUNAWAY = 1e6;

  @Spec
  private CommandSpec spec;

  @Mixin
  private QuietOption quiet;

  @Parameters(index = "0", paramLabel = "INPUT", description = "The transactions file, one purchase a row.")
  private Path input;

  @Mixin
  private TransactionOptions file;

  @Option(names = "--calibration-end", paramLabel = "DATE",
      description = "The last day of calibration, yyyy-MM-dd (default: the last purchase date in INPUT).")
  private String calibrationEnd;

  @Option(names = "--time-unit", paramLabel = "days|weeks", defaultValue = "weeks",
      description = "The unit of t_x, T, the horizon and the parameters (default: ${DEFAULT-VALUE}).")
  private String timeUnit;

  @Option(names = "--horizon", paramLabel = "N",
      description = "How far ahead to predict, in time units (default: a year, 52 weeks or 365 days).")
  private Double horizon;

  @Option(names = "--discount-period", paramLabel = "N", defaultValue = "1",
      description = "The length of one discounting period in time units; it must divide the horizon (default: ${DEFAULT-VALUE}).")
  private double discountPeriod;

  @Option(names = "--discount-rate", paramLabel = "RATE", defaultValue = "0",
      description = "The discount rate per period, 0.01 for 1 %% (default: ${DEFAULT-VALUE}).")
  private double discountRate;

  @Option(names = "--penalty", paramLabel = "LAMBDA", defaultValue = "0",
      description = "An L2 penalty on the parameters of both fits, for small or degenerate data (default: ${DEFAULT-VALUE}).")
  private double penalty;

  @Option(names = "--holdout-end", paramLabel = "DATE",
      description = "The last day of a holdout period after the calibration: compare predictions with it.")
  private String holdoutEnd;

  @Option(names = "--parameters", paramLabel = "FILE", description = "Where the parameters go (default: INPUT's name with .clv.json).")
  private Path parameters;

  @Option(names = "--customers", paramLabel = "FILE", description = "Where the customer values go (default: INPUT's name with .clv.csv).")
  private Path customers;

  @Option(names = "--holdout", paramLabel = "FILE", description = "Where the holdout table goes (default: INPUT's name with .holdout.csv).")
  private Path holdout;

  @Override
  public Integer call() {
    long started = System.nanoTime();
    PrintWriter err = spec.commandLine().getErr();
    TransactionFormat format = file.format();
    ClvTimeUnit unit = unit();
    Optional<LocalDate> givenEnd = Optional.ofNullable(calibrationEnd).map(text -> day("--calibration-end", text));
    Optional<LocalDate> holdoutLast = Optional.ofNullable(holdoutEnd).map(text -> day("--holdout-end", text));
    if (holdoutLast.isPresent() && givenEnd.isEmpty()) {
      throw CliException.usage("--holdout-end needs --calibration-end");
    }
    if (holdoutLast.isPresent() && !holdoutLast.get().isAfter(givenEnd.get())) {
      throw CliException.usage("--holdout-end " + holdoutLast.get() + " must be after --calibration-end " + givenEnd.get());
    }
    Horizon valueHorizon = horizon(unit);
    if (!(Double.isFinite(penalty) && penalty >= 0)) {
      throw CliException.usage("--penalty must be 0 or more, not " + penalty);
    }
    Path parametersFile = parameters != null ? parameters : beside(".clv.json");
    Path customersFile = customers != null ? customers : beside(".clv.csv");
    Path holdoutFile = holdoutLast.isEmpty() ? null : holdout != null ? holdout : beside(".holdout.csv");
    OutputFiles.distinct().input("INPUT", input).output("--parameters", parametersFile)
        .output("--customers", customersFile).output("--holdout", holdoutFile)
        .output("--rejected", file.rejectedFile(input)).check();

    try (Progress progress = Progress.forTerminal(quiet.quiet, err)) {
      TransactionOptions.Read reading = file.read(input, format, progress, err);
      TransactionFile.Contents read = reading.contents();
      LocalDate lastPurchase = lastDate(read.transactions());
      LocalDate end = givenEnd.orElse(lastPurchase);
      holdoutLast.filter(last -> last.isAfter(lastPurchase)).ifPresent(last -> err.printf(Locale.ROOT,
          "warning: --holdout-end %s is after the last purchase in %s (%s): the days between count as days "
              + "without purchases%n", last, input.getFileName(), lastPurchase));
      List<CustomerHistory> histories = histories(read.transactions(), end, unit);

      ClvRun run = new ClvRun(read, end, unit, valueHorizon);
      progress.start(String.format(Locale.ROOT, "fitting BG/NBD to %,d customers", histories.size()));
      run.purchases = BgNbdFitter.withPenalty(penalty).fit(histories);
      progress.finish(run.purchases.converged() ? "converged" : "did not converge");
      progress.start("fitting Gamma-Gamma");
      run.spend = spendFit(histories);
      progress.finish(run.spend.converged() ? "converged" : "did not converge");
      ObjectNode json = run.json(input.getFileName().toString());
      if (!run.purchases.converged() || !run.spend.converged()) {
        ClvFiles.writeJson(parametersFile, json);
        throw CliException.badInput(notConverged(run) + "; the parameters and the reason are in " + parametersFile
            + ", no customer values were written" + (penalty == 0 && ranAway(run) ? " (try --penalty 0.01)" : ""));
      }

      LifetimeValue value = new LifetimeValue(run.purchases.parameters(), run.spend.parameters(), valueHorizon);
      progress.start(String.format(Locale.ROOT, "scoring %,d customers", histories.size()));
      run.values = histories.parallelStream().map(value::score).toList();
      progress.finish("done");
      holdoutLast.ifPresent(last -> run.holdout = HoldoutComparison.compare(run.purchases, histories,
          ClvInputs.purchaseDaysBetween(read.transactions(), end, last),
          unit.fromDays(ChronoUnit.DAYS.between(end, last))));

      run.parametersFile = parametersFile;
      run.customersFile = customersFile;
      ClvFiles.writeJson(parametersFile, run.json(input.getFileName().toString()));
      ClvFiles.writeCustomers(run.customersFile, run.values, progress);
      if (run.holdout != null) {
        run.holdoutFile = holdoutFile;
        ClvFiles.writeHoldout(run.holdoutFile, run.holdout);
      }
      run.rejectedFile = reading.rejectedFile().orElse(null);
      run.time = Duration.ofNanos(System.nanoTime() - started);
      run.print(spec.commandLine().getOut());
      return read.rejections().isEmpty() ? ExitCodes.DONE : ExitCodes.BAD_INPUT;
    }
  }

  private ClvTimeUnit unit() {
    return switch (timeUnit.strip().toLowerCase(Locale.ROOT)) {
      case "days", "day" -> ClvTimeUnit.DAYS;
      case "weeks", "week" -> ClvTimeUnit.WEEKS;
      default -> throw CliException.usage("--time-unit must be days or weeks, not " + timeUnit);
    };
  }

  private Horizon horizon(ClvTimeUnit unit) {
    double length = horizon != null ? horizon : unit == ClvTimeUnit.WEEKS ? 52 : 365;
    if (!(Double.isFinite(length) && length > 0)) {
      throw CliException.usage("--horizon must be more than 0, not " + length);
    }
    if (!(Double.isFinite(discountPeriod) && discountPeriod > 0)) {
      throw CliException.usage("--discount-period must be more than 0, not " + discountPeriod);
    }
    if (!(Double.isFinite(discountRate) && discountRate >= 0)) {
      throw CliException.usage("--discount-rate must be 0 or more, not " + discountRate);
    }
    double periods = length / discountPeriod;
    long whole = Math.round(periods);
    if (whole < 1 || Math.abs(periods - whole) > 1e-9 * Math.max(1, periods) || whole > 100_000) {
      throw CliException.usage("--horizon " + length + " must be a whole number (1 to 100000) of --discount-period "
          + discountPeriod);
    }
    return new Horizon((int) whole, discountPeriod, discountRate);
  }

  private static LocalDate day(String option, String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw CliException.usage(option + " " + text + " is not a date in the format yyyy-MM-dd");
    }
  }

  private List<CustomerHistory> histories(List<Transaction> transactions, LocalDate end, ClvTimeUnit unit) {
    List<CustomerHistory> histories;
    try {
      histories = ClvInputs.fromTransactions(transactions, end, unit);
    } catch (IllegalArgumentException e) {
      throw CliException.badInput(input + ": " + e.getMessage());
    }
    if (histories.isEmpty()) {
      throw CliException.badInput(input + ": no customer has a purchase by the calibration end " + end);
    }
    return histories;
  }

  private ModelFit<GammaGammaParameters> spendFit(List<CustomerHistory> histories) {
    try {
      return GammaGammaFitter.withPenalty(penalty).fit(histories);
    } catch (IllegalArgumentException e) {
      throw CliException.badInput(input + ": no customer has a repeat purchase with a positive amount by the "
          + "calibration end, so spend cannot be modelled");
    }
  }

  private static String notConverged(ClvRun run) {
    ModelFit<BgNbdParameters> purchases = run.purchases;
    return !purchases.converged() ? "the BG/NBD fit did not converge: " + purchases.diagnosis()
        : "the Gamma-Gamma fit did not converge: " + run.spend.diagnosis();
  }

  /**
   * Whether a fit that did not converge has a parameter running off to infinity, which an L2
   * penalty (pulling every parameter towards 0) holds back; it cannot help one running to 0.
   */
  private static boolean ranAway(ClvRun run) {
    return Stream.of(run.purchases, run.spend).filter(fit -> !fit.converged())
        .flatMap(fit -> fit.estimates().stream()).anyMatch(estimate -> !(estimate.value() < RUNAWAY));
  }

  private static LocalDate lastDate(List<Transaction> transactions) {
    return transactions.stream().map(Transaction::date).max(LocalDate::compareTo).orElseThrow();
  }

  private Path beside(String suffix) {
    return OutputFiles.beside(input, suffix);
  }
}
