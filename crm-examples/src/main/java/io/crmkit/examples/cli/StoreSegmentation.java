package io.crmkit.examples.cli;

import io.crmkit.core.Crm;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.lifecycle.DueMove;
import io.crmkit.core.lifecycle.LifecycleEngine;
import io.crmkit.core.metric.CustomerMetric;
import io.crmkit.core.metric.CustomerMetrics;
import io.crmkit.examples.report.SummariesByCurrency;
import io.crmkit.io.CrmStores;
import io.crmkit.segmentation.clv.BgNbdFitter;
import io.crmkit.segmentation.clv.BgNbdParameters;
import io.crmkit.segmentation.clv.ClvInputs;
import io.crmkit.segmentation.clv.ClvTimeUnit;
import io.crmkit.segmentation.clv.CustomerHistory;
import io.crmkit.segmentation.clv.CustomerValue;
import io.crmkit.segmentation.clv.GammaGammaFitter;
import io.crmkit.segmentation.clv.GammaGammaParameters;
import io.crmkit.segmentation.clv.Horizon;
import io.crmkit.segmentation.clv.LifetimeValue;
import io.crmkit.segmentation.clv.ModelFit;
import io.crmkit.segmentation.rfm.CurrencyPolicy;
import io.crmkit.segmentation.rfm.RfmAnalysis;
import io.crmkit.segmentation.rfm.RfmResult;
import io.crmkit.segmentation.rfm.RfmResult.CustomerRfm;
import io.crmkit.segmentation.tier.TierApplier;
import io.crmkit.segmentation.tier.TierAssignment;
import io.crmkit.segmentation.value.HistoricalValue;
import io.crmkit.segmentation.value.HistoricalValueMetrics;
import io.crmkit.segmentation.value.HistoricalValues;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.joda.money.CurrencyUnit;

/**
 * Segments the customers of a store as of an instant, the work {@code crmkit segment} and {@code
 * crmkit demo} share: RFM over the store's purchase summaries, value tiers written to {@code
 * Customer.tier} ({@link TierApplier}), historical value, BG/NBD and Gamma-Gamma lifetime value
 * when the models can be fitted, every figure recorded per customer through the metric store, and
 * then the lifecycle rules applied. The metric names are what the HTML report reads, so they are
 * constants here and never spelled twice.
 *
 * <p>A run replaces the one before it: customers it does not score lose their tier, and once the
 * run has recorded its metrics, each one is removed from the customers the run did not give it, so
 * a customer scored before but not now, or valued before but not now, keeps nothing of the earlier
 * run. A named currency nobody bought in is refused before anything changes.
 */
final class StoreSegmentation {

  /** RFM recency score, 1..5. */
  static final String RFM_R = "rfm_r";
  /** RFM frequency score, 1..5. */
  static final String RFM_F = "rfm_f";
  /** RFM monetary score, 1..5. */
  static final String RFM_M = "rfm_m";
  /** The RFM segment's name (Champions ... Lost). */
  static final String RFM_SEGMENT = "rfm_segment";
  /** Predicted lifetime value over the next 52 weeks, in the analysis currency. */
  static final String CLV = "clv";
  /** BG/NBD probability that the customer is still buying. */
  static final String P_ALIVE = "p_alive";
  /** The actor recorded on every lifecycle move. */
  static final String ACTOR = "crmkit-segment";

  /**
   * Fewer customers with a repeat purchase than this and lifetime value is not fitted: the models'
   * estimates would say more about chance than about the customers.
   */
  static final int MIN_REPEAT_BUYERS_FOR_CLV = 100;

  /** A year ahead in four-week periods, discounted 1% a period. */
  static final Horizon CLV_HORIZON = new Horizon(13, 4, 0.01);

  private static final int METRIC_BATCH = 10_000;

  private StoreSegmentation() {}

  /**
   * How to segment.
   *
   * @param asOf the instant RFM, value and the lifecycle are measured at (not in the future)
   * @param currency the analysis currency, or empty for the one most customers bought in
   * @param tiers the three value tiers
   */
  record Settings(Instant asOf, Optional<CurrencyUnit> currency, TierOption tiers) {}

  /**
   * What segmenting did.
   *
   * @param customers the store's customers
   * @param currency the analysis currency (empty when none was named and nobody bought anything)
   * @param rfm the RFM scores and segments (empty when there is no analysis currency)
   * @param withoutPurchases customers not scored because they bought nothing before the as-of instant
   *     (refunds only count here too)
   * @param otherCurrencies customers not scored because they bought in another currency, or in several
   * @param tierSizes customers per tier assigned, best first
   * @param tiersWritten the tier applier's report
   * @param tiersRemoved the tiers taken away from customers not scored
   * @param clv the fitted lifetime value, or why it was not fitted
   * @param lifecycle the lifecycle engine's report
   * @param moves the applied lifecycle moves counted by {@code FROM -> TO}
   * @param lifecycleTime how long evaluating and moving took
   */
  record Outcome(long customers, Optional<CurrencyUnit> currency, Optional<RfmResult> rfm, long withoutPurchases,
      long otherCurrencies, Map<ValueTier, Long> tierSizes, TierApplier.Report tiersWritten,
      TierApplier.Report tiersRemoved, ClvOutcome clv, LifecycleEngine.Report lifecycle, Map<String, Long> moves,
      Duration lifecycleTime) {

    /** Customers scored by RFM. */
    long scored() {
      return rfm.map(result -> (long) result.customers().size()).orElse(0L);
    }

    /** Customers whose tier or lifecycle move was refused, so that the exit code can tell. */
    long refused() {
      return tiersWritten.conflicts().size() + tiersWritten.failed().size() + tiersRemoved.conflicts().size()
          + tiersRemoved.failed().size() + lifecycle.rejected().size();
    }

    /** The tables of the summary: tiers, RFM segments, lifecycle moves, lifetime value. */
    void print(PrintWriter out) {
      out.printf(Locale.ROOT, "  customers          %,d, %,d scored (with a purchase before %s)%n", customers, scored(),
          lifecycle.asOf());
      currency.ifPresent(unit -> out.printf(Locale.ROOT, "  currency           %s%n", unit));
      out.printf(Locale.ROOT, "  not scored         %,d without a purchase, %,d in another currency%n", withoutPurchases,
          otherCurrencies);
      out.printf(Locale.ROOT, "%n  %-22s %9s %7s%n", "tier", "customers", "share");
      tierSizes.forEach((tier, count) -> row(out, tier.name(), count, scored()));
      out.printf(Locale.ROOT, "  tiers written      %,d changed, %,d unchanged, %,d conflicts, %,d failed%n",
          tiersWritten.changed().size(), tiersWritten.unchanged().size(), tiersWritten.conflicts().size(),
          tiersWritten.failed().size());
      out.printf(Locale.ROOT, "  tiers removed      %,d (customers not scored), %,d conflicts, %,d failed%n",
          tiersRemoved.changed().size(), tiersRemoved.conflicts().size(), tiersRemoved.failed().size());
      rfm.ifPresent(result -> {
        out.printf(Locale.ROOT, "%n  %-22s %9s %7s%n", "RFM segment", "customers", "share");
        result.segmentSizes().forEach((segment, size) -> row(out, segment.name(), size.customers(), scored()));
      });
      out.printf(Locale.ROOT, "%n  %-24s %9s%n", "lifecycle move", "moves");
      moves.forEach((move, count) -> out.printf(Locale.ROOT, "  %-24s %,9d%n", move, count));
      out.printf(Locale.ROOT, "  %-24s %,9d evaluated, %,d moved, %,d refused%n", "lifecycle",
          lifecycle.customersEvaluated(), lifecycle.applied().size(), lifecycle.rejected().size());
      out.printf(Locale.ROOT, "%n  lifetime value     %s%n", clv.verdict());
    }

    private static void row(PrintWriter out, String name, long count, long all) {
      out.printf(Locale.ROOT, "  %-22s %,9d %6.1f%%%n", name, count, all == 0 ? 0.0 : 100.0 * count / all);
    }
  }

  /**
   * Lifetime value's verdict.
   *
   * @param fitted whether both models converged and the customers were scored
   * @param valued the customers given a {@value #CLV} and a {@value #P_ALIVE} metric
   * @param verdict a sentence for the summary: the parameters, or why nothing was fitted
   */
  record ClvOutcome(boolean fitted, Set<CustomerId> valued, String verdict) {}

  /**
   * Segments every customer of {@code stores}. RFM runs in the analysis currency; a customer who
   * bought in another currency, or in several, is left out of the scoring and counted.
   */
  static Outcome run(CrmStores stores, Settings settings, Clock clock, Progress progress) {
    Instant asOf = settings.asOf();
    Purchases purchases = stores.base().purchases();
    TimeRange window = TimeRange.until(asOf);
    List<CustomerId> ids = customerIds(stores);
    Crm crm = Crm.builder().store(stores.base()).clock(clock).build();

    progress.start(String.format(Locale.ROOT, "RFM of %,d customers", ids.size()));
    SummariesByCurrency summaries = SummariesByCurrency.read(purchases, ids, window, progress::advance);
    Optional<CurrencyUnit> currency = settings.currency().or(summaries::mostBoughtIn);
    Optional<RfmResult> rfm = currency.map(unit -> RfmAnalysis.builder().currency(CurrencyPolicy.only(unit)).build()
        .analyse(summaries.in(unit)));
    long withoutPurchases = summaries.withoutPurchases()
        + rfm.map(result -> result.withoutPurchases().size()).orElse(0);
    long otherCurrencies = currency.map(summaries::otherThan).orElse(summaries.buyers());
    progress.finish(String.format(Locale.ROOT, "%,d scored", rfm.map(result -> result.customers().size()).orElse(0)));
    List<CustomerRfm> scored = rfm.map(RfmResult::customers).orElse(List.of());
    if (settings.currency().isPresent() && scored.isEmpty() && summaries.buyers() > 0) {
      throw CliException.badInput("nobody bought in " + settings.currency().get() + " before " + asOf
          + summaries.mostBoughtIn().map(most -> "; most customers bought in " + most).orElse("")
          + "; nothing was changed");
    }
    Set<CustomerId> scoredIds = new HashSet<>();
    scored.forEach(customer -> scoredIds.add(customer.customerId()));

    progress.start("tiers");
    Map<ValueTier, Long> tierSizes = new LinkedHashMap<>();
    settings.tiers().labels().tiers().forEach(tier -> tierSizes.put(tier, 0L));
    List<TierAssignment> assigned = scored.isEmpty() ? List.of() : settings.tiers().tiering().assign(scored);
    assigned.forEach(assignment -> tierSizes.merge(assignment.tier(), 1L, Long::sum));
    TierApplier applier = TierApplier.builder().crm(crm).build();
    TierApplier.Report tiersWritten = applier.apply(assigned);
    TierApplier.Report tiersRemoved = applier.remove(
        ids.stream().filter(id -> !scoredIds.contains(id)).toList(), "not scored as of " + asOf);
    progress.finish(String.format(Locale.ROOT, "%,d changed, %,d removed", tiersWritten.changed().size(),
        tiersRemoved.changed().size()));

    progress.start("metrics");
    Instant now = clock.instant();
    ClvOutcome clv = new ClvOutcome(false, Set.of(), "not fitted: nobody bought anything before " + asOf);
    Set<CustomerId> valuedHistorically = Set.of();
    if (rfm.isPresent()) {
      CurrencyUnit unit = currency.orElseThrow();
      recordRfm(stores, rfm.get(), now);
      Map<CustomerId, HistoricalValue> values = HistoricalValues.withoutMargin().of(purchases, scoredIds, window);
      HistoricalValueMetrics.in(unit).record(stores.metrics().customerMetrics(), values.values(), now);
      valuedHistorically = values.keySet();
      progress.finish("recorded");

      progress.start("lifetime value");
      clv = lifetimeValue(stores, purchases, window, unit, scoredIds, now);
      progress.finish(clv.verdict());
    } else {
      progress.finish("none to record");
    }
    CustomerMetrics metrics = stores.metrics().customerMetrics();
    removeLeftOver(metrics, List.of(RFM_R, RFM_F, RFM_M, RFM_SEGMENT), ids, scoredIds);
    removeLeftOver(metrics, List.of(HistoricalValueMetrics.VALUE), ids, valuedHistorically);
    removeLeftOver(metrics, List.of(CLV, P_ALIVE), ids, clv.valued());

    long lifecycleStarted = System.nanoTime();
    progress.start("lifecycle");
    LifecycleEngine.Report lifecycle = LifecycleEngine.builder().store(stores.lifecycle()).clock(clock).build()
        .applyAll(asOf, ACTOR);
    Map<String, Long> moves = new TreeMap<>();
    for (DueMove move : lifecycle.applied()) {
      moves.merge(move.from() + " -> " + move.to(), 1L, Long::sum);
    }
    progress.finish(String.format(Locale.ROOT, "%,d moves", lifecycle.applied().size()));
    return new Outcome(ids.size(), currency, rfm, withoutPurchases, otherCurrencies, tierSizes, tiersWritten,
        tiersRemoved, clv, lifecycle, moves, Duration.ofNanos(System.nanoTime() - lifecycleStarted));
  }

  private static List<CustomerId> customerIds(CrmStores stores) {
    try (Stream<CustomerId> ids = stores.base().customers().streamIds(Criteria.all())) {
      return ids.toList();
    }
  }

  /**
   * Removes each of {@code names} from every customer this run did not give it: an earlier run's
   * value. It runs after the run recorded its own, so a run that fails half way leaves at worst
   * some old values beside the new ones, never a store without any.
   */
  private static void removeLeftOver(CustomerMetrics metrics, List<String> names, List<CustomerId> ids,
      Set<CustomerId> written) {
    if (written.isEmpty()) {
      names.forEach(metrics::removeAll);
      return;
    }
    List<CustomerId> others = ids.stream().filter(id -> !written.contains(id)).toList();
    for (String name : names) {
      metrics.find(others, name).keySet().forEach(id -> metrics.remove(id, name));
    }
  }

  private static void recordRfm(CrmStores stores, RfmResult result, Instant now) {
    List<CustomerMetric> batch = new ArrayList<>(METRIC_BATCH);
    for (CustomerRfm customer : result.customers()) {
      CustomerId id = customer.customerId();
      batch.add(CustomerMetric.number(id, RFM_R, customer.score().recency(), now));
      batch.add(CustomerMetric.number(id, RFM_F, customer.score().frequency(), now));
      batch.add(CustomerMetric.number(id, RFM_M, customer.score().monetary(), now));
      batch.add(CustomerMetric.text(id, RFM_SEGMENT, customer.segment().name(), now));
      if (batch.size() >= METRIC_BATCH) {
        stores.metrics().customerMetrics().recordAll(batch);
        batch.clear();
      }
    }
    stores.metrics().customerMetrics().recordAll(batch);
  }

  /**
   * Fits BG/NBD and Gamma-Gamma on the histories of the customers RFM scored, in weeks, and, if both
   * converge, records each one's lifetime value over {@link #CLV_HORIZON} and P(alive).
   */
  private static ClvOutcome lifetimeValue(CrmStores stores, Purchases purchases, TimeRange window, CurrencyUnit unit,
      Set<CustomerId> scoredIds, Instant now) {
    Map<CustomerId, List<Purchase>> byCustomer = new HashMap<>();
    try (Stream<Purchase> all = purchases.stream(window)) {
      all.filter(purchase -> scoredIds.contains(purchase.customerId())
              && purchase.amount().getCurrencyUnit().equals(unit))
          .forEach(purchase -> byCustomer.computeIfAbsent(purchase.customerId(), id -> new ArrayList<>()).add(purchase));
    }
    Map<String, CustomerId> idsByKey = new HashMap<>();
    byCustomer.keySet().forEach(id -> idsByKey.put(id.toString(), id));
    LocalDate calibrationEnd = LocalDate.ofInstant(window.to().minusNanos(1), ZoneOffset.UTC);
    List<CustomerHistory> histories = ClvInputs.fromPurchases(byCustomer, calibrationEnd, ZoneOffset.UTC,
        ClvTimeUnit.WEEKS);
    byCustomer.clear();
    List<CustomerHistory> repeatBuyers = histories.stream().filter(history -> history.frequency() > 0).toList();
    if (repeatBuyers.size() < MIN_REPEAT_BUYERS_FOR_CLV) {
      return new ClvOutcome(false, Set.of(), String.format(Locale.ROOT,
          "not fitted: %,d customers with a repeat purchase, %,d needed", repeatBuyers.size(), MIN_REPEAT_BUYERS_FOR_CLV));
    }
    ModelFit<BgNbdParameters> buying = BgNbdFitter.standard().fit(histories);
    ModelFit<GammaGammaParameters> spending = GammaGammaFitter.standard().fit(repeatBuyers);
    if (!buying.converged() || !spending.converged() || spending.parameters().q() <= 1) {
      String why = !buying.converged() ? "BG/NBD: " + buying.diagnosis()
          : !spending.converged() ? "Gamma-Gamma: " + spending.diagnosis() : "Gamma-Gamma has no finite mean spend";
      return new ClvOutcome(false, Set.of(), "not fitted: " + why);
    }
    LifetimeValue value = new LifetimeValue(buying.parameters(), spending.parameters(), CLV_HORIZON);
    List<CustomerMetric> batch = new ArrayList<>(METRIC_BATCH);
    Set<CustomerId> valued = new HashSet<>();
    for (Iterator<CustomerHistory> it = histories.iterator(); it.hasNext(); ) {
      CustomerHistory history = it.next();
      CustomerValue scored = value.score(history);
      CustomerId id = idsByKey.get(history.customer());
      if (Double.isFinite(scored.lifetimeValue()) && Double.isFinite(scored.probabilityAlive())) {
        batch.add(CustomerMetric.number(id, CLV, scored.lifetimeValue(), now));
        batch.add(CustomerMetric.number(id, P_ALIVE, scored.probabilityAlive(), now));
        valued.add(id);
      }
      if (batch.size() >= METRIC_BATCH || !it.hasNext()) {
        stores.metrics().customerMetrics().recordAll(batch);
        batch.clear();
      }
    }
    // A customer whose values the fitted models cannot give as finite numbers (extreme histories) keeps none.
    return new ClvOutcome(true, valued, String.format(Locale.ROOT,
        "fitted on %,d customers (%,d repeat buyers); %,d valued, %,d without a finite value", histories.size(),
        repeatBuyers.size(), valued.size(), histories.size() - valued.size()));
  }
}
