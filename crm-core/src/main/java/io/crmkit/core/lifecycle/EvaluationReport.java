package io.crmkit.core.lifecycle;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What applying a batch evaluation did: how many customers were looked at, every change applied
 * with its reason, and every customer whose changes could not be evaluated or applied with the
 * error. A batch never stops on one customer's failure.
 *
 * @param asOf the instant evaluated
 * @param customersEvaluated how many customers were evaluated
 * @param applied every change made, customer by customer, in order
 * @param failures the customers whose changes were not applied; for each, nothing was written
 *     unless the store has no transactions (see {@link LifecycleEngine#apply})
 */
public record EvaluationReport(
    Instant asOf, long customersEvaluated, List<DueMove> applied, List<Failure> failures) {

  public EvaluationReport {
    Objects.requireNonNull(asOf, "asOf");
    applied = List.copyOf(applied);
    failures = List.copyOf(failures);
  }

  /**
   * One customer whose changes could not be evaluated or applied.
   *
   * @param customerId the customer
   * @param changes the changes that were due; empty if evaluating the customer failed
   * @param error why they were not applied, for example a concurrent update
   */
  public record Failure(CustomerId customerId, List<DueMove> changes, String error) {
    public Failure {
      Objects.requireNonNull(customerId, "customerId");
      changes = List.copyOf(changes);
      Objects.requireNonNull(error, "error");
    }
  }
}
