package io.crmkit.core.dimension.classify;

import io.crmkit.core.customer.CustomerId;
import java.util.List;
import java.util.Objects;

/**
 * A customer whose code the {@link Recoder} could not move to a single code in force: listed, so
 * that someone decides, instead of being dropped or guessed.
 *
 * @param customerId the customer
 * @param dimension the dimension
 * @param code the code the customer holds
 * @param kind why it was not moved
 * @param candidates the codes in force it could become (for {@link Kind#AMBIGUOUS}), else empty
 * @param reason the same in words
 */
public record Unresolved(CustomerId customerId, String dimension, String code, Kind kind, List<String> candidates,
    String reason) {

  /** Why a code was not moved. */
  public enum Kind {
    /** Retired, with several successors in force. */
    AMBIGUOUS,
    /** Retired, with no successor in force. */
    NO_SUCCESSOR,
    /** Not in the scheme at all (or malformed, or a wrong check character). */
    UNKNOWN
  }

  public Unresolved {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(kind, "kind");
    candidates = List.copyOf(candidates);
    Objects.requireNonNull(reason, "reason");
  }
}
