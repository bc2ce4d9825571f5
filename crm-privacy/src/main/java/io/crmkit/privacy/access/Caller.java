package io.crmkit.privacy.access;

import io.crmkit.core.common.Require;
import io.crmkit.privacy.audit.AuditEntry;
import java.util.Set;

/**
 * Who is calling, as the host's security context knows them: the actor recorded in the audit log,
 * the roles the {@link AccessPolicy} decides by, and the purpose the call serves (recorded as the
 * reason of every audit entry it causes).
 *
 * @param actor the user or system name, as owners are written on customers ({@code
 *     Customer.owner()}); at most {@link AuditEntry#MAX_ACTOR_LENGTH} characters
 * @param roles the roles held; may be empty (such a caller is refused everything by the default policy)
 * @param purpose why the caller acts: a purpose or ticket; at most {@link AuditEntry#MAX_REASON_LENGTH}
 *     characters
 */
public record Caller(String actor, Set<Role> roles, String purpose) {
  /**
   * @throws NullPointerException if an argument or a role is null
   * @throws IllegalArgumentException if the actor or purpose is blank or too long for the audit log
   */
  public Caller {
    Require.notBlank(actor, "actor");
    Require.argument(actor.length() <= AuditEntry.MAX_ACTOR_LENGTH, "actor must have at most %s characters, got %s",
        AuditEntry.MAX_ACTOR_LENGTH, actor.length());
    roles = Set.copyOf(Require.notNull(roles, "roles"));
    Require.notBlank(purpose, "purpose");
    Require.argument(purpose.length() <= AuditEntry.MAX_REASON_LENGTH,
        "purpose must have at most %s characters, got %s", AuditEntry.MAX_REASON_LENGTH, purpose.length());
  }

  public static Caller of(String actor, String purpose, Role... roles) {
    return new Caller(actor, Set.of(roles), purpose);
  }

  /** Whether the caller holds {@code role}. */
  public boolean has(Role role) {
    return roles.contains(role);
  }
}
