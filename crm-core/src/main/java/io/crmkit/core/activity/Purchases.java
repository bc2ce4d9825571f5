package io.crmkit.core.activity;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Port: the purchase store. Adapters pass {@code PurchasesContract} and
 * {@code PurchaseSummariesContract} from crm-testkit.
 */
public interface Purchases extends ActivityLog<Purchase> {

  /**
   * The purchase figures of each of {@code customerIds} as of {@code asOf}: the bulk read of batch
   * lifecycle evaluation, RFM and lifetime value. For every id the summary equals
   * {@link PurchaseSummary#of PurchaseSummary.of(id, forCustomer(id, TimeRange.until(asOf)), asOf)}:
   * purchases strictly before {@code asOf}, refunds as {@link PurchaseSummary} describes.
   *
   * <p>Every distinct id is in the result, a customer without purchases (or an id no customer
   * has) with an {@link PurchaseSummary#none empty summary}, so callers never test for absence.
   * Repeated ids are read once. Any number of ids may be passed: adapters split them into chunks.
   *
   * <p>This default reads each customer's purchases one by one; adapters over a database override
   * it with one set-at-a-time query per chunk of customers (the JDBC adapter does).
   *
   * @return a map holding exactly the distinct {@code customerIds}
   * @throws NullPointerException if {@code customerIds}, one of them, or {@code asOf} is null
   */
  default Map<CustomerId, PurchaseSummary> summaries(Collection<CustomerId> customerIds, Instant asOf) {
    Objects.requireNonNull(customerIds, "customerIds");
    Objects.requireNonNull(asOf, "asOf");
    Map<CustomerId, PurchaseSummary> summaries = new LinkedHashMap<>();
    for (CustomerId id : customerIds) {
      Objects.requireNonNull(id, "customerId");
      if (!summaries.containsKey(id)) {
        List<Purchase> before = asOf.equals(Instant.MIN) ? List.of() : forCustomer(id, TimeRange.until(asOf));
        summaries.put(id, PurchaseSummary.of(id, before, asOf));
      }
    }
    return summaries;
  }

  /**
   * The purchase figures of each of {@code customerIds} within {@code window}: purchases from its
   * start (the whole history if that is {@link Instant#MIN}) up to but excluding its end, which is
   * each summary's {@code asOf}; the window's start is each summary's {@link PurchaseSummary#since()}.
   * For RFM over a period ("the last twelve months as of today"). For every id the summary equals
   * {@link PurchaseSummary#of(CustomerId, Collection, TimeRange) PurchaseSummary.of(id,
   * forCustomer(id, window), window)}; otherwise as {@link #summaries(Collection, Instant)}.
   *
   * <p>This default reads each customer's purchases one by one; crmkit's adapters override it with
   * the same set-at-a-time query per chunk as the whole-history read.
   *
   * @return a map holding exactly the distinct {@code customerIds}
   * @throws NullPointerException if {@code customerIds}, one of them, or {@code window} is null
   */
  default Map<CustomerId, PurchaseSummary> summaries(Collection<CustomerId> customerIds, TimeRange window) {
    Objects.requireNonNull(customerIds, "customerIds");
    Objects.requireNonNull(window, "window");
    Map<CustomerId, PurchaseSummary> summaries = new LinkedHashMap<>();
    for (CustomerId id : customerIds) {
      Objects.requireNonNull(id, "customerId");
      if (!summaries.containsKey(id)) {
        summaries.put(id, PurchaseSummary.of(id, forCustomer(id, window), window));
      }
    }
    return summaries;
  }
}
