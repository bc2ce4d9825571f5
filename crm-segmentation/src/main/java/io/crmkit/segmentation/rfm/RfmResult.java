package io.crmkit.segmentation.rfm;

import io.crmkit.core.customer.CustomerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.joda.money.CurrencyUnit;

/**
 * The outcome of an {@link RfmAnalysis}: every customer asked about is either scored or listed as
 * without purchases, exactly once.
 *
 * @param currency the currency of every monetary value
 * @param asOf the instant recency is measured to
 * @param customers the scored customers, in the order they were read
 * @param withoutPurchases customers with no purchase in the window (nothing, or refunds only)
 */
public record RfmResult(CurrencyUnit currency, Instant asOf, List<CustomerRfm> customers,
    List<CustomerId> withoutPurchases) {

  public RfmResult {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(asOf, "asOf");
    customers = List.copyOf(customers);
    withoutPurchases = List.copyOf(withoutPurchases);
  }

  /** The scored customers by id. */
  public Map<CustomerId, CustomerRfm> byCustomer() {
    Map<CustomerId, CustomerRfm> byId = new LinkedHashMap<>();
    customers.forEach(c -> byId.put(c.customerId(), c));
    return Collections.unmodifiableMap(byId);
  }

  /**
   * Size and value of each segment that has customers, largest first (ties by name): the summary
   * table of an RFM report.
   */
  public Map<RfmSegment, SegmentSize> segmentSizes() {
    Map<RfmSegment, SegmentSize> sizes = new LinkedHashMap<>();
    for (CustomerRfm customer : customers) {
      sizes.merge(customer.segment(), new SegmentSize(1, customer.values().monetary()), SegmentSize::plus);
    }
    Map<RfmSegment, SegmentSize> ordered = new LinkedHashMap<>();
    sizes.entrySet().stream()
        .sorted(Map.Entry.<RfmSegment, SegmentSize>comparingByValue(
            (a, b) -> Long.compare(b.customers(), a.customers())).thenComparing(e -> e.getKey().name()))
        .forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return Collections.unmodifiableMap(ordered);
  }

  /**
   * One scored customer.
   *
   * @param values the raw figures
   * @param score the scores 1..5
   * @param segment the segment of the score in the analysis's map
   */
  public record CustomerRfm(RfmValues values, RfmScore score, RfmSegment segment) {
    public CustomerRfm {
      Objects.requireNonNull(values, "values");
      Objects.requireNonNull(score, "score");
      Objects.requireNonNull(segment, "segment");
    }

    /** Whose figures these are. */
    public CustomerId customerId() {
      return values.customerId();
    }
  }

  /**
   * How many customers a segment holds and their monetary values added up.
   *
   * @param customers at least 1
   * @param monetary the sum of their monetary values
   */
  public record SegmentSize(long customers, BigDecimal monetary) {
    SegmentSize plus(SegmentSize other) {
      return new SegmentSize(customers + other.customers, monetary.add(other.monetary));
    }
  }
}
