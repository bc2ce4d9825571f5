package io.crmkit.privacy.access;

import io.crmkit.core.common.CrmException;
import io.crmkit.core.customer.CustomerId;
import java.util.Optional;

/**
 * A call the {@link AccessPolicy} does not permit; nothing was read, written or audited. The
 * message names the actor, the action and the scope (the category of data), never a value, so it
 * can be logged and shown.
 */
public final class AccessDeniedException extends CrmException {
  private static final long serialVersionUID = 1L;

  private final String actor;
  private final FieldAction action;
  private final FieldScope scope;
  private final transient Optional<CustomerId> customer;

  public AccessDeniedException(String actor, FieldAction action, FieldScope scope, Optional<CustomerId> customer) {
    this(actor, action, scope, customer, "");
  }

  /**
   * A refusal that is not the policy's: {@code why} says what the facade lacks (no value of the
   * customer's).
   */
  AccessDeniedException(String actor, FieldAction action, FieldScope scope, Optional<CustomerId> customer,
      String why) {
    super(actor + " may not " + action + " " + scope
        + customer.map(id -> " of customer " + id).orElse("") + (why.isEmpty() ? "" : ": " + why));
    this.actor = actor;
    this.action = action;
    this.scope = scope;
    this.customer = customer;
  }

  public String actor() {
    return actor;
  }

  public FieldAction action() {
    return action;
  }

  /** The scope refused: a category of personal data, or the non-personal parts. */
  public FieldScope scope() {
    return scope;
  }

  /** The customer concerned, if the refusal concerns one. */
  public Optional<CustomerId> customer() {
    return customer == null ? Optional.empty() : customer;
  }
}
