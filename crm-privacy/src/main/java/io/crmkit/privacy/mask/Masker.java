package io.crmkit.privacy.mask;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.privacy.catalog.CatalogueEntry;
import io.crmkit.privacy.catalog.PersonalDataCatalogue;
import io.crmkit.privacy.catalog.PersonalDataCategory;
import io.crmkit.privacy.catalog.PersonalField;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Masks a whole customer by the {@link PersonalDataCatalogue}: every part the catalogue calls
 * personal (in the categories asked for) is masked by the {@link MaskingPolicy}; everything else
 * (id, version, stage, tier, tags, dimension codes, needs) stays as it is.
 *
 * <p>A masked customer is a {@link Customer}, so that code which shows customers shows masked ones
 * unchanged: it keeps the id, version and timestamps and satisfies every invariant of the model.
 * It is a view for reading, never for saving: its values are no longer the customer's, and
 * {@code CustomerRules} rejects most of them (a masked phone number is not E.164). Two identifiers
 * or references that mask alike appear once (they are sets).
 *
 * <p>How the parts are masked: names by {@link NameMask}; a person's display name as a name, an
 * organisation's display and legal names (when {@link PersonalField#LEGAL_NAME} is classified) as
 * text; contact points by channel; addresses by {@link AddressMask}; the birth date coarsened;
 * gender withheld; identifiers by scheme; external references as identifiers of their system;
 * custom attributes by their kind: text masked, dates coarsened, numbers and flags withheld (no
 * masked form of them is still a number or a flag). Masking a masked customer changes nothing.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class Masker {
  private final PersonalDataCatalogue catalogue;
  private final MaskingPolicy policy;

  private Masker(PersonalDataCatalogue catalogue, MaskingPolicy policy) {
    this.catalogue = catalogue;
    this.policy = policy;
  }

  public static Masker of(PersonalDataCatalogue catalogue, MaskingPolicy policy) {
    Require.notNull(catalogue, "catalogue");
    Require.notNull(policy, "policy");
    return new Masker(catalogue, policy);
  }

  /** The default catalogue and policy. */
  public static Masker defaults() {
    return of(PersonalDataCatalogue.defaults(), MaskingPolicy.defaults());
  }

  public PersonalDataCatalogue catalogue() {
    return catalogue;
  }

  public MaskingPolicy policy() {
    return policy;
  }

  /** {@code customer} with every personal part masked. */
  public Customer mask(Customer customer) {
    return mask(customer, EnumSet.allOf(PersonalDataCategory.class));
  }

  /**
   * {@code customer} with the personal parts of {@code categories} masked and the rest in clear:
   * what a reader allowed to see some categories in clear is shown.
   */
  public Customer mask(Customer customer, Set<PersonalDataCategory> categories) {
    Require.notNull(customer, "customer");
    Require.notNull(categories, "categories");
    Set<PersonalDataCategory> masked = categories.isEmpty()
        ? EnumSet.noneOf(PersonalDataCategory.class) : EnumSet.copyOf(categories);
    Customer.Builder out = new Customer.Builder();
    out.from(customer);
    maskNames(customer, masked, out);
    out.contactPoints(customer.contactPoints().stream().map(c -> maskContact(c, masked)).toList());
    if (applies(PersonalField.POSTAL_ADDRESS, masked)) {
      out.addresses(customer.addresses().stream().map(policy.addresses()::mask).toList());
    }
    if (applies(PersonalField.BIRTH_DATE, masked)) {
      out.birthDate(customer.birthDate().map(policy.dates()::coarsen));
    }
    if (applies(PersonalField.GENDER, masked)) {
      out.gender(Optional.empty());
    }
    if (applies(PersonalField.PERSON_IDENTIFIER, masked)) {
      out.personIdentifiers(customer.personIdentifiers().stream()
          .map(id -> PersonIdentifier.of(id.scheme(), policy.identifiers().mask(id.scheme(), id.value())))
          .collect(Collectors.toCollection(LinkedHashSet::new)));
    }
    if (applies(PersonalField.ORGANISATION_IDENTIFIER, masked)) {
      out.organisationIdentifiers(customer.organisationIdentifiers().stream()
          .map(id -> OrganisationIdentifier.of(id.scheme(), policy.identifiers().mask(id.scheme(), id.value())))
          .collect(Collectors.toCollection(LinkedHashSet::new)));
    }
    if (applies(PersonalField.EXTERNAL_REFERENCE, masked)) {
      out.externalReferences(customer.externalReferences().stream()
          .map(ref -> ExternalReference.of(ref.system(), policy.identifiers().mask(ref.system(), ref.id())))
          .collect(Collectors.toCollection(LinkedHashSet::new)));
    }
    out.attributes(maskAttributes(customer.attributes(), masked));
    return out.build();
  }

  private void maskNames(Customer customer, Set<PersonalDataCategory> masked, Customer.Builder out) {
    if (customer.kind() == CustomerKind.PERSON) {
      if (applies(PersonalField.PERSON_NAME, masked)) {
        out.personName(customer.personName().map(policy.names()::mask));
      }
      if (applies(PersonalField.DISPLAY_NAME, masked)) {
        out.displayName(policy.names().mask(customer.displayName()));
      }
    } else if (applies(PersonalField.LEGAL_NAME, masked)) {
      out.legalName(customer.legalName().map(policy.text()::mask));
      out.displayName(policy.text().mask(customer.displayName()));
    }
  }

  private ContactPoint maskContact(ContactPoint contact, Set<PersonalDataCategory> masked) {
    return switch (contact.channel()) {
      case EMAIL -> applies(PersonalField.EMAIL, masked)
          ? contact.withValue(policy.emails().mask(contact.value())) : contact;
      case PHONE -> applies(PersonalField.PHONE, masked)
          ? contact.withValue(policy.phones().mask(contact.value())) : contact;
      case OTHER -> applies(PersonalField.OTHER_CONTACT, masked)
          ? contact.withValue(policy.text().mask(contact.value())) : contact;
    };
  }

  private Map<String, AttributeValue> maskAttributes(Map<String, AttributeValue> attributes,
      Set<PersonalDataCategory> masked) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    attributes.forEach((key, value) -> {
      Optional<CatalogueEntry> entry = catalogue.attributeEntry(key)
          .filter(e -> masked.contains(e.category()));
      if (entry.isEmpty()) {
        out.put(key, value);
      } else if (value instanceof AttributeValue.Text text) {
        out.put(key, AttributeValue.text(policy.mask(entry.get().kind(), text.value())));
      } else if (value instanceof AttributeValue.Date date) {
        out.put(key, AttributeValue.date(policy.dates().coarsen(date.value())));
      }
      // Numbers and flags have no masked form that is still a number or a flag: withheld.
    });
    return out;
  }

  private boolean applies(PersonalField field, Set<PersonalDataCategory> masked) {
    return catalogue.isPersonalIn(field, masked);
  }
}
