package io.crmkit.io.export;

import io.crmkit.core.Crm;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.io.CrmStores;
import io.crmkit.privacy.access.Caller;
import io.crmkit.privacy.access.CallerContext;
import io.crmkit.privacy.access.ProtectedCrm;
import io.crmkit.privacy.access.Role;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** An in-memory store with every capability, a plain facade to fill it and exporters for each role. */
final class ExportFixture {
  final CrmStores stores = CrmStores.inMemory();
  final Crm crm = Crm.builder().store(stores.base()).build();

  Exporter exporterFor(Role role) {
    return Exporter.of(protectedFor(role));
  }

  ProtectedCrm protectedFor(Role role) {
    return ProtectedCrm.builder().crm(crm).privacy(stores.privacy())
        .callers(CallerContext.fixed(Caller.of("tester-" + role.name(), "export test", role))).build();
  }

  Customer person(String family, String given, String phone, String region, int birthYear, Gender gender,
      ValueTier tier) {
    return crm.register(NewCustomer.person(family, given)
        .addContactPoint(ContactPoint.phone(phone))
        .addAddress(new PostalAddress.Builder().country("CN").regionCode(region).city("城市")
            .street("建国路 88 号").postcode(region.substring(0, 4) + "20").build())
        .birthDate(LocalDate.of(birthYear, 6, 15))
        .gender(gender)
        .tier(tier)
        .putDimensionCode("region", region)
        .addExternalReference(ExternalReference.of("erp", "C-" + phone.substring(phone.length() - 4)))
        .putAttribute("segment", AttributeValue.text("=HYPERLINK(\"http://evil\")"))
        .putAttribute("score", AttributeValue.number(-12))
        .build());
  }

  static String text(ByteArrayOutputStream out) {
    return out.toString(StandardCharsets.UTF_8);
  }
}
