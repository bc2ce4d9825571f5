package io.crmkit.segmentation.rfm;

import io.crmkit.core.activity.PurchaseSummary;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.CurrencyUnit;

/**
 * Computes RFM figures, scores and segments for a population of customers as of a date.
 *
 * <p><b>Figures.</b> Recency is the time from the latest purchase to the as-of instant; frequency
 * the purchase occasions (UTC days with a purchase) in the window; monetary the
 * {@link MonetaryMeasure} of the window's amounts in the analysis currency ({@link CurrencyPolicy}).
 * <b>Refunds</b> (negative amounts) lower the monetary value of the window they happened in, and
 * change neither recency nor frequency (a refund is not a visit). A customer without a purchase in
 * the window (nothing, or refunds only) has no recency: they are not scored, and are listed in
 * {@link RfmResult#withoutPurchases()} so that no one is lost silently.
 *
 * <p><b>Reading.</b> {@link #analyse(Purchases, Iterable, TimeRange)} asks the store for summaries
 * {@value #CHUNK} customers at a time ({@link Purchases#summaries(Collection, TimeRange)}, one
 * statement per chunk on a database) and keeps only each customer's three figures, so a store of
 * millions is never read customer by customer. For purchases from a file, build the summaries with
 * {@link PurchaseSummary.Tally} and call {@link #analyse(Collection)}.
 *
 * <p>Immutable and thread-safe, given thread-safe {@link ExchangeRates}.
 */
public final class RfmAnalysis {
  /** Customers per bulk summary read. */
  public static final int CHUNK = 1_000;

  private final CurrencyPolicy currency;
  private final MonetaryMeasure measure;
  private final RfmScoring scoring;
  private final SegmentMap segments;

  private RfmAnalysis(Builder builder) {
    this.currency = Require.notNull(builder.currency, "currency");
    this.measure = builder.measure;
    this.scoring = builder.scoring;
    this.segments = builder.segments;
  }

  /** An analysis to configure: the currency is required; quintiles, total spend and the standard map by default. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The figures of one customer, empty when they bought nothing in the summary's window.
   *
   * @throws CurrencyMismatchException if an amount is in a currency the policy cannot express
   */
  public Optional<RfmValues> values(PurchaseSummary summary) {
    Objects.requireNonNull(summary, "summary");
    if (summary.occasions() == 0) {
      return Optional.empty();
    }
    BigDecimal monetary = currency.netTotal(summary);
    if (measure == MonetaryMeasure.MEAN_PER_OCCASION) {
      monetary = monetary.divide(BigDecimal.valueOf(summary.occasions()), currency.currency().getDecimalPlaces(),
          RoundingMode.HALF_EVEN);
    }
    Duration recency = summary.sinceLastPurchase().orElseThrow();
    return Optional.of(new RfmValues(summary.customerId(), recency, summary.occasions(), monetary));
  }

  /**
   * Scores the customers of {@code summaries}, which must share one as-of instant (the result's
   * {@code asOf}; {@link Instant#EPOCH} when there are no summaries).
   *
   * @throws IllegalArgumentException if the summaries have different as-of instants or a customer twice
   * @throws CurrencyMismatchException if an amount is in a currency the policy cannot express
   */
  public RfmResult analyse(Collection<PurchaseSummary> summaries) {
    Objects.requireNonNull(summaries, "summaries");
    Instant asOf = summaries.isEmpty() ? Instant.EPOCH : summaries.iterator().next().asOf();
    Population population = new Population();
    for (PurchaseSummary summary : summaries) {
      Require.argument(summary.asOf().equals(asOf), "every summary must be as of %s, customer %s is as of %s",
          asOf, summary.customerId(), summary.asOf());
      population.add(summary);
    }
    return population.result(asOf);
  }

  /**
   * Reads the purchases of {@code customers} within {@code window} from {@code purchases}, a chunk at
   * a time, and scores them as of the window's end. The ids must be distinct, as a stream of a
   * store's customers is; only the ids of the current chunk are held, so a repeat within a chunk is
   * refused and one further apart would be scored twice.
   *
   * @throws IllegalArgumentException if a chunk names a customer twice
   * @throws CurrencyMismatchException if an amount is in a currency the policy cannot express
   */
  public RfmResult analyse(Purchases purchases, Iterable<CustomerId> customers, TimeRange window) {
    Objects.requireNonNull(purchases, "purchases");
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(window, "window");
    Population population = new Population();
    Iterator<CustomerId> ids = customers.iterator();
    List<CustomerId> chunk = new ArrayList<>(CHUNK);
    while (ids.hasNext()) {
      chunk.add(Objects.requireNonNull(ids.next(), "customer id"));
      if (chunk.size() == CHUNK || !ids.hasNext()) {
        Map<CustomerId, PurchaseSummary> read = purchases.summaries(chunk, window);
        Require.argument(read.size() == chunk.size(), "customers must be distinct; a chunk of %s named %s",
            chunk.size(), read.size());
        read.values().forEach(population::add);
        chunk.clear();
      }
    }
    return population.result(window.to());
  }

  /**
   * Groups summaries by the one currency each customer's amounts are in, to run one analysis
   * ({@link CurrencyPolicy#only}) per currency. A customer without any amount is in no group.
   *
   * @throws CurrencyMismatchException for a customer with amounts in several currencies
   */
  public static Map<CurrencyUnit, List<PurchaseSummary>> byCurrency(Collection<PurchaseSummary> summaries) {
    Map<CurrencyUnit, List<PurchaseSummary>> groups = new LinkedHashMap<>();
    for (PurchaseSummary summary : summaries) {
      Collection<CurrencyUnit> currencies = summary.byCurrency().keySet();
      if (currencies.size() > 1) {
        throw new CurrencyMismatchException(summary.customerId(), summary.byCurrency().keySet(),
            "customer " + summary.customerId() + " has amounts in " + currencies + ": grouping by currency needs"
                + " one currency per customer; convert with CurrencyPolicy.convertedTo(currency, rates)");
      }
      currencies.forEach(c -> groups.computeIfAbsent(c, k -> new ArrayList<>()).add(summary));
    }
    return groups;
  }

  /** The customers added so far: their figures, and who had no purchase. */
  private final class Population {
    private final List<RfmValues> values = new ArrayList<>();
    private final List<CustomerId> withoutPurchases = new ArrayList<>();

    void add(PurchaseSummary summary) {
      values(summary).ifPresentOrElse(values::add, () -> withoutPurchases.add(summary.customerId()));
    }

    RfmResult result(Instant asOf) {
      List<RfmScore> scores = scoring.score(values);
      List<RfmResult.CustomerRfm> scored = new ArrayList<>(values.size());
      for (int i = 0; i < values.size(); i++) {
        RfmScore score = scores.get(i);
        scored.add(new RfmResult.CustomerRfm(values.get(i), score, segments.segmentOf(score)));
      }
      return new RfmResult(currency.currency(), asOf, scored, withoutPurchases);
    }
  }

  /** Configures an {@link RfmAnalysis}. Not thread-safe. */
  public static final class Builder {
    private CurrencyPolicy currency;
    private MonetaryMeasure measure = MonetaryMeasure.TOTAL;
    private RfmScoring scoring = RfmScoring.quintiles();
    private SegmentMap segments = SegmentMap.standard();

    private Builder() {}

    /** The currency monetary value is measured in, and what to do with others (required). */
    public Builder currency(CurrencyPolicy currency) {
      this.currency = Objects.requireNonNull(currency, "currency");
      return this;
    }

    /** Which spend figure is M; {@link MonetaryMeasure#TOTAL} by default. */
    public Builder monetary(MonetaryMeasure measure) {
      this.measure = Objects.requireNonNull(measure, "measure");
      return this;
    }

    /** How figures become scores; {@link RfmScoring#quintiles()} by default. */
    public Builder scoring(RfmScoring scoring) {
      this.scoring = Objects.requireNonNull(scoring, "scoring");
      return this;
    }

    /** How scores become segments; {@link SegmentMap#standard()} by default. */
    public Builder segments(SegmentMap segments) {
      this.segments = Objects.requireNonNull(segments, "segments");
      return this;
    }

    /**
     * The analysis.
     *
     * @throws NullPointerException if no currency was given
     */
    public RfmAnalysis build() {
      return new RfmAnalysis(this);
    }
  }
}
