package io.crmkit.privacy.access;

import io.crmkit.core.common.Require;
import io.crmkit.privacy.catalog.PersonalDataCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The part of a customer's data a permission covers: the personal data of one
 * {@link PersonalDataCategory} of the catalogue, or {@link #NON_PERSONAL} for everything the
 * catalogue does not call personal (id, stage, tier, tags, owner, codes, activities).
 *
 * <p>The non-personal scope has its own permissions because a record is more than its personal
 * values: an analyst who may read every category masked may still not retag or reassign a customer.
 *
 * @param category the category of personal data, or empty for the non-personal parts
 */
public record FieldScope(Optional<PersonalDataCategory> category) {
  /** The parts of a customer, and its activities, that the catalogue does not call personal. */
  public static final FieldScope NON_PERSONAL = new FieldScope(Optional.empty());

  private static final List<FieldScope> ALL = all(PersonalDataCategory.values());

  public FieldScope {
    Require.notNull(category, "category");
  }

  /** The personal data of {@code category}. */
  public static FieldScope of(PersonalDataCategory category) {
    return new FieldScope(Optional.of(Require.notNull(category, "category")));
  }

  /** Every scope: the non-personal parts first, then each category in declaration order. */
  public static List<FieldScope> all() {
    return ALL;
  }

  /** Whether this scope is personal data of some category. */
  public boolean isPersonal() {
    return category.isPresent();
  }

  @Override
  public String toString() {
    return category.map(c -> c.name() + " data").orElse("non-personal data");
  }

  private static List<FieldScope> all(PersonalDataCategory... categories) {
    List<FieldScope> scopes = new ArrayList<>();
    scopes.add(NON_PERSONAL);
    for (PersonalDataCategory category : categories) {
      scopes.add(of(category));
    }
    return List.copyOf(scopes);
  }
}
