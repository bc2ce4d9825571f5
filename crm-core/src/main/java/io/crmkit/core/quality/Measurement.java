package io.crmkit.core.quality;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.EmailAddresses;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.core.customer.PhoneNumbers;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.dedup.MatchRecord;
import io.crmkit.core.dedup.standardise.MatchInputs;
import io.crmkit.core.dimension.BuiltInSchemes;
import io.crmkit.core.dimension.DimensionScheme;
import io.crmkit.core.identifier.ResidentIdentityNumber;
import io.crmkit.core.identifier.UnifiedSocialCreditCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The running state of one {@link DataQuality#measure} call: every tally, fed one customer at a time. */
final class Measurement {
  private final Instant asOf;
  private final LocalDate today;
  private final Clock fixedClock;
  private final DataQuality settings;
  private final RegionConsistency regions;
  private long customers;

  private final Map<String, FieldTally> fields = new LinkedHashMap<>();
  private final Map<String, Long> dimensionsPresent = new TreeMap<>();
  private final Map<String, RuleTally> validity = new LinkedHashMap<>();
  private final Map<String, RuleTally> consistency = new LinkedHashMap<>();
  private final List<KeyTally> keys;
  private final AgeHistogram sinceUpdate = new AgeHistogram();
  private final AgeHistogram sinceContact = new AgeHistogram();

  Measurement(DataQuality settings, Instant asOf) {
    this.settings = settings;
    this.asOf = asOf;
    this.fixedClock = Clock.fixed(asOf, settings.clock().getZone());
    this.today = LocalDate.ofInstant(asOf, settings.clock().getZone());
    this.regions = new RegionConsistency(settings.standardiser());
    for (String field : List.of("name", "phone", "email", "address", "regionCode", "identifier", "birthDate",
        "gender", "owner", "tier", "externalReference")) {
      fields.put(field, new FieldTally(field));
    }
    settings.dimensions().forEach(dimension -> dimensionsPresent.put(dimension, 0L));
    for (String rule : List.of("phone-e164", "email-plausible", "uscc-check", "resident-id-check",
        "address-region-code")) {
      validity.put(rule, new RuleTally(rule));
    }
    settings.schemes().keySet().forEach(dimension -> validity.put(codeRule(dimension), new RuleTally(codeRule(dimension))));
    for (String rule : List.of("region-code-vs-address", "person-with-organisation-identifier",
        "organisation-with-person-identifier", "birth-date-in-future", "birth-date-vs-resident-id", "timestamp-in-future")) {
      consistency.put(rule, new RuleTally(rule));
    }
    int maxKeys = settings.maxKeysPerKind();
    keys = List.of(new KeyTally("phone", maxKeys), new KeyTally("email", maxKeys), new KeyTally("identifier", maxKeys));
  }

  private static String codeRule(String dimension) {
    return "dimension-code:" + dimension;
  }

  void add(Customer customer, Optional<Instant> lastContact, boolean contactsKnown) {
    customers++;
    completeness(customer);
    validity(customer);
    consistency(customer);
    uniqueness(customer);
    sinceUpdate.add(Duration.between(customer.updatedAt(), asOf).toDays());
    if (contactsKnown) {
      lastContact.ifPresentOrElse(at -> sinceContact.add(Duration.between(at, asOf).toDays()),
          sinceContact::addNever);
    }
  }

  private void completeness(Customer customer) {
    boolean person = customer.kind() == CustomerKind.PERSON;
    fields.get("name").count(person ? customer.personName().isPresent() : customer.legalName().isPresent());
    fields.get("phone").count(has(customer, ContactPoint.Channel.PHONE));
    fields.get("email").count(has(customer, ContactPoint.Channel.EMAIL));
    fields.get("address").count(!customer.addresses().isEmpty());
    fields.get("regionCode").count(customer.addresses().stream().anyMatch(address -> address.regionCode().isPresent()));
    fields.get("identifier").count(person ? !customer.personIdentifiers().isEmpty()
        : !customer.organisationIdentifiers().isEmpty());
    if (person) {
      fields.get("birthDate").count(customer.birthDate().isPresent());
      fields.get("gender").count(customer.gender().isPresent());
    }
    fields.get("owner").count(customer.owner().isPresent());
    fields.get("tier").count(customer.tier().isPresent());
    fields.get("externalReference").count(!customer.externalReferences().isEmpty());
    for (String dimension : customer.dimensionCodes().keySet()) {
      if (dimensionsPresent.containsKey(dimension) || dimensionsPresent.size() < DataQuality.MAX_DIMENSIONS) {
        dimensionsPresent.merge(dimension, 1L, Long::sum);
      }
    }
  }

  private static boolean has(Customer customer, ContactPoint.Channel channel) {
    return customer.contactPoints().stream().anyMatch(point -> point.channel() == channel);
  }

  private void validity(Customer customer) {
    checkEach(validity.get("phone-e164"), customer, contacts(customer, ContactPoint.Channel.PHONE),
        PhoneNumbers::isValidE164);
    checkEach(validity.get("email-plausible"), customer, contacts(customer, ContactPoint.Channel.EMAIL),
        EmailAddresses::isPlausible);
    checkEach(validity.get("uscc-check"), customer, customer.organisationIdentifiers().stream()
        .filter(id -> OrganisationIdentifier.CN_USCC.equals(id.scheme())).map(OrganisationIdentifier::value).toList(),
        UnifiedSocialCreditCode::isValid);
    checkEach(validity.get("resident-id-check"), customer, residentIds(customer),
        value -> ResidentIdentityNumber.isValid(value, fixedClock));
    checkEach(validity.get("address-region-code"), customer, customer.addresses().stream()
        .filter(address -> "CN".equals(address.country())).flatMap(address -> address.regionCode().stream()).toList(),
        code -> Gazetteer.SCHEME.check(code).isValid());
    settings.schemes().forEach((dimension, scheme) -> {
      String code = customer.dimensionCodes().get(dimension);
      checkEach(validity.get(codeRule(dimension)), customer, code == null ? List.of() : List.of(code),
          value -> scheme.check(value).isValid());
    });
  }

  private static List<String> contacts(Customer customer, ContactPoint.Channel channel) {
    return customer.contactPoints().stream().filter(point -> point.channel() == channel).map(ContactPoint::value)
        .toList();
  }

  private static List<String> residentIds(Customer customer) {
    return customer.personIdentifiers().stream().filter(id -> PersonIdentifier.CN_RIN.equals(id.scheme()))
        .map(PersonIdentifier::value).toList();
  }

  /** Counts the customer under {@code rule} if it has values to check, failing if one is not {@code valid}. */
  private static void checkEach(RuleTally rule, Customer customer, List<String> values, Predicate<String> valid) {
    if (!values.isEmpty()) {
      rule.check(customer.id(), !values.stream().allMatch(valid));
    }
  }

  private void consistency(Customer customer) {
    List<Boolean> verdicts = new ArrayList<>(customer.addresses().size());
    for (PostalAddress address : customer.addresses()) {
      regions.agrees(address).ifPresent(verdicts::add);
    }
    if (!verdicts.isEmpty()) {
      consistency.get("region-code-vs-address").check(customer.id(), verdicts.contains(Boolean.FALSE));
    }
    if (customer.kind() == CustomerKind.PERSON) {
      consistency.get("person-with-organisation-identifier").check(customer.id(),
          !customer.organisationIdentifiers().isEmpty());
    } else {
      consistency.get("organisation-with-person-identifier").check(customer.id(),
          !customer.personIdentifiers().isEmpty());
    }
    customer.birthDate().ifPresent(birthDate -> {
      consistency.get("birth-date-in-future").check(customer.id(), birthDate.isAfter(today));
      List<LocalDate> encoded = residentIds(customer).stream()
          .flatMap(value -> ResidentIdentityNumber.parse(value, fixedClock).stream())
          .map(ResidentIdentityNumber::birthDate).toList();
      if (!encoded.isEmpty()) {
        consistency.get("birth-date-vs-resident-id").check(customer.id(),
            encoded.stream().anyMatch(date -> !date.equals(birthDate)));
      }
    });
    consistency.get("timestamp-in-future").check(customer.id(),
        customer.createdAt().isAfter(asOf) || customer.updatedAt().isAfter(asOf));
  }

  private void uniqueness(Customer customer) {
    MatchRecord record = settings.standardiser().standardise(MatchInputs.of(customer));
    record.phones().stream().findFirst().ifPresent(keys.get(0)::add);
    record.emails().stream().findFirst().ifPresent(keys.get(1)::add);
    record.identifier().ifPresent(keys.get(2)::add);
  }

  QualityReport report() {
    List<QualityReport.FieldCompleteness> completeness = new ArrayList<>();
    fields.values().forEach(field -> completeness.add(field.result()));
    dimensionsPresent.forEach((dimension, present) -> completeness.add(new QualityReport.FieldCompleteness(
        "dimension:" + dimension, customers, present, QualityReport.share(present, customers))));
    List<QualityReport.KeyUniqueness> keyResults = keys.stream().map(key -> key.result(customers)).toList();
    QualityReport.KeyUniqueness worst = keyResults.stream()
        .max((a, b) -> Double.compare(a.duplicateRate(), b.duplicateRate())).orElseThrow();
    QualityReport.Uniqueness uniqueness = new QualityReport.Uniqueness(keyResults, worst.duplicateRate(),
        customers - worst.estimatedDuplicates());
    long horizonDays = settings.freshnessHorizon().toDays();
    QualityReport.Freshness freshness = new QualityReport.Freshness(sinceUpdate.result(),
        settings.hasLastContacts() ? Optional.of(sinceContact.result()) : Optional.empty(), horizonDays);
    QualityReport.Scores scores = Scores.of(completeness, validity.values(), uniqueness, consistency.values(),
        freshnessScore(horizonDays));
    return new QualityReport(asOf, customers, completeness,
        validity.values().stream().map(RuleTally::result).toList(), uniqueness, freshness,
        consistency.values().stream().map(RuleTally::result).toList(), scores);
  }

  /** The share of customers updated within the horizon; with contacts, its mean with the share contacted within it. */
  private double freshnessScore(long horizonDays) {
    if (customers == 0) {
      return 1.0;
    }
    double updated = QualityReport.share(sinceUpdate.atMost(horizonDays), customers);
    if (!settings.hasLastContacts()) {
      return updated;
    }
    return (updated + QualityReport.share(sinceContact.atMost(horizonDays), customers)) / 2;
  }

  /** GB/T 2260, loaded once, on the first measurement that needs it. */
  private static final class Gazetteer {
    static final DimensionScheme SCHEME = BuiltInSchemes.gbt2260();
  }
}
