package io.crmkit.segmentation.churn;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A customer flagged as likely to churn, with every reason that flagged them.
 *
 * @param customerId whom it is about
 * @param asOf the instant the flag was computed for, the recorded signal's measurement time
 * @param reasons why, at least one
 * @param probabilityAlive the probability recorded with the signal: the model's P(alive) for a
 *     {@link Reason#P_ALIVE} flag, at most the flagger's cadence probability for a {@link Reason#CADENCE} flag
 * @param explanation one line for people, naming the figures and thresholds
 */
public record ChurnFlag(CustomerId customerId, Instant asOf, Set<Reason> reasons, double probabilityAlive,
    String explanation) {

  /** @throws IllegalArgumentException without a reason or with a probability outside 0..1 */
  public ChurnFlag {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(asOf, "asOf");
    reasons = Set.copyOf(reasons);
    Require.argument(!reasons.isEmpty(), "a flag has a reason");
    Require.inRange(probabilityAlive, 0, 1, "probabilityAlive");
    Require.notBlank(explanation, "explanation");
  }

  /** Why a customer was flagged. */
  public enum Reason {
    /** The model's P(alive) is below the threshold. */
    P_ALIVE,
    /** The time since the last purchase exceeds the customer's typical gap times the factor. */
    CADENCE
  }
}
