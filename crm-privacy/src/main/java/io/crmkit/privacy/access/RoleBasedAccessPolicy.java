package io.crmkit.privacy.access;

import static io.crmkit.privacy.access.FieldAction.ERASE;
import static io.crmkit.privacy.access.FieldAction.EXPORT;
import static io.crmkit.privacy.access.FieldAction.READ_CLEAR;
import static io.crmkit.privacy.access.FieldAction.READ_MASKED;
import static io.crmkit.privacy.access.FieldAction.WRITE;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerDetails;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The default {@link AccessPolicy}: permissions granted to roles, each for an action on a scope,
 * either on every customer or only on the customers the caller owns ({@code Customer.owner()}
 * equal to {@link Caller#actor()}). A caller may do what any of their roles is granted; nothing is
 * permitted unless granted.
 *
 * <p>{@link #defaults()} is the role model most CRM teams start from:
 * <table>
 * <caption>Default grants</caption>
 * <tr><th>role</th><th>every customer</th><th>customers they own</th></tr>
 * <tr><td>{@link Role#SALES_REP}</td><td>read masked</td><td>read clear, write</td></tr>
 * <tr><td>{@link Role#ANALYST}</td><td>read masked, export (masked)</td><td></td></tr>
 * <tr><td>{@link Role#ADMINISTRATOR}</td><td>read masked, write</td><td></td></tr>
 * <tr><td>{@link Role#DATA_PROTECTION_OFFICER}</td><td>read masked, read clear, export, erase</td><td></td></tr>
 * </table>
 * Each grant covers every scope (the non-personal parts and each category). An administrator keeps
 * records correct without reading them in clear; the data-protection officer answers people's
 * requests (access, portability, erasure) and so reads in clear, but corrects nothing. A host
 * changes the model with {@link #toBuilder()} (grant more, or {@link Builder#revokeAll revoke} a
 * role and grant it anew) or starts from {@link #builder()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class RoleBasedAccessPolicy implements AccessPolicy {
  private static final List<FieldScope> EVERY_SCOPE = FieldScope.all();

  private static final RoleBasedAccessPolicy DEFAULTS = builder()
      .grant(Role.SALES_REP, READ_MASKED, Reach.EVERY_CUSTOMER, EVERY_SCOPE)
      .grant(Role.SALES_REP, READ_CLEAR, Reach.OWNED_CUSTOMERS, EVERY_SCOPE)
      .grant(Role.SALES_REP, WRITE, Reach.OWNED_CUSTOMERS, EVERY_SCOPE)
      .grant(Role.ANALYST, READ_MASKED, Reach.EVERY_CUSTOMER, EVERY_SCOPE)
      .grant(Role.ANALYST, EXPORT, Reach.EVERY_CUSTOMER, EVERY_SCOPE)
      .grant(Role.ADMINISTRATOR, READ_MASKED, Reach.EVERY_CUSTOMER, EVERY_SCOPE)
      .grant(Role.ADMINISTRATOR, WRITE, Reach.EVERY_CUSTOMER, EVERY_SCOPE)
      .grant(Role.DATA_PROTECTION_OFFICER, READ_MASKED, Reach.EVERY_CUSTOMER, EVERY_SCOPE)
      .grant(Role.DATA_PROTECTION_OFFICER, READ_CLEAR, Reach.EVERY_CUSTOMER, EVERY_SCOPE)
      .grant(Role.DATA_PROTECTION_OFFICER, EXPORT, Reach.EVERY_CUSTOMER, EVERY_SCOPE)
      .grant(Role.DATA_PROTECTION_OFFICER, ERASE, Reach.EVERY_CUSTOMER, EVERY_SCOPE)
      .build();

  private final Map<Role, Set<Grant>> grants;

  private RoleBasedAccessPolicy(Map<Role, Set<Grant>> grants) {
    Map<Role, Set<Grant>> copy = new LinkedHashMap<>();
    grants.forEach((role, granted) -> copy.put(role, Set.copyOf(granted)));
    this.grants = Map.copyOf(copy);
  }

  /** The default role model (see the class comment). */
  public static RoleBasedAccessPolicy defaults() {
    return DEFAULTS;
  }

  /** A policy with no grants, to build up. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this policy's grants, to add to or revoke from. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    grants.forEach((role, granted) -> builder.grants.put(role, new LinkedHashSet<>(granted)));
    return builder;
  }

  /** The grants of {@code role}; empty if it has none. */
  public Set<Grant> grantsOf(Role role) {
    Require.notNull(role, "role");
    return grants.getOrDefault(role, Set.of());
  }

  @Override
  public boolean permits(Caller caller, FieldAction action, FieldScope scope,
      Optional<? extends CustomerDetails> customer) {
    Require.notNull(caller, "caller");
    Require.notNull(action, "action");
    Require.notNull(scope, "scope");
    Require.notNull(customer, "customer");
    boolean owned = customer.flatMap(CustomerDetails::owner).filter(caller.actor()::equals).isPresent();
    for (Role role : caller.roles()) {
      for (Grant grant : grantsOf(role)) {
        if (grant.action() == action && grant.scope().equals(scope)
            && (grant.reach() == Reach.EVERY_CUSTOMER || owned)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "RoleBasedAccessPolicy" + grants;
  }

  /** Which customers a grant covers. */
  public enum Reach {
    /** Every customer. */
    EVERY_CUSTOMER,
    /**
     * Only customers whose owner is the caller's actor. A question that concerns no one customer
     * (may this caller export at all?) is never answered yes by such a grant.
     */
    OWNED_CUSTOMERS
  }

  /**
   * One permission of a role.
   *
   * @param action what may be done
   * @param scope on which part of the data
   * @param reach on which customers
   */
  public record Grant(FieldAction action, FieldScope scope, Reach reach) {
    public Grant {
      Require.notNull(action, "action");
      Require.notNull(scope, "scope");
      Require.notNull(reach, "reach");
    }
  }

  /** Collects grants per role. */
  public static final class Builder {
    private final Map<Role, Set<Grant>> grants = new LinkedHashMap<>();

    private Builder() {}

    /** Grants {@code role} the {@code action} on each of {@code scopes}, within {@code reach}. */
    public Builder grant(Role role, FieldAction action, Reach reach, Collection<FieldScope> scopes) {
      Require.notNull(role, "role");
      Require.notNull(scopes, "scopes");
      Require.argument(!scopes.isEmpty(), "scopes must not be empty");
      List<Grant> added = new ArrayList<>();
      for (FieldScope scope : scopes) {
        added.add(new Grant(action, scope, reach));
      }
      grants.computeIfAbsent(role, r -> new LinkedHashSet<>()).addAll(added);
      return this;
    }

    /** Grants {@code role} the {@code action} on each of {@code scopes}, within {@code reach}. */
    public Builder grant(Role role, FieldAction action, Reach reach, FieldScope... scopes) {
      Require.notNull(scopes, "scopes");
      return grant(role, action, reach, List.of(scopes));
    }

    /** Takes every grant from {@code role}. */
    public Builder revokeAll(Role role) {
      Require.notNull(role, "role");
      grants.remove(role);
      return this;
    }

    public RoleBasedAccessPolicy build() {
      return new RoleBasedAccessPolicy(grants);
    }
  }
}
