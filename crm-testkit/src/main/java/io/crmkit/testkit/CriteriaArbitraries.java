package io.crmkit.testkit;

import io.crmkit.core.common.PageRequest;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerField;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.LookupKey;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.Sort;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random {@link Criteria} trees, {@link Sort}s and {@link PageRequest}s over the values that
 * generated customers hold, so that a query matches some customers and misses others.
 */
final class CriteriaArbitraries {
  private static final int MAX_DEPTH = 3;
  private static final List<String> NAME_BOUNDS = List.of("", "A", "Jo", "M", "Mary", "S", "Z", "a", "m",
      "Ö", "Ø", "王", "张", "李", "北京", "上海", "佐藤", "김", "😀");
  private static final List<CustomerField<String>> NAME_FIELDS = List.of(CustomerField.DISPLAY_NAME,
      CustomerField.FAMILY_NAME, CustomerField.GIVEN_NAME, CustomerField.LEGAL_NAME);

  private CriteriaArbitraries() {}

  /** Trees up to three levels deep of every kind of criterion, including empty {@code and} and {@code or}. */
  static Arbitrary<Criteria> criteria() {
    return criteria(MAX_DEPTH);
  }

  /** Up to three sort keys over ordered fields, in either direction. */
  static Arbitrary<Sort> sorts() {
    List<CustomerField<?>> ordered = new ArrayList<>();
    CustomerField.FIXED.stream().filter(CustomerField::ordered).forEach(ordered::add);
    Pools.DIMENSION_CODES.keySet().forEach(dimension -> ordered.add(CustomerField.dimension(dimension)));
    Arbitrary<Sort.Key> keys = Combinators.combine(Arbitraries.of(ordered), Arbitraries.of(Sort.Direction.class))
        .as(Sort.Key::new);
    return keys.list().ofMaxSize(3).uniqueElements(Sort.Key::field).map(Sort::new);
  }

  /** Small pages near the start, now and then the largest page or a page past the end. */
  static Arbitrary<PageRequest> pageRequests() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Combinators.combine(Arbitraries.longs().between(0, 30), Arbitraries.integers().between(1, 20))
            .as(PageRequest::new)),
        Tuple.of(1, Arbitraries.just(PageRequest.first(PageRequest.MAX_LIMIT))),
        Tuple.of(1, Arbitraries.longs().between(30, 10_000).map(offset -> new PageRequest(offset, 10))));
  }

  private static Arbitrary<Criteria> criteria(int depth) {
    if (depth == 0) {
      return leaves();
    }
    Arbitrary<Criteria> operand = criteria(depth - 1);
    return Arbitraries.frequencyOf(
        Tuple.of(5, leaves()),
        Tuple.of(2, operand.list().ofMaxSize(3).map(Criteria.And::new)),
        Tuple.of(2, operand.list().ofMaxSize(3).map(Criteria.Or::new)),
        Tuple.of(1, operand.map(Criteria::not)));
  }

  private static Arbitrary<Criteria> leaves() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(Criteria.all())),
        Tuple.of(8, Arbitraries.oneOf(List.of(
            equality(CustomerField.KIND, List.of(CustomerKind.values())),
            equality(CustomerField.GENDER, List.of(Gender.values())),
            equality(CustomerField.STAGE, Pools.STAGES),
            equality(CustomerField.TIER, Pools.TIERS),
            equality(CustomerField.OWNER, Pools.OWNERS),
            equality(CustomerField.FAMILY_NAME, surnames()),
            dimensionEquality()))),
        Tuple.of(6, Arbitraries.oneOf(List.of(
            Arbitraries.of(NAME_FIELDS).flatMap(field -> range(field, Arbitraries.of(NAME_BOUNDS))),
            range(CustomerField.OWNER, Arbitraries.of(Pools.OWNERS)),
            range(CustomerField.BIRTH_DATE,
                AttributeArbitraries.dates(LocalDate.of(1920, 1, 1), LocalDate.of(2012, 12, 31))),
            range(CustomerField.CREATED_AT, TimeArbitraries.instants()),
            range(CustomerField.UPDATED_AT, TimeArbitraries.instants()),
            range(CustomerField.ID, IdentifierArbitraries.customerIds()),
            dimensionRange()))),
        Tuple.of(3, codePrefixes()),
        Tuple.of(3, pooledLookups()),
        Tuple.of(2, Arbitraries.of(Pools.TAGS).map(Criteria::hasTag)),
        Tuple.of(2, attributeEquality()));
  }

  /**
   * Lookups of the values {@code customers} hold, written as people type them (a phone in national
   * or international format, an e-mail with its domain in capitals, an identifier in lower case
   * with dashes, a name's first characters in another case or full width), mixed with lookups
   * that miss and combined with {@code and}, {@code or} and {@code not}.
   */
  static Arbitrary<Criteria> lookups(List<Customer> customers) {
    List<ContactPoint> phones = new ArrayList<>();
    List<ContactPoint> emails = new ArrayList<>();
    List<LookupKey> identifiers = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Customer customer : customers) {
      for (ContactPoint point : customer.contactPoints()) {
        if (point.channel() == ContactPoint.Channel.PHONE) {
          phones.add(point);
        } else if (point.channel() == ContactPoint.Channel.EMAIL) {
          emails.add(point);
        }
      }
      LookupKey.of(customer).stream().filter(key -> key.identifierScheme().isPresent()).forEach(identifiers::add);
      names.add(customer.displayName());
      customer.legalName().ifPresent(names::add);
      customer.personName().flatMap(PersonName::familyName).ifPresent(names::add);
      customer.personName().flatMap(PersonName::givenName).ifPresent(names::add);
    }
    List<Arbitrary<Criteria>> held = new ArrayList<>();
    if (!phones.isEmpty()) {
      held.add(Arbitraries.of(phones).flatMap(point -> LookupWriting.phone(point.value())));
    }
    if (!emails.isEmpty()) {
      held.add(Arbitraries.of(emails).flatMap(point -> LookupWriting.email(point.value())));
    }
    if (!identifiers.isEmpty()) {
      held.add(Arbitraries.of(identifiers).flatMap(LookupWriting::identifier));
    }
    if (!names.isEmpty()) {
      held.add(Arbitraries.of(names).flatMap(LookupWriting::namePrefix));
    }
    Arbitrary<Criteria> leaf = held.isEmpty() ? pooledLookups()
        : Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.oneOf(held)), Tuple.of(1, pooledLookups()));
    Arbitrary<Criteria> mixed = Arbitraries.frequencyOf(Tuple.of(4, leaf), Tuple.of(1, leaves()));
    return Arbitraries.frequencyOf(
        Tuple.of(5, leaf),
        Tuple.of(2, mixed.list().ofMinSize(1).ofMaxSize(3).map(Criteria.And::new)),
        Tuple.of(2, mixed.list().ofMinSize(1).ofMaxSize(3).map(Criteria.Or::new)),
        Tuple.of(1, leaf.map(Criteria::not)));
  }

  /** Lookups of generated values: they find a customer now and then, name prefixes often. */
  private static Arbitrary<Criteria> pooledLookups() {
    return Arbitraries.oneOf(List.of(
        ContactArbitraries.phoneNumbers().map(Criteria::hasPhone),
        ContactArbitraries.emails().map(Criteria::hasEmail),
        IdentifierArbitraries.personIdentifiers().filter(id -> !LookupKey.identifierValue(id.value()).isEmpty())
            .map(id -> Criteria.hasPersonIdentifier(id.scheme(), id.value())),
        IdentifierArbitraries.organisationIdentifiers()
            .filter(id -> !LookupKey.identifierValue(id.value()).isEmpty())
            .map(id -> Criteria.hasOrganisationIdentifier(id.scheme(), id.value())),
        Arbitraries.of(Stream.concat(NAME_BOUNDS.stream(), surnames().stream()).filter(bound -> !bound.isEmpty())
            .toList()).flatMap(LookupWriting::namePrefix)));
  }

  private static <T> Arbitrary<Criteria> equality(CustomerField<T> field, List<T> pool) {
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.of(pool).map(value -> Criteria.eq(field, value))),
        Tuple.of(1, Arbitraries.subsetOf(pool).ofMinSize(1).ofMaxSize(Math.min(3, pool.size()))
            .map(values -> Criteria.in(field, values))));
  }

  /** {@code [from, to)} with one bound open now and then; {@code from > to} is allowed and matches nothing. */
  private static <T extends Comparable<? super T>> Arbitrary<Criteria> range(CustomerField<T> field,
      Arbitrary<T> bounds) {
    return Combinators.combine(bounds.optional(0.8), bounds.optional(0.8))
        .filter((from, to) -> from.isPresent() || to.isPresent())
        .as((from, to) -> new Criteria.Range<>(field, from.orElse(null), to.orElse(null)));
  }

  private static Arbitrary<Criteria> dimensionEquality() {
    return Arbitraries.of(Pools.DIMENSION_CODES.keySet())
        .flatMap(dimension -> equality(CustomerField.dimension(dimension), Pools.DIMENSION_CODES.get(dimension)));
  }

  private static Arbitrary<Criteria> dimensionRange() {
    return Arbitraries.of(Pools.DIMENSION_CODES.keySet())
        .flatMap(dimension -> range(CustomerField.dimension(dimension), codePrefixesOf(dimension)));
  }

  private static Arbitrary<Criteria> codePrefixes() {
    return Arbitraries.of(Pools.DIMENSION_CODES.keySet())
        .flatMap(dimension -> codePrefixesOf(dimension).map(prefix -> Criteria.codeStartsWith(dimension, prefix)));
  }

  /** A code of the dimension or one of its prefixes: a branch of the hierarchy. */
  private static Arbitrary<String> codePrefixesOf(String dimension) {
    return Arbitraries.of(Pools.DIMENSION_CODES.get(dimension))
        .flatMap(code -> Arbitraries.integers().between(1, code.length()).map(length -> code.substring(0, length)));
  }

  private static Arbitrary<Criteria> attributeEquality() {
    return Arbitraries.of(Pools.ATTRIBUTES.keySet())
        .flatMap(name -> Arbitraries.of(Pools.ATTRIBUTES.get(name)).map(value -> Criteria.attributeIs(name, value)));
  }

  private static List<String> surnames() {
    return Stream.of(NameArbitraries.CHINESE_SURNAMES, NameArbitraries.WESTERN_SURNAMES)
        .flatMap(List::stream).toList();
  }
}
