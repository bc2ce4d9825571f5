package io.crmkit.core.activity;

import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.customer.CustomerId;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Port shape shared by the activity stores: append activities, read them by customer and time.
 * Activities are facts and are never changed once recorded, with one exception: {@link #redact}, by
 * which a customer's erasure anonymises them in place.
 *
 * <p>Recording is idempotent: recording an activity again with the same id and the same content
 * does nothing, so a sync from another system can be safely retried, also while another caller
 * records the same activities. Every method may also throw
 * {@link CrmStorageException}.
 *
 * @param <A> the activity type
 */
public interface ActivityLog<A extends Activity> {

  /**
   * Stores {@code activity}.
   *
   * @throws DuplicateKeyException if another activity with the same id but different content exists
   */
  void record(A activity);

  /**
   * Stores every activity, all or none.
   *
   * @throws DuplicateKeyException if one of them clashes as in {@link #record}; nothing is stored
   */
  void recordAll(Collection<? extends A> activities);

  /** The customer's activities in {@code range}, ordered by time, then id. */
  List<A> forCustomer(CustomerId customerId, TimeRange range);

  /**
   * Every activity in {@code range}, ordered by time, then id, read lazily. Close the stream
   * (try-with-resources).
   */
  Stream<A> stream(TimeRange range);

  /**
   * Overwrites stored activities with the given versions, each matched by its id and customer:
   * the one change a recorded fact may undergo, for a customer's erasure (free text dropped, time
   * coarsened), so that the non-personal facts (amounts, categories) stay for accounting while the
   * personal ones go. An activity not stored under its customer is skipped. Joins the caller's
   * transaction.
   *
   * <p>The default throws, so that an activity store written before erasure existed keeps
   * compiling; every adapter crmkit ships overrides it.
   *
   * @return how many stored activities were overwritten
   * @throws UnsupportedOperationException if this store cannot redact activities
   */
  default int redact(Collection<? extends A> redacted) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot redact recorded activities,"
        + " so customers cannot be erased from it; override ActivityLog.redact");
  }
}
