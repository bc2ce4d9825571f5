package io.crmkit.core.lifecycle;

import io.crmkit.core.common.Rejection;
import io.crmkit.core.common.Require;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What applying a batch evaluation did: how many customers were looked at, every move made with
 * its reason, and every customer set aside with why. A batch never stops on one customer's
 * failure.
 *
 * <p>A set-aside customer is a {@link Rejection}, the shape every crmkit batch report shares: its
 * subject is the customer id, it has no position (customers are picked by a query, not read from
 * a sequence), and its violations say why, with one of the rule names below, or, when a
 * transition's action produced an invalid customer, the violations of that customer. The moves
 * that were due are not kept: nothing of them was written, and {@link LifecycleEngine#evaluate}
 * finds them again.
 *
 * @param asOf the instant evaluated
 * @param customersEvaluated how many customers were evaluated
 * @param applied every due move made, customer by customer, in order
 * @param rejected the customers whose moves were not made; for each, nothing was written unless
 *     the store has no transactions (see {@link LifecycleEngine#apply})
 */
public record EvaluationReport(
    Instant asOf, long customersEvaluated, List<DueMove> applied, List<Rejection> rejected) {

  /** Rule of a rejection whose evaluation threw: a rule, a guard or an action ran into an error. */
  public static final String EVALUATION_FAILED = "evaluation-failed";

  /** Rule of a rejection whose customer was changed between evaluation and applying the moves. */
  public static final String CONCURRENT_UPDATE = "concurrent-update";

  /** Rule of a rejection whose moves could not be made for another reason, such as an action that threw. */
  public static final String MOVE_FAILED = "move-failed";

  /**
   * @throws IllegalArgumentException if fewer customers were evaluated than rejected
   */
  public EvaluationReport {
    Objects.requireNonNull(asOf, "asOf");
    applied = List.copyOf(applied);
    rejected = List.copyOf(rejected);
    Require.atLeast(customersEvaluated, rejected.size(), "customersEvaluated");
  }
}
