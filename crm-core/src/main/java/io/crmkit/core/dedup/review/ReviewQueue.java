package io.crmkit.core.dedup.review;

import io.crmkit.core.common.CrmException;
import io.crmkit.core.common.CrmStorageException;
import java.util.List;
import java.util.Optional;

/**
 * Port: pairs between a matcher's two thresholds wait here for a person's decision, and the
 * decisions are remembered, so that a decided pair is never queued again, whichever order its ids
 * come in. Adapters must pass {@code ReviewQueueContract} from crm-testkit. Every method may also
 * throw {@link CrmStorageException}.
 *
 * <p>A JDBC adapter stores one row per pair, primary key {@code (left_id, right_id)} in the pair's
 * one order, with the decision columns null while the pair waits.
 */
public interface ReviewQueue {

  /** The longest record id kept. */
  int MAX_ID_LENGTH = 128;

  /**
   * Queues the pair unless it is decided or waiting already.
   *
   * @return whether it was queued; false if it was decided or already waiting (the waiting item is
   *     kept as it is)
   */
  boolean enqueue(ReviewItem item);

  /**
   * Up to {@code limit} waiting pairs, the most probable first (ties by left id, then right id): a
   * reviewer's next work.
   *
   * @throws IllegalArgumentException if the limit is not positive
   */
  List<ReviewItem> pending(int limit);

  /** How many pairs wait. */
  long pendingCount();

  /** The pair of these two record ids, in either order, if it waits. */
  Optional<ReviewItem> pending(String oneId, String otherId);

  /**
   * Records a decision: the pair no longer waits (if it did) and is never queued again. Deciding a
   * pair again with an identical decision does nothing (a retry).
   *
   * @throws AlreadyDecidedException if the pair has a different decision; nothing is written
   */
  void decide(ReviewDecision decision);

  /** The decision on the pair of these two record ids, in either order, if one was made. */
  Optional<ReviewDecision> decision(String oneId, String otherId);

  /**
   * Every decision taken, in no promised order: what a backup copies together with
   * {@link #pending(int)}. The default refuses, so an adapter written before this method keeps
   * compiling; crmkit's adapters override it.
   *
   * @throws UnsupportedOperationException if the adapter cannot list its decisions
   */
  default List<ReviewDecision> decisions() {
    throw new UnsupportedOperationException(getClass().getName() + " cannot list its decisions,"
        + " so it cannot be backed up; override ReviewQueue.decisions");
  }

  /** A pair was decided already, differently. */
  class AlreadyDecidedException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final transient ReviewDecision decision;

    /** @param decision the decision made before */
    public AlreadyDecidedException(ReviewDecision decision) {
      super("pair " + decision.leftId() + " / " + decision.rightId() + " was already decided "
          + decision.verdict() + " by " + decision.decidedBy() + " at " + decision.decidedAt());
      this.decision = decision;
    }

    /** The decision that stands. */
    public ReviewDecision decision() {
      return decision;
    }
  }
}
