package io.crmkit.examples.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.joda.money.CurrencyUnit;
import org.joda.money.IllegalCurrencyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit segment}: RFM, value tiers, historical and lifetime value and the lifecycle rules
 * over the customers of a store ({@link StoreSegmentation}), with a summary of tiers, RFM segments
 * and lifecycle moves. What it computes stays in the store: tiers on the customers, figures as
 * metrics, moves in the lifecycle history.
 */
@Command(name = "segment", mixinStandardHelpOptions = true, sortOptions = false,
    headerHeading = "%n", header = "Segment the customers of a store: RFM, tiers, lifetime value, lifecycle.",
    descriptionHeading = "%n",
    description = {
        "Scores every customer with a purchase before --as-of by recency, frequency and monetary value (quintiles, "
            + "the standard eleven segments), puts them in three value tiers (--tiers, written to each customer's "
            + "tier), records per scored customer the metrics rfm_r, rfm_f, rfm_m (1..5), rfm_segment, "
            + "historical_value and, when BG/NBD and Gamma-Gamma can be fitted (100 repeat buyers or more), clv (the "
            + "next 52 weeks, 1%% discount per 4 weeks) and p_alive; then applies the standard lifecycle rules as of "
            + "--as-of.",
        "",
        "The analysis is in one currency (--currency, by default the one most customers bought in): a customer who "
            + "bought in another currency, or in several, is not scored and is counted in the summary.",
        "",
        "Running it again replaces the previous run: these metrics are removed and recorded anew, a customer this "
            + "run does not score loses its tier and keeps none of them, unchanged tiers are not written again, "
            + "and only lifecycle moves that became due are made.",
        "",
        "Exit code 1 when a customer's tier or lifecycle move was refused (each is counted in the summary)."},
    optionListHeading = "%nOptions:%n",
    footerHeading = "%nExamples:%n",
    footer = {
        "  crmkit segment                                   (the embedded database in ./crmkit-data)",
        "  crmkit segment --jdbc-url jdbc:postgresql://localhost:5432/crm --jdbc-user crm \\",
        "    --as-of 2025-07-01 --tiers quantile:20,30 --tier-labels vip-regular-potential"})
final class SegmentCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private QuietOption quiet;

  @Mixin
  private StoreOptions store;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "Measure as of the start of this day (UTC), yyyy-MM-dd, not in the future (default: now).")
  private String asOf;

  @Option(names = "--currency", paramLabel = "CODE",
      description = "The analysis currency, ISO 4217 (default: the currency most customers bought in).")
  private String currency;

  @Option(names = "--tiers", paramLabel = "SPEC", defaultValue = TierOption.DEFAULT,
      description = "pareto:A,B, quantile:A,B (percentages), or monetary|frequency|score:X,Y (default: ${DEFAULT-VALUE}).")
  private String tiers;

  @Option(names = "--tier-labels", paramLabel = "NAMES", defaultValue = "high-medium-low",
      description = "high-medium-low or vip-regular-potential (default: ${DEFAULT-VALUE}).")
  private String tierLabels;

  private final Clock clock;

  SegmentCommand() {
    this(Clock.systemUTC());
  }

  /** With the clock "now" is read from, so that tests can fix it. */
  SegmentCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    long started = System.nanoTime();
    StoreSegmentation.Settings settings = new StoreSegmentation.Settings(asOf(asOf, clock),
        currency(currency), TierOption.parse(tiers, tierLabels));
    PrintWriter out = spec.commandLine().getOut();
    try (StoreOptions.OpenStore open = store.openExisting();
        Progress progress = Progress.forTerminal(quiet.quiet, spec.commandLine().getErr())) {
      StoreSegmentation.Outcome outcome = StoreSegmentation.run(open.stores(), settings, clock, progress);
      out.printf(Locale.ROOT, "crmkit segment: %s%n", store.url);
      out.printf(Locale.ROOT, "  tiers              %s %s%n", settings.tiers().text(), settings.tiers().labels().tiers());
      outcome.print(out);
      out.printf(Locale.ROOT, "  time               %.1f s%n", Duration.ofNanos(System.nanoTime() - started).toMillis()
          / 1000.0);
      out.flush();
      return outcome.refused() == 0 ? ExitCodes.DONE : ExitCodes.BAD_INPUT;
    }
  }

  /**
   * The start of {@code day} (UTC), or now.
   *
   * @throws CliException usage if the day is malformed or in the future
   */
  static Instant asOf(String day, Clock clock) {
    Instant now = clock.instant();
    if (day == null) {
      return now;
    }
    Instant start;
    try {
      start = LocalDate.parse(day.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw CliException.usage("--as-of " + day + " is not a date in the format yyyy-MM-dd");
    }
    if (start.isAfter(now)) {
      throw CliException.usage("--as-of " + day + " is in the future; lifecycle moves are not dated ahead");
    }
    return start;
  }

  /**
   * The currency named, if any.
   *
   * @throws CliException usage if it is no ISO 4217 code
   */
  static Optional<CurrencyUnit> currency(String code) {
    if (code == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(CurrencyUnit.of(code.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalCurrencyException e) {
      throw CliException.usage("--currency " + code + " is not an ISO 4217 code such as CNY or EUR");
    }
  }
}
