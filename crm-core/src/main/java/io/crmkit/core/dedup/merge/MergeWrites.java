package io.crmkit.core.dedup.merge;

import io.crmkit.core.common.ConcurrentUpdateException;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Port: the writes a merge and its undoing need that the base ports do not offer, because the
 * base only saves customers and appends activities. Implemented by each store's dedup extension on
 * the store's own tables and transactions. Adapters must pass {@code MergeContract} from
 * crm-testkit. Every method may also throw {@link CrmStorageException}.
 *
 * <p>Lifecycle history is not moved here: it belongs to the lifecycle capability, whose own port
 * moves it ({@code LifecycleHistory.move}) when the {@link Merger} has the lifecycle store. Churn
 * signals are not moved at all (see {@link Merger}): they measure the absorbed record; they stay
 * with the absorbed id, which {@link MergeLineage#involving} traces to its survivor.
 */
public interface MergeWrites {

  /**
   * Deletes the customer, with its tags, codes, attributes and external references, if it is
   * still stored at {@code expected.version()}: the references are free for the golden record.
   *
   * @throws ConcurrentUpdateException if the customer is missing or at another version; nothing is
   *     deleted
   */
  void remove(Customer expected);

  /**
   * {@link #remove} of every customer, in the caller's transaction. Adapters check every version
   * before deleting anything; the default removes one customer after the other, so a failure leaves
   * those before it removed until the caller's transaction rolls back.
   *
   * @throws ConcurrentUpdateException if a customer is missing or at another version
   */
  default void removeAll(Collection<Customer> expected) {
    expected.forEach(this::remove);
  }

  /**
   * Stores {@code snapshot} again as it was, under its id, with every attribute as given and the
   * version one above the snapshot's, as a save of it would leave it: a copy held from before the
   * merge is stale, and one the unmerge returns is current.
   *
   * @return the stored copy
   * @throws ConcurrentUpdateException if a customer with this id exists; nothing is written
   * @throws DuplicateKeyException if one of its external references belongs to another customer
   */
  Customer restore(Customer snapshot);

  /**
   * Moves every purchase and interaction of {@code from} to {@code to}, keeping every other detail
   * of them (id, time, amount, ...).
   *
   * @return the activities moved, purchases first, each in time order
   */
  List<MovedActivity> moveActivities(CustomerId from, CustomerId to);

  /**
   * {@link #moveActivities(CustomerId, CustomerId)} from each key of {@code moves} to its value:
   * what merging many clusters at once does. The default moves one customer's activities after the
   * other; adapters move many at once.
   *
   * @return the activities moved from each customer of {@code moves} (empty if it had none), as
   *     {@link #moveActivities(CustomerId, CustomerId)} returns them
   * @throws IllegalArgumentException if a customer is both moved from and moved to
   */
  default Map<CustomerId, List<MovedActivity>> moveActivities(Map<CustomerId, CustomerId> moves) {
    Require.disjointMoves(moves);
    Map<CustomerId, List<MovedActivity>> moved = new LinkedHashMap<>();
    moves.forEach((from, to) -> moved.put(from, moveActivities(from, to)));
    return moved;
  }

  /**
   * Moves the listed activities, if they belong to {@code from}, to {@code to}: the way back of
   * {@link #moveActivities(CustomerId, CustomerId)}.
   *
   * @return how many moved; fewer than listed if some did not belong to {@code from}
   */
  int moveActivities(Collection<MovedActivity> activities, CustomerId from, CustomerId to);
}
