package io.crmkit.core.dedup.merge;

import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.customer.CustomerId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Port: what every merge did ({@link Merge}), written in the merge's transaction, so that a merge
 * can be explained and undone long after. Adapters must pass {@code MergeLineageContract} from
 * crm-testkit. Every method may also throw {@link CrmStorageException}.
 *
 * <p>A JDBC adapter stores one row per merge with the merge as a JSON document, and one row per
 * merged customer for {@link #involving}.
 */
public interface MergeLineage {

  /**
   * Stores {@code merge}. Recording an identical merge again does nothing (a retried unit of work).
   *
   * @throws DuplicateKeyException if a different merge with the same id exists; nothing is written
   */
  void record(Merge merge);

  /**
   * {@link #record} of each merge, in the caller's transaction. The default records one after the
   * other; adapters write many at once.
   */
  default void recordAll(List<Merge> merges) {
    merges.forEach(this::record);
  }

  /** The merge with this id, if recorded. */
  Optional<Merge> find(UUID mergeId);

  /**
   * Every merge in which the customer was the survivor or was absorbed, oldest first (by merge
   * time, then id), undone ones included: how a customer id that no longer exists is traced to the
   * golden record that absorbed it.
   */
  List<Merge> involving(CustomerId customerId);

  /**
   * Records that the merge was undone and returns it so.
   *
   * @throws IllegalArgumentException if no merge has this id
   * @throws IllegalStateException if it was undone already; nothing is written
   */
  Merge markUndone(UUID mergeId, Merge.Undo undo);

  /**
   * Replaces the stored merge of the same id with {@code redacted}, for a customer's erasure: the
   * snapshots of merged records hold the personal data they had when merged, so erasure rewrites
   * them anonymised. The merge must name the same customers in the same order (its lineage does
   * not change). Joins the caller's transaction.
   *
   * @throws IllegalArgumentException if no merge has this id, or {@code redacted} names other
   *     customers than the stored one
   */
  void redact(Merge redacted);

  /**
   * Every recorded merge, undone or not, in no promised order (a merge whose
   * customers were all merged again is found by no {@link #involving} call). The default refuses,
   * so an adapter written before this method keeps compiling; crmkit's adapters override it.
   *
   * @throws UnsupportedOperationException if the adapter cannot list its merges
   */
  default List<Merge> all() {
    throw new UnsupportedOperationException(getClass().getName() + " cannot list every merge,"
        + " so it cannot be backed up; override MergeLineage.all");
  }

  /**
   * Every recorded merge, undone or not, in {@link Merge#ID_ORDER}: what a backup copies, read a
   * page at a time where the adapter can, so that memory stays constant however many merges there
   * are. Close the stream. The default sorts {@link #all}; crmkit's JDBC adapter pages.
   *
   * @throws UnsupportedOperationException if the adapter cannot list its merges
   */
  default Stream<Merge> stream() {
    return all().stream().sorted(Merge.ID_ORDER);
  }
}
