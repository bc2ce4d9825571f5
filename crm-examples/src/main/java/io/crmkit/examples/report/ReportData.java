package io.crmkit.examples.report;

import io.crmkit.core.dimension.BuiltInSchemes;
import io.crmkit.core.dimension.Dimensions;
import io.crmkit.core.quality.DataQuality;
import io.crmkit.core.quality.QualityReport;
import io.crmkit.core.store.CrmStore;
import io.crmkit.io.CrmStores;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The figures of one HTML report, read from a store as of one instant and kept apart from how
 * they are drawn ({@link HtmlReport}), so that a test can check each chart against them and a page
 * can be rendered from figures that did not come from a store.
 *
 * <p>Labels (tier names, stage names, rule names) are data, and may come from customers' own
 * systems: the page treats every one as untrusted text.
 *
 * @param asOf the instant the report describes: recency is measured to it, later purchases left out
 * @param customers how many customers the store holds
 * @param tiers customers per value tier, most customers first, those without a tier as {@link #NO_TIER}
 * @param stages customers per lifecycle stage, in the lifecycle's order, then any other stage found
 * @param rfm the recency × frequency grid of the customers who bought before {@code asOf}
 * @param duplicates what deduplication found: merges, review queue, cluster sizes
 * @param quality the data-quality measurement of every customer, as of {@code asOf} or now, whichever is later
 */
public record ReportData(Instant asOf, long customers, List<Count> tiers, List<Count> stages, Rfm rfm,
    Duplicates duplicates, QualityReport quality) {

  /** The label of the customers no tiering policy has assigned a tier (not an upper-case tier name). */
  public static final String NO_TIER = "no tier";

  /** @throws NullPointerException if an argument is null */
  public ReportData {
    Objects.requireNonNull(asOf, "asOf");
    tiers = List.copyOf(tiers);
    stages = List.copyOf(stages);
    Objects.requireNonNull(rfm, "rfm");
    Objects.requireNonNull(duplicates, "duplicates");
    Objects.requireNonNull(quality, "quality");
  }

  /**
   * Reads every figure from {@code stores} as of {@code asOf}: one pass over the customers, their
   * purchase summaries in chunks, the merge lineage of each customer, the review queue's size and
   * a data-quality measurement. Nothing is written.
   *
   * @throws NullPointerException if an argument is null
   */
  public static ReportData gather(CrmStores stores, Instant asOf) {
    return gather(stores, asOf, Listener.NONE);
  }

  /**
   * As {@link #gather(CrmStores, Instant)}, telling {@code listener} how the reading goes, for a
   * progress bar.
   *
   * @throws NullPointerException if an argument is null
   */
  public static ReportData gather(CrmStores stores, Instant asOf, Listener listener) {
    return new StoreReading(stores, asOf, listener, null).read();
  }

  /**
   * As {@link #gather(CrmStores, Instant)}, with the store's data quality as the caller measured
   * it already (so the page shows the same scores as the caller's own quality report, and the
   * store is not read a second time for them).
   *
   * @throws NullPointerException if an argument is null
   */
  public static ReportData gather(CrmStores stores, Instant asOf, QualityReport quality) {
    return new StoreReading(stores, asOf, Listener.NONE, Objects.requireNonNull(quality, "quality")).read();
  }

  /**
   * The data-quality measurement of every customer in {@code base} that the report and {@code
   * crmkit quality} share, ages measured to {@code clock}: region and customer-type codes checked
   * against the built-in schemes (GB/T 2260, crmkit's customer types).
   */
  public static QualityReport measureQuality(CrmStore base, Clock clock) {
    return DataQuality.builder().clock(clock)
        .scheme(Dimensions.REGION, BuiltInSchemes.gbt2260())
        .scheme(Dimensions.CUSTOMER_TYPE, BuiltInSchemes.customerTypes())
        .build().measure(base);
  }

  /** Hears how the reading of a store goes: which step runs and how many customers it has done. */
  public interface Listener {
    /** Hears nothing. */
    Listener NONE = new Listener() {
      @Override
      public void started(String step) {}

      @Override
      public void advanced(long customers) {}
    };

    /** A step began, such as reading the customers. */
    void started(String step);

    /** The current step has done this many customers. */
    void advanced(long customers);
  }

  /**
   * A label and how many customers it has.
   *
   * @param label what is counted (a tier, a stage, a cluster size)
   * @param customers how many
   */
  public record Count(String label, long customers) {
    /** @throws IllegalArgumentException if the count is negative */
    public Count {
      Objects.requireNonNull(label, "label");
      if (customers < 0) {
        throw new IllegalArgumentException("a count cannot be negative: " + label + " " + customers);
      }
    }
  }

  /**
   * One cell of the RFM grid: the customers with this recency and frequency score.
   *
   * @param recency the R score, 1..5 (5 bought most recently)
   * @param frequency the F score, 1..5 (5 bought most often)
   * @param customers how many customers have both scores
   * @param monetary their monetary values added up, in the analysis currency
   */
  public record RfmCell(int recency, int frequency, long customers, BigDecimal monetary) {
    /** @throws IllegalArgumentException if a score is outside 1..5 or the count is negative */
    public RfmCell {
      if (recency < 1 || recency > 5 || frequency < 1 || frequency > 5) {
        throw new IllegalArgumentException("RFM scores are 1..5, got R " + recency + " F " + frequency);
      }
      if (customers < 0) {
        throw new IllegalArgumentException("a count cannot be negative: " + customers);
      }
      Objects.requireNonNull(monetary, "monetary");
    }
  }

  /**
   * RFM as of the report's instant, in one currency.
   *
   * @param currency the analysis currency (the one most customers bought in); empty when nobody bought
   * @param scored customers with a purchase before the report's instant, in {@code currency}
   * @param withoutPurchases customers without one
   * @param otherCurrencies customers left out because they bought in another currency or in several
   * @param cells all 25 cells, recency 5 to 1, each with frequency 1 to 5
   * @param segments customers per RFM segment, most customers first
   */
  public record Rfm(String currency, long scored, long withoutPurchases, long otherCurrencies, List<RfmCell> cells,
      List<Count> segments) {
    /** @throws IllegalArgumentException unless there are 25 cells */
    public Rfm {
      Objects.requireNonNull(currency, "currency");
      cells = List.copyOf(cells);
      segments = List.copyOf(segments);
      if (cells.size() != 25) {
        throw new IllegalArgumentException("the RFM grid has 25 cells, got " + cells.size());
      }
    }

    /** The cell of these scores. */
    public RfmCell cell(int recency, int frequency) {
      return cells.stream().filter(c -> c.recency() == recency && c.frequency() == frequency).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no cell R " + recency + " F " + frequency));
    }
  }

  /**
   * What deduplication found.
   *
   * @param merges merges in effect (not undone)
   * @param undoneMerges merges that were undone
   * @param absorbedCustomers customers the merges in effect absorbed into a golden record
   * @param reviewPending pairs waiting in the review queue for a person's decision
   * @param clusterSizes golden records per number of original records merged into them ("2", "3", ...),
   *     a chain of merges counted as one cluster
   */
  public record Duplicates(long merges, long undoneMerges, long absorbedCustomers, long reviewPending,
      List<Count> clusterSizes) {
    /** @throws NullPointerException if the sizes are null */
    public Duplicates {
      clusterSizes = List.copyOf(clusterSizes);
    }
  }
}
