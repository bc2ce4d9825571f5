package io.crmkit.core.customer;

import io.crmkit.core.common.DomainRule;
import io.crmkit.core.common.Violation;
import io.crmkit.core.identifier.ResidentIdentityNumber;
import io.crmkit.core.identifier.UnifiedSocialCreditCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rules about a customer as a whole that single-field constraints cannot express. Each rule
 * has a stable name, used as {@link Violation#rule()}.
 */
public final class CustomerRules {
  /** Every rule, in the order they are checked. */
  public static final DomainRule<CustomerDetails> ALL = CustomerRules::check;

  private CustomerRules() {}

  /** Every rule that {@code customer} breaks. */
  public static List<Violation> check(CustomerDetails customer) {
    List<Violation> found = new ArrayList<>();
    if (customer.kind() == CustomerKind.PERSON) {
      if (customer.personName().isEmpty()) {
        found.add(new Violation("personName", "person-requires-name", "a person needs a person name"));
      }
      if (customer.legalName().isPresent()) {
        found.add(new Violation("legalName", "person-has-no-legal-name",
            "a person has no organisation legal name; use displayName for a trading name"));
      }
    } else if (customer.kind() == CustomerKind.ORGANISATION) {
      if (customer.legalName().isEmpty()) {
        found.add(new Violation("legalName", "organisation-requires-legal-name",
            "an organisation needs a legal name"));
      }
      if (customer.personName().isPresent()) {
        found.add(new Violation("personName", "organisation-has-no-person-name",
            "an organisation has no person name; record its contacts separately"));
      }
      if (customer.birthDate().isPresent()) {
        found.add(new Violation("birthDate", "organisation-has-no-birth-date",
            "an organisation has no birth date"));
      }
      if (customer.gender().isPresent()) {
        found.add(new Violation("gender", "organisation-has-no-gender", "an organisation has no gender"));
      }
      if (!customer.personIdentifiers().isEmpty()) {
        found.add(new Violation("personIdentifiers", "organisation-has-no-person-identifier",
            "an organisation has no person identifier; use organisationIdentifiers"));
      }
    }
    checkContactPoints(customer.contactPoints(), found);
    checkAddresses(customer.addresses(), found);
    checkOrganisationIdentifiers(customer.organisationIdentifiers(), found);
    checkPersonIdentifiers(customer.personIdentifiers(), found);
    return found;
  }

  private static void checkContactPoints(List<ContactPoint> points, List<Violation> found) {
    Map<ContactPoint.Channel, Integer> primaries = new EnumMap<>(ContactPoint.Channel.class);
    for (int i = 0; i < points.size(); i++) {
      ContactPoint point = points.get(i);
      if (point == null) {
        continue;
      }
      String path = "contactPoints[" + i + "].value";
      if (point.channel() == ContactPoint.Channel.EMAIL && !EmailAddresses.isPlausible(point.value())) {
        found.add(new Violation(path, "email-format", "must be an e-mail address such as name@example.com"));
      }
      if (point.channel() == ContactPoint.Channel.PHONE && !PhoneNumbers.isValidE164(point.value())) {
        found.add(new Violation(path, "phone-e164",
            "must be a valid phone number in E.164 form such as +8613812345678"));
      }
      if (point.primary() && primaries.merge(point.channel(), 1, Integer::sum) == 2) {
        found.add(new Violation("contactPoints[" + i + "].primary", "one-primary-per-channel",
            "only one " + point.channel() + " contact point can be primary"));
      }
    }
  }

  private static void checkAddresses(List<PostalAddress> addresses, List<Violation> found) {
    int primaries = 0;
    for (int i = 0; i < addresses.size(); i++) {
      PostalAddress address = addresses.get(i);
      if (address != null && address.primary() && ++primaries == 2) {
        found.add(new Violation("addresses[" + i + "].primary", "one-primary-address",
            "only one address can be primary"));
      }
    }
  }

  /** An identifier's value must fit its scheme; only schemes with a published check are checked. */
  private static void checkOrganisationIdentifiers(Collection<OrganisationIdentifier> identifiers, List<Violation> found) {
    for (OrganisationIdentifier identifier : identifiers) {
      if (identifier != null && OrganisationIdentifier.CN_USCC.equals(identifier.scheme())) {
        List<Violation> problems = UnifiedSocialCreditCode.validate(identifier.value());
        if (!problems.isEmpty()) {
          found.add(new Violation("organisationIdentifiers[].value", "uscc-check",
              "must be a valid Unified Social Credit Code (GB 32100-2015): "
                  + problems.stream().map(Violation::message).collect(Collectors.joining("; "))));
        }
      }
    }
  }

  /**
   * A {@link PersonIdentifier#CN_RIN} must be a valid resident identity number (GB 11643-1999);
   * its value is already upper case, so a lower-case {@code x} typed for the check character passes.
   */
  private static void checkPersonIdentifiers(Collection<PersonIdentifier> identifiers, List<Violation> found) {
    for (PersonIdentifier identifier : identifiers) {
      if (identifier != null && PersonIdentifier.CN_RIN.equals(identifier.scheme())) {
        List<Violation> problems = ResidentIdentityNumber.validate(identifier.value());
        if (!problems.isEmpty()) {
          found.add(new Violation("personIdentifiers[].value", "resident-id-check",
              "must be a valid resident identity number (GB 11643-1999): "
                  + problems.stream().map(Violation::message).collect(Collectors.joining("; "))));
        }
      }
    }
  }
}
