package io.crmkit.core.lifecycle;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Port: every stage move of every customer, as {@link HistoryEntry history entries} appended in the transaction that moves the customer.
 * Adapters must pass {@code LifecycleHistoryContract} from crm-testkit.
 *
 * <p>An entry is identified by its customer, its {@link HistoryEntry#origin() origin} and {@link
 * HistoryEntry#customerVersion()}. Appending is idempotent: appending an identical entry again does
 * nothing, so a retried unit of work is safe. Every method may also throw {@link CrmStorageException}.
 *
 * <p><b>Merges.</b> When a merge absorbs a customer, {@link #move(CustomerId, CustomerId)} moves
 * every entry kept under it to the survivor, in the merge's transaction, so that the survivor's
 * history tells the whole story; each entry keeps its origin and version, so it never collides with
 * the survivor's own entries and never becomes the survivor's {@link #latest latest} move. An
 * unmerge moves them back with {@link #move(Collection, CustomerId, CustomerId)}.
 *
 * <p>A JDBC adapter stores one row per entry, primary key {@code (customer_id, origin_customer_id,
 * customer_version)}, with an index on {@code at} for period queries.
 */
public interface LifecycleHistory {

  /**
   * Stores {@code entry}.
   *
   * @throws DuplicateKeyException if another entry with the same customer and version but different
   *     content exists; nothing is written
   */
  void append(HistoryEntry entry);

  /**
   * Stores {@code entries}, in order, as {@link #append} does each: for a batch of moves, which an
   * adapter may write set at a time. Every entry is written or, if one fails, none (the store's
   * unit of work).
   *
   * @throws DuplicateKeyException as {@link #append} does for any of them
   */
  default void appendAll(List<HistoryEntry> entries) {
    entries.forEach(this::append);
  }

  /**
   * Every entry kept under the customer, its own and those merges moved to it, oldest first: by
   * {@link HistoryEntry#at()}, then origin (in {@link CustomerId}'s order), then version. Empty if
   * none. A customer's own entries are in version order, since each move is dated no earlier than
   * the one before.
   */
  List<HistoryEntry> forCustomer(CustomerId customerId);

  /**
   * The customer's newest own entry (highest customer version among the entries whose origin is
   * the customer), if any: entries a merge moved to the customer are never its latest move, since
   * the customer keeps its own stage.
   */
  Optional<HistoryEntry> latest(CustomerId customerId);

  /**
   * The newest own entry of each of {@code customerIds} that has one, as {@link #latest(CustomerId)}:
   * the bulk read of batch evaluation, one query per chunk of customers.
   */
  Map<CustomerId, HistoryEntry> latest(Collection<CustomerId> customerIds);

  /**
   * Every entry whose {@link HistoryEntry#at()} lies in {@code range}, moved ones included, ordered
   * by customer id (in {@link CustomerId}'s order, as databases order UUIDs), then origin, then
   * customer version, read lazily so that per-customer folds run in constant memory; a fold over
   * one customer's own moves skips the {@link HistoryEntry#moved() moved} entries. Close the stream
   * (try-with-resources).
   */
  Stream<HistoryEntry> stream(TimeRange range);

  /**
   * Moves every entry kept under {@code from} (its own and those moved to it before) to be kept
   * under {@code to}, each keeping its origin, version and content: what a merge does with an
   * absorbed customer's history. Joins the caller's transaction.
   *
   * @return the entries moved, as they were under {@code from}, in {@link #forCustomer} order
   * @throws IllegalArgumentException if {@code from} and {@code to} are the same customer
   * @throws DuplicateKeyException if {@code to} already keeps an entry of the same origin and
   *     version as one of them; nothing is moved
   */
  List<HistoryEntry> move(CustomerId from, CustomerId to);

  /**
   * {@link #move(CustomerId, CustomerId)} of each customer's entries, from each key of {@code
   * moves} to its value: what merging many clusters at once does. Joins the caller's transaction.
   * The default moves one customer's entries after the other; adapters move many at once.
   *
   * @return the entries moved from each customer of {@code moves} (empty if it kept none), as
   *     {@link #move(CustomerId, CustomerId)} returns them
   * @throws IllegalArgumentException if a customer is moved to itself, or is both moved from and to
   * @throws DuplicateKeyException as {@link #move(CustomerId, CustomerId)}
   */
  default Map<CustomerId, List<HistoryEntry>> move(Map<CustomerId, CustomerId> moves) {
    Require.disjointMoves(moves);
    Map<CustomerId, List<HistoryEntry>> moved = new LinkedHashMap<>();
    moves.forEach((from, to) -> moved.put(from, move(from, to)));
    return moved;
  }

  /**
   * Moves the listed entries, those of them now kept under {@code from}, to be kept under {@code
   * to}: the way back of {@link #move(CustomerId, CustomerId)}. An entry is found by its origin and
   * version; what else it says is not compared. Joins the caller's transaction.
   *
   * @return how many moved; fewer than listed if some are not kept under {@code from}
   * @throws IllegalArgumentException if {@code from} and {@code to} are the same customer
   * @throws DuplicateKeyException if {@code to} already keeps an entry of the same origin and
   *     version as one of them; nothing is moved
   */
  int move(Collection<HistoryEntry> entries, CustomerId from, CustomerId to);

  /**
   * Drops the reason of every entry kept under the customer or originating from it (moved to a
   * survivor by a merge): a reason is free text and may hold the customer's personal data, so a
   * customer's erasure removes it; the moves themselves (stages, trigger, time, actor) stay. Joins
   * the caller's transaction.
   *
   * @return how many entries lost a reason
   */
  int redactReasons(CustomerId customerId);
}
