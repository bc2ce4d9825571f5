package io.crmkit.core.dimension.classify;

import io.crmkit.core.common.Require;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.CustomerId;
import java.util.List;
import java.util.Objects;

/**
 * A customer that no rule could give a code in one dimension, with every rule's reason.
 *
 * @param customerId the customer
 * @param dimension the dimension left without code
 * @param reasons each rule's reason, in rule order: path the dimension code
 *     ({@link io.crmkit.core.dimension.Dimensions#path dimensionCodes[region]}), rule the
 *     {@link ClassificationRule#name()}, message why the rule gave no code; {@link
 *     ClassificationReport#rejections()} lists them per customer
 */
public record Unclassified(CustomerId customerId, String dimension, List<Violation> reasons) {
  /** @throws IllegalArgumentException if there is no reason */
  public Unclassified {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(dimension, "dimension");
    reasons = List.copyOf(reasons);
    Require.argument(!reasons.isEmpty(), "an unclassified customer has at least one rule's reason");
  }
}
