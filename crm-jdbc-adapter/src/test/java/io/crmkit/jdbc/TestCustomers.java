package io.crmkit.jdbc;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.Need;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.ValueTier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Hand-made customers for the adapter's own tests. */
public final class TestCustomers {
  public static final Instant T0 = Instant.parse("2025-03-01T08:15:30.123456789Z");

  private TestCustomers() {}

  /** A person with every kind of detail filled in. */
  public static Customer fullPerson(int n) {
    return new Customer.Builder()
        .id(CustomerId.of(UUID.nameUUIDFromBytes(("person-" + n).getBytes())))
        .version(0)
        .createdAt(T0.plusSeconds(n))
        .updatedAt(T0.plusSeconds(n).plusNanos(1))
        .kind(CustomerKind.PERSON)
        .personName(PersonName.of("张", "伟" + n))
        .displayName("张伟 " + n)
        .addContactPoint(ContactPoint.email("wei" + n + "@example.com").withPrimary(true))
        .addContactPoint(new ContactPoint.Builder().channel(ContactPoint.Channel.OTHER)
            .value("wx-" + n).label("WeChat").build())
        .addAddress(new PostalAddress.Builder().country("CN").regionCode("110105").city("北京")
            .street("建国路 " + n + " 号").use(PostalAddress.Use.HOME).primary(true).build())
        .birthDate(LocalDate.of(1980, 1, 1).plusDays(n % 10_000))
        .gender(Gender.MALE)
        .owner("sales-" + (n % 3))
        .addTag("vip-fair")
        .addTag("tag-" + n)
        .putDimensionCode("region", "1101" + String.format("%02d", n % 100))
        .putDimensionCode("industry", "C" + n)
        .stage(n % 2 == 0 ? LifecycleStage.ACTIVE : LifecycleStage.PROSPECT)
        .tier(ValueTier.VIP)
        .putAttribute("score", AttributeValue.number(new BigDecimal("12.50")))
        .putAttribute("newsletter", AttributeValue.flag(n % 2 == 0))
        .putAttribute("since", AttributeValue.date(LocalDate.of(2020, 5, 1)))
        .putAttribute("note", AttributeValue.text("line one\nline \"two\""))
        .addExternalReference(ExternalReference.of("erp", "C-" + n))
        .addNeed(new Need.Builder().type("spare-parts").description("pumps").urgency(Need.Urgency.HIGH)
            .frequency(Need.Frequency.RECURRING).identifiedOn(LocalDate.of(2025, 1, 2)).build())
        .build();
  }

  /** An organisation with few details. */
  public static Customer organisation(int n) {
    return new Customer.Builder()
        .id(CustomerId.of(UUID.nameUUIDFromBytes(("org-" + n).getBytes())))
        .version(0)
        .createdAt(T0)
        .updatedAt(T0)
        .kind(CustomerKind.ORGANISATION)
        .legalName("ACME " + n + " GmbH")
        .addOrganisationIdentifier(OrganisationIdentifier.of(OrganisationIdentifier.VAT, "DE" + (100000000 + n)))
        .build();
  }

  /** An ERP record for upserts, keyed by {@code erp:E-n}. */
  public static NewCustomer erpRecord(int n, String city) {
    return NewCustomer.person("Smith", "Ann " + n)
        .addAddress(new PostalAddress.Builder().country("DE").city(city).build())
        .addExternalReference(ExternalReference.of("erp", "E-" + n))
        .build();
  }
}
