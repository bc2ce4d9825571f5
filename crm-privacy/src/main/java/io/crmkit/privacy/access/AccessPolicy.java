package io.crmkit.privacy.access;

import io.crmkit.core.customer.CustomerDetails;
import java.util.Optional;

/**
 * Port: decides what a caller may do with which scope of a customer's data. {@link ProtectedCrm}
 * asks it on every read, change, export and merge; {@link RoleBasedAccessPolicy} is the default,
 * configurable role model, and a host with its own rules (regions, teams, consent to be called)
 * implements this instead.
 *
 * <p>Implementations must be thread-safe, side-effect free and fast: a query page asks once per
 * customer and scope.
 */
@FunctionalInterface
public interface AccessPolicy {

  /**
   * Whether {@code caller} may do {@code action} on {@code scope} of {@code customer}.
   *
   * @param customer the customer concerned (as stored, or as being registered); empty when the
   *     question concerns no one customer yet (whether the caller may count, query or export at
   *     all), in which case a permission that depends on the customer must answer {@code false}
   */
  boolean permits(Caller caller, FieldAction action, FieldScope scope, Optional<? extends CustomerDetails> customer);
}
