package io.crmkit.core.dimension.classify;

import io.crmkit.core.customer.CustomerId;
import java.util.List;
import java.util.Objects;

/**
 * A customer that no rule could give a code in one dimension, with every rule's reason.
 *
 * @param customerId the customer
 * @param dimension the dimension left without code
 * @param reasons each rule's reason, in rule order, as {@code rule: reason}
 */
public record Unclassified(CustomerId customerId, String dimension, List<String> reasons) {
  public Unclassified {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(dimension, "dimension");
    reasons = List.copyOf(reasons);
  }
}
