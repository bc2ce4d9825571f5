package io.crmkit.core.lifecycle;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.Customer;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything automatic evaluation needs to know about one customer. The {@link LifecycleEngine}
 * reads it from the ports in bulk; a caller holding the data already (a benchmark, a Spark job)
 * builds it directly and hands it to a {@link LifecycleEvaluator}.
 *
 * @param customer the customer as stored
 * @param stageEnteredAt when the customer entered their current stage
 * @param activity the customer's purchases, summarised as of the evaluation instant
 * @param churnSignal the newest external churn signal measured before the evaluation instant
 */
public record EvaluationInput(
    Customer customer, Instant stageEnteredAt, ActivitySummary activity, Optional<ChurnSignal> churnSignal) {

  /** @throws IllegalArgumentException if the activity or signal belongs to another customer */
  public EvaluationInput {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(stageEnteredAt, "stageEnteredAt");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(churnSignal, "churnSignal");
    Require.argument(activity.customerId().equals(customer.id()), "activity of %s given for %s",
        activity.customerId(), customer.id());
    churnSignal.ifPresent(signal -> Require.argument(signal.customerId().equals(customer.id()),
        "churn signal of %s given for %s", signal.customerId(), customer.id()));
  }
}
