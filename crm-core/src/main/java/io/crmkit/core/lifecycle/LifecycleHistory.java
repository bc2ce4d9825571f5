package io.crmkit.core.lifecycle;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.customer.CustomerId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Port: every stage move of every customer, as {@link HistoryEntry history entries} appended in the transaction that moves the customer.
 * Adapters must pass {@code LifecycleHistoryContract} from crm-testkit.
 *
 * <p>An entry is identified by its customer and {@link HistoryEntry#customerVersion()}. Appending is
 * idempotent: appending an identical entry again does nothing, so a retried unit of work is safe.
 * Every method may also throw {@link CrmStorageException}.
 *
 * <p>A JDBC adapter stores one row per entry, primary key {@code (customer_id, customer_version)},
 * with an index on {@code at} for period queries.
 */
public interface LifecycleHistory {

  /**
   * Stores {@code entry}.
   *
   * @throws DuplicateKeyException if another entry with the same customer and version but different
   *     content exists; nothing is written
   */
  void append(HistoryEntry entry);

  /** The customer's entries, oldest first (by customer version); empty if none. */
  List<HistoryEntry> forCustomer(CustomerId customerId);

  /** The customer's newest entry (highest customer version), if any. */
  Optional<HistoryEntry> latest(CustomerId customerId);

  /**
   * The newest entry of each of {@code customerIds} that has one: the bulk read of batch
   * evaluation, one query per chunk of customers.
   */
  Map<CustomerId, HistoryEntry> latest(Collection<CustomerId> customerIds);

  /**
   * Every entry whose {@link HistoryEntry#at()} lies in {@code range}, ordered by customer id (in
   * {@link CustomerId}'s order, as databases order UUIDs), then customer version, read lazily so
   * that per-customer folds run in constant memory. Close the stream (try-with-resources).
   */
  Stream<HistoryEntry> stream(TimeRange range);
}
