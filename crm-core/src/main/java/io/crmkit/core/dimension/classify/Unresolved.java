package io.crmkit.core.dimension.classify;

import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.dimension.Dimensions;
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
    AMBIGUOUS("ambiguous-successors"),
    /** Retired, with no successor in force. */
    NO_SUCCESSOR("no-successor"),
    /** Not in the scheme at all (or malformed, or a wrong check character). */
    UNKNOWN("unknown-code");

    private final String ruleName;

    Kind(String ruleName) {
      this.ruleName = ruleName;
    }

    /** The kind as a stable rule name for a {@link Violation}, such as {@code ambiguous-successors}. */
    public String ruleName() {
      return ruleName;
    }
  }

  public Unresolved {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(kind, "kind");
    candidates = List.copyOf(candidates);
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Why the code was not moved, as a {@link Violation}: path the dimension code
   * ({@code dimensionCodes[region]}), rule the {@link Kind#ruleName()}, message the reason (which
   * names the candidates of an ambiguous code). {@link RecodingReport#rejections()} lists these.
   */
  public Violation violation() {
    return new Violation(Dimensions.path(dimension), kind.ruleName(), reason);
  }
}
