package io.crmkit.privacy.access;

import io.crmkit.core.common.Require;

/**
 * A role a caller holds in the host's security context, by name. The constants are the roles of
 * {@link RoleBasedAccessPolicy#defaults()}; a host names its own roles with {@link #of} and grants
 * them what it decides.
 *
 * @param name the role's name as the host's security context spells it (at most 64 characters)
 */
public record Role(String name) {
  /** The longest role name, in characters. */
  public static final int MAX_NAME_LENGTH = 64;

  /** A sales representative: works with every customer masked, and in clear with the ones they own. */
  public static final Role SALES_REP = new Role("sales-rep");
  /** An analyst: reads and exports masked data, changes nothing. */
  public static final Role ANALYST = new Role("analyst");
  /** An administrator: keeps records correct (changes any customer) without reading them in clear. */
  public static final Role ADMINISTRATOR = new Role("administrator");
  /** The data-protection officer: reads in clear, exports and erases, to answer people's requests. */
  public static final Role DATA_PROTECTION_OFFICER = new Role("data-protection-officer");

  /**
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if it is blank or longer than {@link #MAX_NAME_LENGTH}
   */
  public Role {
    Require.notBlank(name, "name");
    Require.argument(name.length() <= MAX_NAME_LENGTH, "name must have at most %s characters, got %s",
        MAX_NAME_LENGTH, name.length());
  }

  public static Role of(String name) {
    return new Role(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
