package io.crmkit.examples.report;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.lifecycle.Lifecycle;
import io.crmkit.core.quality.QualityReport;
import io.crmkit.io.CrmStores;
import io.crmkit.segmentation.rfm.CurrencyPolicy;
import io.crmkit.segmentation.rfm.RfmAnalysis;
import io.crmkit.segmentation.rfm.RfmResult;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.joda.money.CurrencyUnit;

/**
 * Reads a {@link ReportData} from a store: one pass over the customers (tiers, stages, their ids
 * and their merge lineage), then their purchase summaries a chunk at a time for RFM, then the
 * review queue and a data-quality measurement. Holds the customer ids and the summaries of the
 * analysis currency, not the customers.
 */
final class StoreReading {
  private final CrmStores stores;
  private final Instant asOf;
  private final ReportData.Listener listener;
  private final QualityReport measured;

  /** @param measured the store's data quality if the caller measured it already, or {@code null} */
  StoreReading(CrmStores stores, Instant asOf, ReportData.Listener listener, QualityReport measured) {
    this.stores = Objects.requireNonNull(stores, "stores");
    this.asOf = Objects.requireNonNull(asOf, "asOf");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.measured = measured;
  }

  ReportData read() {
    Map<String, Long> tiers = new HashMap<>();
    Map<String, Long> stages = new HashMap<>();
    List<CustomerId> ids = new ArrayList<>();
    DuplicateClusters clusters = new DuplicateClusters(stores.dedup().mergeLineage());
    listener.started("reading customers");
    try (Stream<Customer> customers = stores.base().customers().stream(Criteria.all())) {
      customers.forEach(customer -> {
        tiers.merge(customer.tier().map(ValueTier::name).orElse(ReportData.NO_TIER), 1L, Long::sum);
        stages.merge(customer.stage().name(), 1L, Long::sum);
        ids.add(customer.id());
        listener.advanced(ids.size());
      });
    }
    listener.started("reading merge lineage");
    if (!clusters.addAll()) {
      for (int i = 0; i < ids.size(); i++) {
        clusters.visit(ids.get(i));
        listener.advanced(i + 1L);
      }
    }
    ReportData.Rfm rfm = rfm(ids);
    QualityReport quality = measured != null ? measured : measureQuality();
    return new ReportData(asOf, ids.size(), byCountDescending(tiers), inLifecycleOrder(stages), rfm,
        clusters.result(stores.dedup().reviewQueue().pendingCount()), quality);
  }

  /**
   * Data quality as of {@code asOf} or now, whichever is later: the store holds today's customers
   * whatever the report's date, and measured as of a past day, every customer created or changed
   * since would count as stamped in the future.
   */
  private QualityReport measureQuality() {
    listener.started("measuring data quality");
    Instant now = Instant.now();
    return ReportData.measureQuality(stores.base(), Clock.fixed(asOf.isAfter(now) ? asOf : now, ZoneOffset.UTC));
  }

  /** RFM in the currency most customers bought in; customers in another or in several are counted apart. */
  private ReportData.Rfm rfm(List<CustomerId> ids) {
    listener.started("reading purchases");
    SummariesByCurrency summaries = SummariesByCurrency.read(stores.base().purchases(), ids, TimeRange.until(asOf),
        listener::advanced);
    Optional<CurrencyUnit> main = summaries.mostBoughtIn();
    if (main.isEmpty()) {
      return new ReportData.Rfm("", 0, summaries.withoutPurchases(), summaries.buyers(), grid(List.of()), List.of());
    }
    RfmResult result = RfmAnalysis.builder().currency(CurrencyPolicy.only(main.get())).build()
        .analyse(summaries.in(main.get()));
    Map<String, Long> segments = new HashMap<>();
    result.segmentSizes().forEach((segment, size) -> segments.put(segment.name(), size.customers()));
    return new ReportData.Rfm(main.get().getCode(), result.customers().size(),
        summaries.withoutPurchases() + result.withoutPurchases().size(), summaries.otherThan(main.get()),
        grid(result.customers()), byCountDescending(segments));
  }

  /** All 25 cells, recency 5 (best) first, each row frequency 1 to 5. */
  static List<ReportData.RfmCell> grid(List<RfmResult.CustomerRfm> scored) {
    long[][] customers = new long[6][6];
    BigDecimal[][] monetary = new BigDecimal[6][6];
    for (RfmResult.CustomerRfm customer : scored) {
      int r = customer.score().recency();
      int f = customer.score().frequency();
      customers[r][f]++;
      BigDecimal sum = monetary[r][f] == null ? BigDecimal.ZERO : monetary[r][f];
      monetary[r][f] = sum.add(customer.values().monetary());
    }
    List<ReportData.RfmCell> cells = new ArrayList<>(25);
    for (int r = 5; r >= 1; r--) {
      for (int f = 1; f <= 5; f++) {
        cells.add(new ReportData.RfmCell(r, f, customers[r][f],
            monetary[r][f] == null ? BigDecimal.ZERO : monetary[r][f]));
      }
    }
    return cells;
  }

  /** Most customers first, ties by label, so that the page is the same for the same store. */
  static List<ReportData.Count> byCountDescending(Map<String, Long> counts) {
    return new TreeMap<>(counts).entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> new ReportData.Count(e.getKey(), e.getValue())).toList();
  }

  /** The standard lifecycle's stages in order (those with nobody too), then any other stage by name. */
  static List<ReportData.Count> inLifecycleOrder(Map<String, Long> stages) {
    Map<String, Long> ordered = new LinkedHashMap<>();
    for (LifecycleStage stage : Lifecycle.standard().stages()) {
      ordered.put(stage.name(), stages.getOrDefault(stage.name(), 0L));
    }
    new TreeMap<>(stages).forEach(ordered::putIfAbsent);
    return ordered.entrySet().stream().map(e -> new ReportData.Count(e.getKey(), e.getValue())).toList();
  }
}
