package io.crmkit.testkit;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerDetails;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.customer.Need;
import io.crmkit.core.customer.AttributeValue;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Whole customers: persons and organisations with every kind of detail, before and after storing. */
final class CustomerArbitraries {
  private static final List<String> TRADING_NAMES = List.of("张记小吃", "Bob's Garage", "老王五金店",
      "Studio Müller", "Café Zoë");

  private CustomerArbitraries() {}

  static Arbitrary<NewCustomer> newCustomers() {
    return Arbitraries.frequencyOf(Tuple.of(6, persons()), Tuple.of(4, organisations()));
  }

  static Arbitrary<NewCustomer> persons() {
    Arbitrary<Identity> identity = Combinators.combine(
            NameArbitraries.personNames(),
            AttributeArbitraries.dates(LocalDate.of(1920, 1, 1), LocalDate.of(2012, 12, 31)).optional(0.5),
            Arbitraries.of(Gender.class).optional(0.6),
            IdentifierArbitraries.personIdentifiers().set().ofMaxSize(2))
        .as((name, birthDate, gender, identifiers) -> new Identity(CustomerKind.PERSON, Optional.of(name),
            Optional.empty(), birthDate, gender, Set.of(), identifiers));
    return withDetails(identity);
  }

  static Arbitrary<NewCustomer> organisations() {
    Arbitrary<Identity> identity = Combinators.combine(
            NameArbitraries.legalNames(),
            IdentifierArbitraries.organisationIdentifiers().set().ofMaxSize(3))
        .as((legalName, identifiers) -> new Identity(CustomerKind.ORGANISATION, Optional.empty(),
            Optional.of(legalName), Optional.empty(), Optional.empty(), identifiers, Set.of()));
    return withDetails(identity);
  }

  /** Customers ready for their first {@code Customers.save}: version 0, updated at or after creation. */
  static Arbitrary<Customer> customers() {
    return Combinators.combine(newCustomers(), IdentifierArbitraries.customerIds(), TimeArbitraries.instants(),
            TimeArbitraries.microsAfter())
        .as((details, id, createdAt, age) -> new Customer.Builder()
            .from(details)
            .id(id)
            .version(0)
            .createdAt(createdAt)
            .updatedAt(createdAt.plus(age, ChronoUnit.MICROS))
            .build());
  }

  /** Customers that can all be stored together: distinct ids, no external reference held twice. */
  static Arbitrary<List<Customer>> customerLists(int minSize, int maxSize) {
    return customers().list().ofMinSize(minSize).ofMaxSize(maxSize).uniqueElements(Customer::id)
        .map(CustomerArbitraries::withoutSharedReferences);
  }

  /** Stage names of the default lifecycle, now and then a company's own. */
  static Arbitrary<LifecycleStage> lifecycleStages() {
    return Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(Pools.STAGES)),
        Tuple.of(1, upperCaseNames().map(LifecycleStage::of)));
  }

  /** The common tiers, now and then a policy's own. */
  static Arbitrary<ValueTier> valueTiers() {
    return Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(Pools.TIERS)),
        Tuple.of(1, upperCaseNames().map(ValueTier::of)));
  }

  private static Arbitrary<String> upperCaseNames() {
    return Combinators.combine(Arbitraries.strings().withCharRange('A', 'Z').ofLength(1),
            Arbitraries.strings().withCharRange('A', 'Z').numeric().withChars('_')
                .ofMaxLength(LifecycleStage.MAX_NAME_LENGTH - 1))
        .as(String::concat);
  }

  private static Arbitrary<NewCustomer> withDetails(Arbitrary<Identity> identities) {
    Arbitrary<Contacts> contacts = Combinators.combine(
            identities,
            TextArbitraries.realisticOr(Arbitraries.of(TRADING_NAMES), CustomerDetails.MAX_DISPLAY_NAME_LENGTH)
                .optional(0.1),
            ContactArbitraries.contactPointLists(4),
            AddressArbitraries.postalAddressLists(3))
        .as(Contacts::new);
    Arbitrary<Classification> classification = Combinators.combine(
            TextArbitraries.realisticOr(Arbitraries.of(Pools.OWNERS), CustomerDetails.MAX_OWNER_LENGTH).optional(0.7),
            TextArbitraries.realisticOr(Arbitraries.of(Pools.TAGS), CustomerDetails.MAX_TAG_LENGTH).set().ofMaxSize(4),
            dimensionCodes(),
            lifecycleStages(),
            valueTiers().optional(0.6))
        .as(Classification::new);
    Arbitrary<Extras> extras = Combinators.combine(
            AttributeArbitraries.attributeMaps(4),
            IdentifierArbitraries.externalReferences().set().ofMaxSize(2),
            AttributeArbitraries.needs().list().ofMaxSize(3))
        .as(Extras::new);
    return Combinators.combine(contacts, classification, extras).as(CustomerArbitraries::assemble);
  }

  private static Arbitrary<Map<String, String>> dimensionCodes() {
    Arbitrary<Map.Entry<String, String>> pooled = Arbitraries.of(Pools.DIMENSION_CODES.keySet())
        .flatMap(dimension -> Arbitraries.of(Pools.DIMENSION_CODES.get(dimension))
            .map(code -> Map.entry(dimension, code)));
    Arbitrary<Map.Entry<String, String>> any = Arbitraries.entries(
        TextArbitraries.text(CustomerDetails.MAX_DIMENSION_LENGTH), TextArbitraries.text(CustomerDetails.MAX_CODE_LENGTH));
    return Arbitraries.frequencyOf(Tuple.of(9, pooled), Tuple.of(1, any)).list().ofMaxSize(3)
        .map(entries -> {
          Map<String, String> codes = new LinkedHashMap<>();
          entries.forEach(entry -> codes.putIfAbsent(entry.getKey(), entry.getValue()));
          return codes;
        });
  }

  private static NewCustomer assemble(Contacts contacts, Classification classification, Extras extras) {
    Identity identity = contacts.identity();
    NewCustomer.Builder builder = new NewCustomer.Builder();
    builder.kind(identity.kind())
        .personName(identity.personName())
        .legalName(identity.legalName())
        .birthDate(identity.birthDate())
        .gender(identity.gender())
        .organisationIdentifiers(identity.identifiers())
        .personIdentifiers(identity.personIdentifiers())
        .contactPoints(contacts.contactPoints())
        .addresses(contacts.addresses())
        .owner(classification.owner())
        .tags(classification.tags())
        .dimensionCodes(classification.dimensionCodes())
        .stage(classification.stage())
        .tier(classification.tier())
        .attributes(extras.attributes())
        .externalReferences(extras.references())
        .needs(extras.needs());
    contacts.displayName().ifPresent(builder::displayName);
    return builder.build();
  }

  private static List<Customer> withoutSharedReferences(List<Customer> customers) {
    Set<ExternalReference> taken = new HashSet<>();
    List<Customer> result = new ArrayList<>(customers.size());
    for (Customer customer : customers) {
      Set<ExternalReference> own = new LinkedHashSet<>();
      customer.externalReferences().stream().filter(taken::add).forEach(own::add);
      result.add(own.size() == customer.externalReferences().size() ? customer
          : new Customer.Builder().from(customer).externalReferences(own).build());
    }
    return result;
  }

  private record Identity(CustomerKind kind, Optional<PersonName> personName, Optional<String> legalName,
      Optional<LocalDate> birthDate, Optional<Gender> gender, Set<OrganisationIdentifier> identifiers,
      Set<PersonIdentifier> personIdentifiers) {}

  private record Contacts(Identity identity, Optional<String> displayName, List<ContactPoint> contactPoints,
      List<PostalAddress> addresses) {}

  private record Classification(Optional<String> owner, Set<String> tags, Map<String, String> dimensionCodes,
      LifecycleStage stage, Optional<ValueTier> tier) {}

  private record Extras(Map<String, AttributeValue> attributes, Set<ExternalReference> references,
      List<Need> needs) {}
}
