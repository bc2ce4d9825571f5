package io.crmkit.core.quality;

import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Interactions;
import io.crmkit.core.activity.PurchaseSummary;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.store.CrmStore;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Role: when each customer was last in contact (bought something or had an interaction), read a
 * chunk of customers at a time so that {@link DataQuality} stays in constant memory. Implement it
 * over your own activity source, or take {@link #of(Purchases, Interactions)}.
 */
@FunctionalInterface
public interface LastContacts {

  /**
   * The latest contact strictly before {@code asOf} of each of {@code customerIds}; a customer
   * without one is absent from the map.
   *
   * @throws NullPointerException if an argument is null
   */
  Map<CustomerId, Instant> lastContacts(Collection<CustomerId> customerIds, Instant asOf);

  /**
   * The later of the last purchase (one bulk {@link Purchases#summaries} read per chunk) and the
   * last interaction (read per customer, since {@link Interactions} has no bulk read).
   *
   * @throws NullPointerException if an argument is null
   */
  static LastContacts of(Purchases purchases, Interactions interactions) {
    Require.notNull(purchases, "purchases");
    Require.notNull(interactions, "interactions");
    return (customerIds, asOf) -> {
      Require.notNull(customerIds, "customerIds");
      Require.notNull(asOf, "asOf");
      Map<CustomerId, Instant> last = new HashMap<>();
      for (PurchaseSummary summary : purchases.summaries(customerIds, asOf).values()) {
        summary.lastPurchaseAt().ifPresent(at -> last.put(summary.customerId(), at));
      }
      TimeRange before = TimeRange.until(asOf);
      for (CustomerId id : customerIds) {
        interactions.forCustomer(id, before).stream().map(Interaction::occurredAt).max(Instant::compareTo)
            .ifPresent(at -> last.merge(id, at, (a, b) -> a.isAfter(b) ? a : b));
      }
      return last;
    };
  }

  /**
   * The store's own purchases and interactions, as {@link #of(Purchases, Interactions)}.
   *
   * @throws NullPointerException if {@code store} is null
   */
  static LastContacts of(CrmStore store) {
    Require.notNull(store, "store");
    return of(store.purchases(), store.interactions());
  }
}
