package io.crmkit.core.dimension.classify;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The dimension codes to set on one customer, against the version of the customer they were
 * derived from, so that applying them is an optimistic-version write ({@link CodeUpdates}).
 *
 * @param customerId the customer
 * @param version the customer's version when the codes were derived
 * @param changes one change per dimension, at least one
 */
public record CodeUpdate(CustomerId customerId, long version, List<Change> changes) {

  /** @throws IllegalArgumentException if there is no change or a dimension appears twice */
  public CodeUpdate {
    Objects.requireNonNull(customerId, "customerId");
    changes = List.copyOf(changes);
    Require.argument(!changes.isEmpty(), "an update of customer %s needs at least one change", customerId);
    Set<String> dimensions = new HashSet<>();
    for (Change change : changes) {
      Require.argument(dimensions.add(change.dimension()), "dimension %s changes twice for %s", change.dimension(),
          customerId);
    }
  }

  /** The new codes by dimension. */
  public Map<String, String> codes() {
    Map<String, String> codes = new LinkedHashMap<>();
    changes.forEach(change -> codes.put(change.dimension(), change.to()));
    return codes;
  }

  /** Whether {@code customer} already holds every new code. */
  public boolean isAppliedIn(Customer customer) {
    return changes.stream().allMatch(change -> change.to().equals(customer.dimensionCodes().get(change.dimension())));
  }

  /** {@code customer} with the new codes set (other codes and fields untouched). */
  public Customer applyTo(Customer customer) {
    Objects.requireNonNull(customer, "customer");
    Require.argument(customer.id().equals(customerId), "update of %s applied to %s", customerId, customer.id());
    return new Customer.Builder().from(customer).putAllDimensionCodes(codes()).build();
  }

  /**
   * One dimension code to set on a customer, with what it replaces and why.
   *
   * @param dimension the dimension
   * @param from the code the customer held, if any
   * @param to the new code
   * @param source the rule or process that chose it
   * @param why how it was found, for people
   */
  public record Change(String dimension, Optional<String> from, String to, String source, String why) {
    public Change {
      Objects.requireNonNull(dimension, "dimension");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(why, "why");
      Require.argument(!from.equals(Optional.of(to)), "a change of %s from %s to itself changes nothing", dimension, to);
    }
  }
}
