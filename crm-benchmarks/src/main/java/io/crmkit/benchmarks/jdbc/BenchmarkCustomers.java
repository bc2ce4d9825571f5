package io.crmkit.benchmarks.jdbc;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.ValueTier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Deterministic, valid customers shaped like an ERP import: a name, an e-mail address and a mobile
 * number, a postal address, the ERP customer number as external reference, two dimension codes, a
 * tag or two, a stage, sometimes a tier, and two custom attributes.
 */
final class BenchmarkCustomers {
  private static final String[] FAMILY = {"王", "李", "张", "刘", "陈", "Müller", "Schmidt", "Smith", "García", "Rossi"};
  private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "Anna", "Lukas", "Mary", "José", "Giulia"};
  private static final String[] CITY = {"北京", "上海", "广州", "深圳", "Berlin", "München", "Hamburg", "Köln"};
  private static final LifecycleStage[] STAGES = {LifecycleStage.PROSPECT, LifecycleStage.ACTIVE,
      LifecycleStage.ACTIVE, LifecycleStage.AT_RISK, LifecycleStage.CHURNED, LifecycleStage.NEW};
  private static final ValueTier[] TIERS = {ValueTier.VIP, ValueTier.HIGH, ValueTier.MEDIUM, ValueTier.LOW};

  private BenchmarkCustomers() {}

  static List<Customer> generate(int count, long seed) {
    Random random = new Random(seed);
    Instant base = Instant.parse("2020-01-01T00:00:00Z");
    List<Customer> customers = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      Instant created = base.plusSeconds(random.nextInt(150_000_000)).plusNanos(random.nextInt(1_000_000) * 1000L);
      Customer.Builder builder = new Customer.Builder()
          .id(CustomerId.of(new UUID(random.nextLong(), random.nextLong())))
          .version(0)
          .createdAt(created)
          .updatedAt(created)
          .addContactPoint(new ContactPoint.Builder().channel(ContactPoint.Channel.EMAIL)
              .value("customer" + n + "@example.com").use(ContactPoint.Use.WORK).primary(true).build())
          .addContactPoint(new ContactPoint.Builder().channel(ContactPoint.Channel.PHONE)
              .value(String.format("+86138%08d", n % 100_000_000)).use(ContactPoint.Use.MOBILE).build())
          .addAddress(new PostalAddress.Builder().country(random.nextBoolean() ? "CN" : "DE")
              .city(CITY[random.nextInt(CITY.length)]).street("Street " + random.nextInt(500))
              .postcode(String.format("%05d", random.nextInt(100_000))).use(PostalAddress.Use.BILLING).primary(true)
              .build())
          .addExternalReference(ExternalReference.of("erp", "C-" + n))
          .putDimensionCode("region", String.format("%02d%02d%02d", 11 + random.nextInt(50), random.nextInt(20), random.nextInt(30)))
          .putDimensionCode("industry", "C" + (10 + random.nextInt(40)))
          .addTag("import-2025")
          .stage(STAGES[random.nextInt(STAGES.length)])
          .owner("sales-" + random.nextInt(40))
          .putAttribute("creditLimit", AttributeValue.number(BigDecimal.valueOf(random.nextInt(100_000), 2)))
          .putAttribute("newsletter", AttributeValue.flag(random.nextBoolean()));
      if (random.nextInt(5) == 0) {
        builder.kind(CustomerKind.ORGANISATION).legalName("Company " + n + " Ltd")
            .addOrganisationIdentifier(OrganisationIdentifier.of(OrganisationIdentifier.DUNS, String.format("%09d", n)));
      } else {
        builder.kind(CustomerKind.PERSON)
            .personName(PersonName.of(FAMILY[random.nextInt(FAMILY.length)], GIVEN[random.nextInt(GIVEN.length)]))
            .birthDate(LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000)));
      }
      if (random.nextInt(3) == 0) {
        builder.addTag("fair-" + random.nextInt(20));
      }
      if (random.nextInt(4) == 0) {
        builder.tier(TIERS[random.nextInt(TIERS.length)]);
      }
      customers.add(builder.build());
    }
    return customers;
  }
}
