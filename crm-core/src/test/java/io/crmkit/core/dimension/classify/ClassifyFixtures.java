package io.crmkit.core.dimension.classify;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.identifier.UnifiedSocialCreditCode;
import java.time.Instant;
import java.util.UUID;

/** Small customers for the classification tests. */
final class ClassifyFixtures {
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private ClassifyFixtures() {}

  static CustomerId id(long n) {
    return CustomerId.of(new UUID(0, n));
  }

  static Customer stored(long n, NewCustomer details) {
    return new Customer.Builder().from(details).id(id(n)).version(1).createdAt(T0).updatedAt(T0).build();
  }

  static PostalAddress address(String country, String regionCode) {
    PostalAddress.Builder address = new PostalAddress.Builder().country(country).primary(true);
    if (regionCode != null) {
      address.regionCode(regionCode);
    }
    return address.build();
  }

  /** A valid USCC with the given type prefix (2 characters) and region. */
  static String uscc(String type, String region) {
    String first17 = type + region + "MA01AB2C3";
    return first17 + UnifiedSocialCreditCode.computeCheckCharacter(first17);
  }

  static NewCustomer.Builder company(String name, String usccType, String usccRegion) {
    NewCustomer.Builder company = NewCustomer.organisation(name);
    if (usccType != null) {
      company.addOrganisationIdentifier(OrganisationIdentifier.of(OrganisationIdentifier.CN_USCC, uscc(usccType, usccRegion)));
    }
    return company;
  }

  static NewCustomer.Builder withIndustry(NewCustomer.Builder customer, String industry) {
    return customer.putAttribute("industry", AttributeValue.text(industry));
  }
}
