package io.crmkit.privacy.catalog;

import io.crmkit.core.common.Require;

/**
 * How a personal field is classified.
 *
 * @param category what kind of personal data it is, for access rules and masking choices
 * @param kind the shape of its values, which decides how they are masked
 */
public record CatalogueEntry(PersonalDataCategory category, ValueKind kind) {
  public CatalogueEntry {
    Require.notNull(category, "category");
    Require.notNull(kind, "kind");
  }

  public static CatalogueEntry of(PersonalDataCategory category, ValueKind kind) {
    return new CatalogueEntry(category, kind);
  }
}
