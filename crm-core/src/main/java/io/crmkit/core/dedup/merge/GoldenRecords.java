package io.crmkit.core.dedup.merge;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.dedup.merge.SurvivorshipRules.Attribute;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds a {@link GoldenRecord} from ranked records by {@link SurvivorshipRules}: a pure function,
 * the same result for the same records, rules and time.
 */
final class GoldenRecords {
  private final List<Customer> ranked;
  private final SurvivorshipRules rules;
  private final Map<Attribute, Provenance> provenance = new EnumMap<>(Attribute.class);

  private GoldenRecords(List<Customer> ranked, SurvivorshipRules rules) {
    this.ranked = ranked;
    this.rules = rules;
  }

  /**
   * @param ranked the survivor first, then the records it absorbs
   * @param now when the merge happens: the golden record's update time (never before its creation)
   */
  static GoldenRecord build(List<Customer> ranked, SurvivorshipRules rules, Instant now) {
    return new GoldenRecords(List.copyOf(ranked), rules).build(now);
  }

  private GoldenRecord build(Instant now) {
    Customer survivor = ranked.get(0);
    Instant createdAt = ranked.stream().map(Customer::createdAt).min(Comparator.naturalOrder()).orElseThrow();
    Customer.Builder golden = new Customer.Builder();
    golden.from(survivor);
    golden.createdAt(createdAt).updatedAt(Customer.updateTime(createdAt, now));
    CustomerKind kind = single(Attribute.KIND, c -> Optional.of(c.kind())).orElseThrow();
    golden.kind(kind);
    golden.personName(single(Attribute.PERSON_NAME, ofKind(CustomerKind.PERSON, kind, Customer::personName)));
    golden.legalName(single(Attribute.LEGAL_NAME, ofKind(CustomerKind.ORGANISATION, kind, Customer::legalName)));
    golden.displayName(single(Attribute.DISPLAY_NAME, c -> Optional.of(c.displayName())).orElseThrow());
    golden.contactPoints(onePrimaryPerChannel(list(Attribute.CONTACT_POINTS, Customer::contactPoints)));
    golden.addresses(onePrimaryAddress(list(Attribute.ADDRESSES, Customer::addresses)));
    golden.birthDate(single(Attribute.BIRTH_DATE, ofKind(CustomerKind.PERSON, kind, Customer::birthDate)));
    golden.gender(single(Attribute.GENDER, ofKind(CustomerKind.PERSON, kind, Customer::gender)));
    golden.organisationIdentifiers(list(Attribute.ORGANISATION_IDENTIFIERS, Customer::organisationIdentifiers));
    golden.personIdentifiers(list(Attribute.PERSON_IDENTIFIERS,
        c -> c.kind() == CustomerKind.PERSON && kind == CustomerKind.PERSON ? c.personIdentifiers() : Set.of()));
    golden.owner(single(Attribute.OWNER, Customer::owner));
    golden.tags(list(Attribute.TAGS, Customer::tags));
    golden.dimensionCodes(map(Attribute.DIMENSION_CODES, Customer::dimensionCodes));
    golden.tier(single(Attribute.TIER, Customer::tier));
    golden.attributes(map(Attribute.ATTRIBUTES, Customer::attributes));
    golden.externalReferences(list(Attribute.EXTERNAL_REFERENCES, Customer::externalReferences));
    golden.needs(list(Attribute.NEEDS, Customer::needs));
    return new GoldenRecord(golden.build(), provenance, ranked);
  }

  /**
   * A value that only a customer of {@code owner} kind has (a person's name, an organisation's
   * legal name): taken from records of that kind, and only when the golden record is of it, so
   * that merging a person with an organisation never gives one the other's attributes.
   */
  private static <T> Function<Customer, Optional<T>> ofKind(CustomerKind owner, CustomerKind golden,
      Function<Customer, Optional<T>> value) {
    return customer -> customer.kind() == owner && golden == owner ? value.apply(customer) : Optional.empty();
  }

  /**
   * Contact points as one customer may hold them: one entry per channel and value (verified if any
   * record verified it, primary if the first record holding it made it so), and at most one
   * primary per channel, the highest-ranked record's.
   */
  private static List<ContactPoint> onePrimaryPerChannel(List<ContactPoint> collected) {
    Map<String, ContactPoint> byValue = new LinkedHashMap<>();
    for (ContactPoint point : collected) {
      byValue.merge(point.channel() + ":" + point.value(), point,
          (first, later) -> first.withVerified(first.verified() || later.verified()));
    }
    Set<ContactPoint.Channel> withPrimary = EnumSet.noneOf(ContactPoint.Channel.class);
    return byValue.values().stream()
        .map(point -> point.primary() && !withPrimary.add(point.channel()) ? point.withPrimary(false) : point)
        .toList();
  }

  /** Addresses with at most one primary: the highest-ranked record's. */
  private static List<PostalAddress> onePrimaryAddress(List<PostalAddress> collected) {
    List<PostalAddress> addresses = new ArrayList<>();
    boolean primarySeen = false;
    for (PostalAddress address : collected) {
      addresses.add(address.primary() && primarySeen ? address.withPrimary(false) : address);
      primarySeen |= address.primary();
    }
    return addresses;
  }

  /** A single value by its rule; the record chosen is the provenance. */
  private <T> Optional<T> single(Attribute attribute, Function<Customer, Optional<T>> value) {
    Customer chosen = choose(attribute, c -> value.apply(c).isPresent());
    Optional<T> result = chosen == null ? Optional.empty() : value.apply(chosen);
    provenance.put(attribute, new Provenance(rules.rule(attribute),
        result.isPresent() ? List.of(chosen.id()) : List.of()));
    return result;
  }

  /** A list or set: collected in rank order without repeats, or one record's whole by its rule. */
  private <T> List<T> list(Attribute attribute, Function<Customer, ? extends Collection<T>> value) {
    if (rules.rule(attribute) != Survivorship.COLLECT_ALL) {
      Customer chosen = choose(attribute, c -> !value.apply(c).isEmpty());
      provenance.put(attribute, new Provenance(rules.rule(attribute), chosen == null ? List.of() : List.of(chosen.id())));
      return chosen == null ? List.of() : List.copyOf(value.apply(chosen));
    }
    Set<T> collected = new LinkedHashSet<>();
    List<CustomerId> from = new ArrayList<>();
    for (Customer customer : ranked) {
      boolean added = false;
      for (T item : value.apply(customer)) {
        added |= collected.add(item);
      }
      if (added) {
        from.add(customer.id());
      }
    }
    provenance.put(attribute, new Provenance(Survivorship.COLLECT_ALL, from));
    return List.copyOf(collected);
  }

  /** A map: each key's value from the highest-ranked record that has the key, or one record's whole. */
  private <K, V> Map<K, V> map(Attribute attribute, Function<Customer, Map<K, V>> value) {
    if (rules.rule(attribute) != Survivorship.COLLECT_ALL) {
      Customer chosen = choose(attribute, c -> !value.apply(c).isEmpty());
      provenance.put(attribute, new Provenance(rules.rule(attribute), chosen == null ? List.of() : List.of(chosen.id())));
      return chosen == null ? Map.of() : value.apply(chosen);
    }
    Map<K, V> collected = new LinkedHashMap<>();
    List<CustomerId> from = new ArrayList<>();
    for (Customer customer : ranked) {
      boolean added = false;
      for (Map.Entry<K, V> entry : value.apply(customer).entrySet()) {
        added |= collected.putIfAbsent(entry.getKey(), entry.getValue()) == null;
      }
      if (added) {
        from.add(customer.id());
      }
    }
    provenance.put(attribute, new Provenance(Survivorship.COLLECT_ALL, from));
    return collected;
  }

  /** The record an attribute's non-collecting rule picks among those that have a value; null if none has one. */
  private Customer choose(Attribute attribute, java.util.function.Predicate<Customer> hasValue) {
    Survivorship rule = rules.rule(attribute);
    if (rule == Survivorship.SURVIVOR) {
      Customer survivor = ranked.get(0);
      return hasValue.test(survivor) ? survivor : null;
    }
    Comparator<Customer> best = switch (rule) {
      case MOST_RECENT -> Comparator.comparing(Customer::updatedAt).reversed();
      case MOST_COMPLETE -> Comparator.comparingInt(GoldenRecords::completeness).reversed();
      case SOURCE_PRIORITY -> Comparator.comparingInt(this::sourceRank);
      default -> throw new IllegalStateException(rule + " picks no single record");
    };
    Customer chosen = null;
    for (Customer customer : ranked) {
      // Ties keep the earlier-ranked record, so the survivor wins them.
      if (hasValue.test(customer) && (chosen == null || best.compare(customer, chosen) < 0)) {
        chosen = customer;
      }
    }
    return chosen;
  }

  /** How many of a record's attributes are filled in. */
  static int completeness(Customer customer) {
    int filled = 0;
    filled += customer.personName().isPresent() ? 1 : 0;
    filled += customer.legalName().isPresent() ? 1 : 0;
    filled += customer.contactPoints().isEmpty() ? 0 : 1;
    filled += customer.addresses().isEmpty() ? 0 : 1;
    filled += customer.birthDate().isPresent() ? 1 : 0;
    filled += customer.gender().isPresent() ? 1 : 0;
    filled += customer.organisationIdentifiers().isEmpty() ? 0 : 1;
    filled += customer.personIdentifiers().isEmpty() ? 0 : 1;
    filled += customer.owner().isPresent() ? 1 : 0;
    filled += customer.tags().isEmpty() ? 0 : 1;
    filled += customer.dimensionCodes().isEmpty() ? 0 : 1;
    filled += customer.tier().isPresent() ? 1 : 0;
    filled += customer.attributes().isEmpty() ? 0 : 1;
    filled += customer.externalReferences().isEmpty() ? 0 : 1;
    filled += customer.needs().isEmpty() ? 0 : 1;
    return filled;
  }

  /** The position of the record's most trusted source in the priority list; after every listed one if none is listed. */
  private int sourceRank(Customer customer) {
    List<String> priority = rules.sourcePriority();
    int rank = priority.size();
    for (ExternalReference reference : customer.externalReferences()) {
      int index = priority.indexOf(reference.system());
      if (index >= 0 && index < rank) {
        rank = index;
      }
    }
    return rank;
  }
}
