package io.crmkit.privacy.catalog;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerDetails;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A part of a customer record that can hold personal data: one of the model's own parts (the
 * constants), or a custom attribute by its key ({@link #attribute}).
 *
 * <p>The catalogue needs its own names because the personal parts of a customer are not all
 * {@link io.crmkit.core.customer.CustomerField}s: contact points, addresses and identifiers are
 * collections that {@code CustomerField} does not name.
 *
 * @param name the part's name: a constant's name, or {@code attribute:<key>}
 */
public record PersonalField(String name) {
  /** The person's name ({@link CustomerDetails#personName()}): family and given name. */
  public static final PersonalField PERSON_NAME = new PersonalField("personName");
  /** The name shown to people ({@link CustomerDetails#displayName()}). */
  public static final PersonalField DISPLAY_NAME = new PersonalField("displayName");
  /** An organisation's legal name: not personal by default (a registered name is public). */
  public static final PersonalField LEGAL_NAME = new PersonalField("legalName");
  /** E-mail contact points. */
  public static final PersonalField EMAIL = new PersonalField("contactPoints.email");
  /** Phone contact points. */
  public static final PersonalField PHONE = new PersonalField("contactPoints.phone");
  /** Other contact points (messenger handles, social-media accounts). */
  public static final PersonalField OTHER_CONTACT = new PersonalField("contactPoints.other");
  /** Postal addresses. */
  public static final PersonalField POSTAL_ADDRESS = new PersonalField("addresses");
  public static final PersonalField BIRTH_DATE = new PersonalField("birthDate");
  public static final PersonalField GENDER = new PersonalField("gender");
  /** A person's official identifiers (resident identity number, passport). */
  public static final PersonalField PERSON_IDENTIFIER = new PersonalField("personIdentifiers");
  /**
   * An organisation's official identifiers: personal when the organisation is a sole trader,
   * whose credit code or VAT number leads to one person.
   */
  public static final PersonalField ORGANISATION_IDENTIFIER = new PersonalField("organisationIdentifiers");
  /** The customer's keys in other systems: pseudonymous, so still personal data. */
  public static final PersonalField EXTERNAL_REFERENCE = new PersonalField("externalReferences");

  /** Every part of the model's own that the catalogue can classify. */
  public static final List<PersonalField> MODEL_FIELDS = List.of(PERSON_NAME, DISPLAY_NAME, LEGAL_NAME,
      EMAIL, PHONE, OTHER_CONTACT, POSTAL_ADDRESS, BIRTH_DATE, GENDER, PERSON_IDENTIFIER,
      ORGANISATION_IDENTIFIER, EXTERNAL_REFERENCE);

  static final String ATTRIBUTE_PREFIX = "attribute:";
  private static final Pattern ATTRIBUTE_NAME = Pattern.compile(CustomerDetails.ATTRIBUTE_NAME);

  public PersonalField {
    Require.notBlank(name, "name");
  }

  /** The custom attribute {@code key} of {@link CustomerDetails#attributes()}. */
  public static PersonalField attribute(String key) {
    Require.notNull(key, "key");
    Require.argument(ATTRIBUTE_NAME.matcher(key).matches(),
        "attribute key '%s' is not a valid attribute name (%s)", key, CustomerDetails.ATTRIBUTE_NAME);
    return new PersonalField(ATTRIBUTE_PREFIX + key);
  }

  /** The attribute key, for a field made by {@link #attribute}. */
  public Optional<String> attributeKey() {
    return name.startsWith(ATTRIBUTE_PREFIX)
        ? Optional.of(name.substring(ATTRIBUTE_PREFIX.length()))
        : Optional.empty();
  }

  /** Whether this is one of the model's own parts, whose shape (and so kind) is fixed. */
  public boolean isModelField() {
    return MODEL_FIELDS.contains(this);
  }

  @Override
  public String toString() {
    return name;
  }
}
