package io.crmkit.core.dimension.classify;

import io.crmkit.core.customer.CustomerId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of classifying one customer.
 *
 * @param customerId the customer
 * @param update the codes to set, if any differ from what the customer holds
 * @param unclassified the dimensions left without a code, with reasons
 */
public record Classification(CustomerId customerId, Optional<CodeUpdate> update, List<Unclassified> unclassified) {
  public Classification {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(update, "update");
    unclassified = List.copyOf(unclassified);
  }
}
