package io.crmkit.privacy.access;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.CustomerDetails;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.privacy.catalog.PersonalDataCatalogue;
import io.crmkit.privacy.catalog.PersonalDataCategory;
import io.crmkit.privacy.catalog.PersonalField;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which personal fields a customer holds values in, and which of them differ between two versions:
 * the facts that decide which scopes a change writes and which categories a read shows.
 */
final class PersonalParts {
  private PersonalParts() {}

  /** The fields of {@link PersonalField#MODEL_FIELDS} and custom attributes {@code customer} has a value in. */
  static Set<PersonalField> present(CustomerDetails customer) {
    Set<PersonalField> present = new LinkedHashSet<>();
    if (customer.kind() == CustomerKind.PERSON) {
      customer.personName().ifPresent(name -> present.add(PersonalField.PERSON_NAME));
      present.add(PersonalField.DISPLAY_NAME);
    } else {
      present.add(PersonalField.LEGAL_NAME);
    }
    for (ContactPoint contact : customer.contactPoints()) {
      present.add(fieldOf(contact.channel()));
    }
    addIf(present, !customer.addresses().isEmpty(), PersonalField.POSTAL_ADDRESS);
    addIf(present, customer.birthDate().isPresent(), PersonalField.BIRTH_DATE);
    addIf(present, customer.gender().isPresent(), PersonalField.GENDER);
    addIf(present, !customer.personIdentifiers().isEmpty(), PersonalField.PERSON_IDENTIFIER);
    addIf(present, !customer.organisationIdentifiers().isEmpty(), PersonalField.ORGANISATION_IDENTIFIER);
    addIf(present, !customer.externalReferences().isEmpty(), PersonalField.EXTERNAL_REFERENCE);
    customer.attributes().keySet().forEach(key -> present.add(attributeField(key)));
    return present;
  }

  /** The categories of personal data {@code customer} holds values of, by {@code catalogue}. */
  static Set<PersonalDataCategory> categoriesHeld(CustomerDetails customer, PersonalDataCatalogue catalogue) {
    Set<PersonalDataCategory> held = EnumSet.noneOf(PersonalDataCategory.class);
    for (PersonalField field : present(customer)) {
      categoryOf(field, catalogue).ifPresent(held::add);
    }
    return held;
  }

  /** The personal fields whose values differ between {@code before} and {@code after}. */
  static Set<PersonalField> changed(CustomerDetails before, CustomerDetails after) {
    Set<PersonalField> changed = new LinkedHashSet<>();
    addIf(changed, !before.personName().equals(after.personName()), PersonalField.PERSON_NAME);
    if (!before.displayName().equals(after.displayName())) {
      changed.add(after.kind() == CustomerKind.PERSON ? PersonalField.DISPLAY_NAME : PersonalField.LEGAL_NAME);
    }
    addIf(changed, !before.legalName().equals(after.legalName()), PersonalField.LEGAL_NAME);
    for (ContactPoint.Channel channel : ContactPoint.Channel.values()) {
      addIf(changed, !Contacts.of(before, channel).equals(Contacts.of(after, channel)), fieldOf(channel));
    }
    addIf(changed, !before.addresses().equals(after.addresses()), PersonalField.POSTAL_ADDRESS);
    addIf(changed, !before.birthDate().equals(after.birthDate()), PersonalField.BIRTH_DATE);
    addIf(changed, !before.gender().equals(after.gender()), PersonalField.GENDER);
    addIf(changed, !before.personIdentifiers().equals(after.personIdentifiers()), PersonalField.PERSON_IDENTIFIER);
    addIf(changed, !before.organisationIdentifiers().equals(after.organisationIdentifiers()),
        PersonalField.ORGANISATION_IDENTIFIER);
    addIf(changed, !before.externalReferences().equals(after.externalReferences()), PersonalField.EXTERNAL_REFERENCE);
    Map<String, AttributeValue> was = before.attributes();
    Map<String, AttributeValue> is = after.attributes();
    Set<String> keys = new LinkedHashSet<>(was.keySet());
    keys.addAll(is.keySet());
    for (String key : keys) {
      addIf(changed, !Objects.equals(was.get(key), is.get(key)), attributeField(key));
    }
    return changed;
  }

  /** The scope a field belongs to: its category if the catalogue calls it personal, else non-personal. */
  static FieldScope scopeOf(PersonalField field, PersonalDataCatalogue catalogue) {
    return categoryOf(field, catalogue).map(FieldScope::of).orElse(FieldScope.NON_PERSONAL);
  }

  private static Optional<PersonalDataCategory> categoryOf(PersonalField field,
      PersonalDataCatalogue catalogue) {
    Optional<String> key = field.attributeKey();
    return (key.isPresent() ? catalogue.attributeEntry(key.get()) : catalogue.entry(field))
        .map(entry -> entry.category());
  }

  static PersonalField fieldOf(ContactPoint.Channel channel) {
    return switch (channel) {
      case EMAIL -> PersonalField.EMAIL;
      case PHONE -> PersonalField.PHONE;
      case OTHER -> PersonalField.OTHER_CONTACT;
    };
  }

  /**
   * The field of attribute {@code key}. Stored keys are valid attribute names; a key that is not
   * still gets a field of its own name, so that nothing escapes the comparison.
   */
  private static PersonalField attributeField(String key) {
    return new PersonalField("attribute:" + key);
  }

  private static void addIf(Set<PersonalField> fields, boolean condition, PersonalField field) {
    if (condition) {
      fields.add(field);
    }
  }
}
