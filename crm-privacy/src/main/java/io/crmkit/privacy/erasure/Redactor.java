package io.crmkit.privacy.erasure;

import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.Need;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.dedup.merge.Merge;
import io.crmkit.core.dedup.merge.MergedRecord;
import io.crmkit.core.lifecycle.HistoryEntry;
import io.crmkit.privacy.catalog.PersonalDataCatalogue;
import io.crmkit.privacy.catalog.PersonalField;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The irreversible anonymisation of one customer's data, value by value, as erasure writes it
 * back: pure functions, so that the same rules apply to the stored record, its merge snapshots and
 * its activities. What the catalogue calls personal goes; what a business needs for accounting and
 * statistics (kind, stage, tier, codes, tags, amounts, categories, coarsened dates) stays.
 */
final class Redactor {
  /** The given name an erased person keeps: the model needs a name, and this one says why it is so. */
  static final String ERASED_NAME = "Erased";
  /** The display name of an erased customer. */
  static final String ERASED_DISPLAY_NAME = "Erased customer";
  /** The legal name of an erased organisation whose legal name is personal (a sole trader). */
  static final String ERASED_LEGAL_NAME = "Erased organisation";

  private final PersonalDataCatalogue catalogue;

  Redactor(PersonalDataCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /**
   * {@code customer} without its personal data: names replaced by fixed placeholders; personal
   * contact points, identifiers, external references, birth date, gender and personal custom
   * attributes removed; addresses kept to country, region and city (a GB/T 2260 code coarsened to
   * its city); needs without their free-text description. Id, version, kind, stage, tier, owner,
   * tags, dimension codes and creation time stay; {@code updatedAt} becomes {@code now} (never
   * before creation).
   */
  Customer customer(Customer customer, Instant now) {
    Customer.Builder redacted = new Customer.Builder();
    redacted.from(customer);
    boolean person = customer.kind() == CustomerKind.PERSON;
    if (personal(PersonalField.PERSON_NAME) && customer.personName().isPresent()) {
      redacted.personName(PersonName.of(null, ERASED_NAME));
    }
    if (personal(PersonalField.LEGAL_NAME) && customer.legalName().isPresent()) {
      redacted.legalName(ERASED_LEGAL_NAME);
    }
    boolean nameGone = person ? personal(PersonalField.DISPLAY_NAME) : personal(PersonalField.LEGAL_NAME);
    if (nameGone) {
      redacted.displayName(ERASED_DISPLAY_NAME);
    }
    redacted.contactPoints(customer.contactPoints().stream().filter(c -> !personal(contactField(c))).toList());
    if (personal(PersonalField.POSTAL_ADDRESS)) {
      redacted.addresses(customer.addresses().stream().map(Redactor::coarse).toList());
    }
    if (personal(PersonalField.BIRTH_DATE)) {
      redacted.birthDate(Optional.empty());
    }
    if (personal(PersonalField.GENDER)) {
      redacted.gender(Optional.empty());
    }
    if (personal(PersonalField.PERSON_IDENTIFIER)) {
      redacted.personIdentifiers(Set.of());
    }
    if (personal(PersonalField.ORGANISATION_IDENTIFIER)) {
      redacted.organisationIdentifiers(Set.of());
    }
    if (personal(PersonalField.EXTERNAL_REFERENCE)) {
      redacted.externalReferences(Set.of());
    }
    Map<String, AttributeValue> attributes = new LinkedHashMap<>(customer.attributes());
    attributes.keySet().removeIf(key -> catalogue.attributeEntry(key).isPresent());
    redacted.attributes(attributes);
    redacted.needs(customer.needs().stream()
        .map(need -> (Need) new Need.Builder().from(need).description(Optional.empty()).build()).toList());
    redacted.updatedAt(Customer.updateTime(customer.createdAt(), now));
    return redacted.build();
  }

  /** The purchase with its time at the start of its month (UTC) and no order reference. */
  Purchase purchase(Purchase purchase) {
    return new Purchase.Builder().from(purchase).occurredAt(month(purchase.occurredAt()))
        .orderReference(Optional.empty()).build();
  }

  /** The interaction with its time at the start of its month (UTC), no subject and no outcome. */
  Interaction interaction(Interaction interaction) {
    return new Interaction.Builder().from(interaction).occurredAt(month(interaction.occurredAt()))
        .subject(Optional.empty()).outcome(Optional.empty()).build();
  }

  /**
   * The merge with the snapshots of the erased customers anonymised, their blocking keys (derived
   * from personal values) dropped and the reasons of their moved history removed; which customers,
   * activities and history entries moved stays, so an undo still restores the (anonymised) records.
   * The records of customers not erased stay as they are: an undone merge joined people who are not
   * the erased one.
   */
  Merge merge(Merge merge, Set<CustomerId> erased) {
    return new Merge.Builder().from(merge)
        .records(merge.records().stream()
            .map(record -> erased.contains(record.before().id()) ? record(record) : record).toList())
        .build();
  }

  private MergedRecord record(MergedRecord record) {
    return new MergedRecord.Builder().from(record)
        .before(customer(record.before(), record.before().updatedAt()))
        .blockingKeys(Set.of())
        .movedHistory(record.movedHistory().stream().map(Redactor::withoutReason).toList())
        .build();
  }

  static HistoryEntry withoutReason(HistoryEntry entry) {
    return new HistoryEntry(entry.customerId(), entry.customerVersion(), entry.from(), entry.to(), entry.trigger(),
        entry.at(), entry.actor(), Optional.empty(), entry.origin());
  }

  /** The first instant of the UTC month of {@code at}. */
  static Instant month(Instant at) {
    return at.atOffset(ZoneOffset.UTC).with(TemporalAdjusters.firstDayOfMonth()).truncatedTo(ChronoUnit.DAYS)
        .toInstant();
  }

  private static PostalAddress coarse(PostalAddress address) {
    return new PostalAddress.Builder().from(address)
        .regionCode(address.regionCode().map(Redactor::cityLevel))
        .district(Optional.empty())
        .street(Optional.empty())
        .postcode(Optional.empty())
        .line(Optional.empty())
        .build();
  }

  /** A six-digit GB/T 2260 code at its prefecture (city) level; other codes as they are. */
  static String cityLevel(String regionCode) {
    return regionCode.length() == 6 && regionCode.chars().allMatch(c -> c >= '0' && c <= '9')
        ? regionCode.substring(0, 4) + "00"
        : regionCode;
  }

  private boolean personal(PersonalField field) {
    return catalogue.isPersonal(field);
  }

  private static PersonalField contactField(ContactPoint contact) {
    return switch (contact.channel()) {
      case EMAIL -> PersonalField.EMAIL;
      case PHONE -> PersonalField.PHONE;
      case OTHER -> PersonalField.OTHER_CONTACT;
    };
  }
}
