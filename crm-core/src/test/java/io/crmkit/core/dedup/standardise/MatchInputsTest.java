package io.crmkit.core.dedup.standardise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerDetails;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.dedup.MatchInput;
import io.crmkit.core.dedup.MatchRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MatchInputsTest {
  private static final CustomerId ID = CustomerId.of(new UUID(7, 42));
  private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

  private static Customer stored(CustomerDetails details) {
    return new Customer.Builder().from(details).id(ID).version(1).createdAt(NOW).updatedAt(NOW).build();
  }

  @Test
  void aStoredPersonBecomesAMatchInputWithItsNamesContactsAndPrimaryAddress() {
    Customer zhang = stored(NewCustomer.person("张", "伟")
        .addContactPoint(ContactPoint.email("zhang@example.com"))
        .addContactPoint(ContactPoint.phone("+8613912345678"))
        .addContactPoint(ContactPoint.phone("+8613812345678").withPrimary(true))
        .addAddress(new PostalAddress.Builder().country("CN").city("上海市").street("淮海中路 1 号").build())
        .addAddress(new PostalAddress.Builder().country("CN").regionCode("110105").city("北京市").district("朝阳区")
            .street("建国路 88 号").primary(true).build())
        .birthDate(LocalDate.of(1990, 5, 17))
        .build());

    MatchInput input = MatchInputs.of(zhang);

    assertThat(input.id()).isEqualTo(ID.value().toString());
    assertThat(input.kind()).contains(CustomerKind.PERSON);
    assertThat(input.familyName()).contains("张");
    assertThat(input.givenName()).contains("伟");
    assertThat(input.legalName()).isEmpty();
    assertThat(input.phones()).containsExactly("+8613812345678", "+8613912345678");
    assertThat(input.emails()).containsExactly("zhang@example.com");
    assertThat(input.region()).contains("110105");
    assertThat(input.street()).contains("建国路 88 号");
    assertThat(input.birthDate()).contains(LocalDate.of(1990, 5, 17));
    assertThat(input.identifier()).isEmpty();

    MatchRecord record = Standardiser.defaults().standardise(input);
    assertThat(record.regionCode()).contains("110105");
    assertThat(record.street()).contains("建国路88号");
    assertThat(record.warnings()).isEmpty();
  }

  @Test
  void aStoredOrganisationTakesItsCreditCodeBeforeOtherIdentifiers() {
    Customer acme = stored(NewCustomer.organisation("上海极光贸易有限公司")
        .addOrganisationIdentifier(OrganisationIdentifier.of(OrganisationIdentifier.VAT, "CN123"))
        .addOrganisationIdentifier(OrganisationIdentifier.of(OrganisationIdentifier.CN_USCC, "91310000MA1FL8TQ36"))
        .build());

    MatchInput input = MatchInputs.of(acme);

    assertThat(input.kind()).contains(CustomerKind.ORGANISATION);
    assertThat(input.legalName()).contains("上海极光贸易有限公司");
    assertThat(input.identifier()).contains("91310000MA1FL8TQ36");
    assertThat(Standardiser.defaults().standardise(input).organisationName()).contains("上海极光贸易");
  }

  @Test
  void aPersonsIdentityNumberComesFromTheNamedTextAttribute() {
    Customer zhang = stored(NewCustomer.person("张", "伟")
        .putAttribute("residentId", AttributeValue.text("11010519491231002x")).build());
    assertThat(MatchInputs.of(zhang, "residentId").identifier()).contains("11010519491231002x");
    assertThat(MatchInputs.of(zhang, "passport").identifier()).isEmpty();
  }

  @Test
  void aForeignAddressKeepsItsRegionName() {
    Customer mary = stored(NewCustomer.person("Smith", "Mary")
        .addAddress(new PostalAddress.Builder().country("AU").regionCode("AU-QLD").region("QLD").city("Bittern")
            .postcode("4814").build())
        .build());
    assertThat(MatchInputs.of(mary).region()).contains("QLD");
  }

  @Test
  void nullArgumentsAreProgrammingErrors() {
    assertThatThrownBy(() -> MatchInputs.of(null)).isInstanceOf(NullPointerException.class).hasMessage("customer");
    Customer mary = stored(NewCustomer.person("Smith", "Mary").build());
    assertThatThrownBy(() -> MatchInputs.of(mary, " ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("identifierAttribute must not be blank");
  }
}
