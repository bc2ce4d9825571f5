package io.crmkit.privacy.catalog;

import static io.crmkit.privacy.catalog.PersonalDataCategory.CONTACT;
import static io.crmkit.privacy.catalog.PersonalDataCategory.DEMOGRAPHIC;
import static io.crmkit.privacy.catalog.PersonalDataCategory.IDENTIFIER;

import io.crmkit.core.common.Require;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which parts of a customer record are personal data, with their category and kind of value: the
 * one list that masking, access rules, encryption, erasure and export agree on.
 *
 * <p>{@link #defaults()} classifies crm-core's model; a host adds its personal custom attributes
 * and overrides judgements with {@link #toBuilder()}. A part missing from the catalogue is not
 * personal data and is shown as it is.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class PersonalDataCatalogue {
  private static final Map<PersonalField, ValueKind> MODEL_KINDS = Map.ofEntries(
      Map.entry(PersonalField.PERSON_NAME, ValueKind.PERSON_NAME),
      Map.entry(PersonalField.DISPLAY_NAME, ValueKind.PERSON_NAME),
      Map.entry(PersonalField.LEGAL_NAME, ValueKind.TEXT),
      Map.entry(PersonalField.EMAIL, ValueKind.EMAIL),
      Map.entry(PersonalField.PHONE, ValueKind.PHONE),
      Map.entry(PersonalField.OTHER_CONTACT, ValueKind.TEXT),
      Map.entry(PersonalField.POSTAL_ADDRESS, ValueKind.ADDRESS),
      Map.entry(PersonalField.BIRTH_DATE, ValueKind.DATE),
      Map.entry(PersonalField.GENDER, ValueKind.CODE),
      Map.entry(PersonalField.PERSON_IDENTIFIER, ValueKind.IDENTIFIER),
      Map.entry(PersonalField.ORGANISATION_IDENTIFIER, ValueKind.IDENTIFIER),
      Map.entry(PersonalField.EXTERNAL_REFERENCE, ValueKind.IDENTIFIER));

  private static final PersonalDataCatalogue DEFAULTS = new Builder()
      .classify(PersonalField.PERSON_NAME, IDENTIFIER)
      .classify(PersonalField.DISPLAY_NAME, IDENTIFIER)
      .classify(PersonalField.EMAIL, CONTACT)
      .classify(PersonalField.PHONE, CONTACT)
      .classify(PersonalField.OTHER_CONTACT, CONTACT)
      .classify(PersonalField.POSTAL_ADDRESS, CONTACT)
      .classify(PersonalField.BIRTH_DATE, DEMOGRAPHIC)
      .classify(PersonalField.GENDER, DEMOGRAPHIC)
      .classify(PersonalField.PERSON_IDENTIFIER, IDENTIFIER)
      .classify(PersonalField.ORGANISATION_IDENTIFIER, IDENTIFIER)
      .classify(PersonalField.EXTERNAL_REFERENCE, IDENTIFIER)
      .build();

  private final Map<PersonalField, CatalogueEntry> entries;

  private PersonalDataCatalogue(Map<PersonalField, CatalogueEntry> entries) {
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  /**
   * The classification of crm-core's model: names, identifiers and external references are
   * identifiers; e-mail, phone, other handles and postal addresses are contact data; birth date
   * and gender are demographic. An organisation's legal name is not personal (it is public), and no
   * custom attribute is personal until the host says so.
   */
  public static PersonalDataCatalogue defaults() {
    return DEFAULTS;
  }

  /** An empty catalogue: nothing is personal until classified. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this catalogue's entries, to add or override some. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.entries.putAll(entries);
    return builder;
  }

  /** How {@code field} is classified, or empty if it is not personal data. */
  public Optional<CatalogueEntry> entry(PersonalField field) {
    Require.notNull(field, "field");
    return Optional.ofNullable(entries.get(field));
  }

  /**
   * How the custom attribute {@code key} is classified, or empty if it is not personal data. Unlike
   * {@code entry(PersonalField.attribute(key))} this accepts any key, so a record that was never
   * validated can still be masked.
   */
  public Optional<CatalogueEntry> attributeEntry(String key) {
    Require.notNull(key, "key");
    return Optional.ofNullable(entries.get(new PersonalField(PersonalField.ATTRIBUTE_PREFIX + key)));
  }

  public boolean isPersonal(PersonalField field) {
    return entry(field).isPresent();
  }

  /** Whether {@code field} is personal data of one of {@code categories}. */
  public boolean isPersonalIn(PersonalField field, Set<PersonalDataCategory> categories) {
    Require.notNull(categories, "categories");
    return entry(field).map(e -> categories.contains(e.category())).orElse(false);
  }

  /** Every personal field with its classification, in the order they were classified. */
  public Map<PersonalField, CatalogueEntry> entries() {
    return entries;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PersonalDataCatalogue other && entries.equals(other.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "PersonalDataCatalogue" + entries;
  }

  /** Collects entries; a later classification of the same field replaces the earlier one. */
  public static final class Builder {
    private final Map<PersonalField, CatalogueEntry> entries = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Classifies one of the model's own parts ({@link PersonalField#MODEL_FIELDS}); its kind is
     * fixed by its shape.
     *
     * @throws IllegalArgumentException for a custom attribute, which needs its kind: use
     *     {@link #classify(PersonalField, PersonalDataCategory, ValueKind)}
     */
    public Builder classify(PersonalField field, PersonalDataCategory category) {
      Require.notNull(field, "field");
      ValueKind kind = MODEL_KINDS.get(field);
      Require.argument(kind != null,
          "%s is not a part of the model; classify a custom attribute with its kind of value", field);
      return put(field, CatalogueEntry.of(category, kind));
    }

    /**
     * Classifies a custom attribute ({@link PersonalField#attribute}) with the kind of its values.
     *
     * @throws IllegalArgumentException for one of the model's own parts, whose kind is fixed
     */
    public Builder classify(PersonalField field, PersonalDataCategory category, ValueKind kind) {
      Require.notNull(field, "field");
      Require.argument(field.attributeKey().isPresent(),
          "%s is a part of the model with a fixed kind; classify it by category only", field);
      return put(field, CatalogueEntry.of(category, kind));
    }

    /** Declares {@code field} not personal: it will be shown as it is. */
    public Builder remove(PersonalField field) {
      Require.notNull(field, "field");
      entries.remove(field);
      return this;
    }

    public PersonalDataCatalogue build() {
      return new PersonalDataCatalogue(entries);
    }

    private Builder put(PersonalField field, CatalogueEntry entry) {
      entries.put(field, entry);
      return this;
    }
  }
}
