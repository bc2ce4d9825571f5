package io.crmkit.privacy.access;

import io.crmkit.core.customer.Customer;
import io.crmkit.privacy.catalog.PersonalDataCategory;
import io.crmkit.privacy.mask.Masker;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What one caller is shown of one customer: which categories in clear and which masked. Decided by
 * the policy per customer, because permissions may depend on who owns it.
 */
final class Visibility {
  private final Set<PersonalDataCategory> clear;
  private final Set<PersonalDataCategory> masked;

  private Visibility(Set<PersonalDataCategory> clear, Set<PersonalDataCategory> masked) {
    this.clear = clear;
    this.masked = masked;
  }

  /**
   * How {@code caller} may see {@code customer} when doing {@code action} (READ_MASKED for a read,
   * EXPORT for an export): the caller needs {@code action} on the non-personal scope and on each
   * category the catalogue uses (for a read, READ_CLEAR on a category will do instead); a category
   * is shown in clear where the caller also has READ_CLEAR, masked otherwise.
   *
   * @throws AccessDeniedException naming the first scope the caller may not see at all
   */
  static Visibility decide(AccessPolicy policy, Caller caller, FieldAction action, Customer customer,
      Set<PersonalDataCategory> catalogued) {
    Optional<Customer> subject = Optional.of(customer);
    if (!policy.permits(caller, action, FieldScope.NON_PERSONAL, subject)) {
      throw new AccessDeniedException(caller.actor(), action, FieldScope.NON_PERSONAL, Optional.of(customer.id()));
    }
    EnumSet<PersonalDataCategory> clear = EnumSet.noneOf(PersonalDataCategory.class);
    for (PersonalDataCategory category : catalogued) {
      FieldScope scope = FieldScope.of(category);
      boolean inClear = policy.permits(caller, FieldAction.READ_CLEAR, scope, subject);
      if (!policy.permits(caller, action, scope, subject) && !(inClear && action == FieldAction.READ_MASKED)) {
        throw new AccessDeniedException(caller.actor(), action, scope, Optional.of(customer.id()));
      }
      if (inClear) {
        clear.add(category);
      }
    }
    // Categories the catalogue does not use hold nothing; masking them costs nothing and hides all else.
    Set<PersonalDataCategory> masked = EnumSet.complementOf(clear);
    return new Visibility(clear, masked);
  }

  /** The customer as shown: every category not shown in clear masked. */
  Customer show(Masker masker, Customer customer) {
    return masker.mask(customer, masked);
  }

  /** The categories shown in clear. */
  Set<PersonalDataCategory> clear() {
    return clear;
  }
}
