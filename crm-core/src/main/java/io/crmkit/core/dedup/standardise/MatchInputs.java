package io.crmkit.core.dedup.standardise;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.dedup.MatchInput;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads a stored {@link Customer} as a {@link MatchInput}, so that the matcher can run against the
 * store with the same rules as against an imported file: the id is the customer id, the names,
 * legal name and birth date are taken as they are, the phones and e-mails come from the contact
 * points (primary ones first), and the address is the primary address (else the first one).
 *
 * <p>The identifier is a person identifier, the resident identity number first, then any other
 * scheme in alphabetical order; else an organisation identifier, the Unified Social Credit Code
 * first, then LEI, VAT, D-U-N-S and any other scheme in alphabetical order. A host that keeps an
 * identity number in a text attribute instead names it with {@link #of(Customer, String)}.
 */
public final class MatchInputs {
  private static final List<String> SCHEME_PRIORITY = List.of(
      OrganisationIdentifier.CN_USCC, OrganisationIdentifier.LEI, OrganisationIdentifier.VAT,
      OrganisationIdentifier.DUNS);
  private static final Comparator<OrganisationIdentifier> BY_PRIORITY = Comparator
      .comparingInt((OrganisationIdentifier id) -> priority(id.scheme()))
      .thenComparing(OrganisationIdentifier::scheme)
      .thenComparing(OrganisationIdentifier::value);

  private static final Comparator<PersonIdentifier> PERSON_BY_PRIORITY = Comparator
      .comparing((PersonIdentifier id) -> !PersonIdentifier.CN_RIN.equals(id.scheme()))
      .thenComparing(PersonIdentifier::scheme)
      .thenComparing(PersonIdentifier::value);

  private MatchInputs() {}

  /**
   * The customer as a match input, with its person identifier, else its organisation identifier,
   * as identifier.
   *
   * @throws NullPointerException if {@code customer} is null
   */
  public static MatchInput of(Customer customer) {
    Require.notNull(customer, "customer");
    return builder(customer).identifier(personIdentifier(customer).or(() -> organisationIdentifier(customer)))
        .build();
  }

  /**
   * The customer as a match input whose identifier is the text attribute {@code identifierAttribute}
   * (for example a resident identity number kept as {@code residentId}) when the customer has it,
   * else its organisation identifier.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code identifierAttribute} is blank
   */
  public static MatchInput of(Customer customer, String identifierAttribute) {
    Require.notNull(customer, "customer");
    Require.notBlank(identifierAttribute, "identifierAttribute");
    Optional<String> attribute = Optional.ofNullable(customer.attributes().get(identifierAttribute))
        .filter(AttributeValue.Text.class::isInstance)
        .map(value -> ((AttributeValue.Text) value).value());
    return builder(customer).identifier(attribute.or(() -> organisationIdentifier(customer))).build();
  }

  private static MatchInput.Builder builder(Customer customer) {
    MatchInput.Builder input = new MatchInput.Builder();
    input.id(customer.id().value().toString())
        .kind(customer.kind())
        .familyName(customer.personName().flatMap(PersonName::familyName))
        .givenName(customer.personName().flatMap(PersonName::givenName))
        .legalName(customer.legalName())
        .birthDate(customer.birthDate());
    contactValues(customer, ContactPoint.Channel.PHONE).forEach(input::addPhone);
    contactValues(customer, ContactPoint.Channel.EMAIL).forEach(input::addEmail);
    mainAddress(customer).ifPresent(address -> address(address, input));
    return input;
  }

  private static List<String> contactValues(Customer customer, ContactPoint.Channel channel) {
    return customer.contactPoints().stream()
        .filter(point -> point.channel() == channel)
        .sorted(Comparator.comparing(point -> !point.primary())) // stable: primary first, else as stored
        .map(ContactPoint::value)
        .toList();
  }

  private static Optional<PostalAddress> mainAddress(Customer customer) {
    return customer.addresses().stream().filter(PostalAddress::primary).findFirst()
        .or(() -> customer.addresses().stream().findFirst());
  }

  /**
   * A stored address's parts; the GB/T 2260 code of a Chinese address stands in for its region's
   * name, because the standardiser resolves a code given as region and a code is more precise than
   * the name (110105 says 朝阳区 of 北京市, where the name 北京市 says only the province).
   */
  private static void address(PostalAddress address, MatchInput.Builder input) {
    Optional<String> region = address.regionCode().filter(code -> "CN".equals(address.country()))
        .or(address::region);
    input.region(region)
        .city(address.city())
        .district(address.district())
        .street(address.street())
        .postcode(address.postcode())
        .addressLine(address.line());
  }

  private static Optional<String> personIdentifier(Customer customer) {
    return customer.personIdentifiers().stream().min(PERSON_BY_PRIORITY).map(PersonIdentifier::value);
  }

  private static Optional<String> organisationIdentifier(Customer customer) {
    return customer.organisationIdentifiers().stream().min(BY_PRIORITY).map(OrganisationIdentifier::value);
  }

  private static int priority(String scheme) {
    int index = SCHEME_PRIORITY.indexOf(scheme);
    return index < 0 ? SCHEME_PRIORITY.size() : index;
  }
}
