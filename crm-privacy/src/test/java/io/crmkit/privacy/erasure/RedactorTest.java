package io.crmkit.privacy.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.common.CrmValidator;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.CustomerRules;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.Need;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.privacy.catalog.PersonalDataCatalogue;
import io.crmkit.privacy.catalog.PersonalDataCategory;
import io.crmkit.privacy.catalog.PersonalField;
import io.crmkit.privacy.catalog.ValueKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private static final Instant CREATED = Instant.parse("2025-01-02T03:04:05Z");
  private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
  private static final PersonalDataCatalogue CATALOGUE = PersonalDataCatalogue.defaults().toBuilder()
      .classify(PersonalField.attribute("wechat"), PersonalDataCategory.CONTACT, ValueKind.TEXT)
      .build();
  private final Redactor redactor = new Redactor(CATALOGUE);

  private static Customer zhangWei() {
    return new Customer.Builder()
        .id(CustomerId.of(UUID.fromString("00000000-0000-7000-8000-000000000001")))
        .version(3).createdAt(CREATED).updatedAt(CREATED)
        .kind(CustomerKind.PERSON)
        .personName(PersonName.of("张", "伟"))
        .addContactPoint(ContactPoint.phone("+8613812345678"))
        .addContactPoint(ContactPoint.email("zhang.wei@example.com"))
        .addAddress(new PostalAddress.Builder().country("CN").regionCode("110105").region("北京市").city("北京市")
            .district("朝阳区").street("建国路 88 号").postcode("100022").line("建国路 88 号 3 单元").build())
        .birthDate(LocalDate.of(1990, 7, 10))
        .gender(Gender.MALE)
        .addPersonIdentifier(PersonIdentifier.residentIdentityNumber("110105199001011234"))
        .addExternalReference(ExternalReference.of("erp", "C-00042"))
        .owner("sales-li")
        .putDimensionCode("region", "110105")
        .addTag("vip")
        .stage(LifecycleStage.ACTIVE)
        .tier(ValueTier.HIGH)
        .putAttribute("wechat", AttributeValue.text("zhangwei_88"))
        .putAttribute("shoeSize", AttributeValue.number(42))
        .addNeed(new Need.Builder().type("loan").description("wants a loan for his daughter's wedding")
            .urgency(Need.Urgency.HIGH).frequency(Need.Frequency.ONCE).build())
        .build();
  }

  @Test
  void anErasedPersonKeepsOnlyWhatTheCatalogueDoesNotCallPersonal() {
    Customer erased = redactor.customer(zhangWei(), NOW);

    assertThat(erased.personName()).contains(PersonName.of(null, Redactor.ERASED_NAME));
    assertThat(erased.displayName()).isEqualTo(Redactor.ERASED_DISPLAY_NAME);
    assertThat(erased.contactPoints()).isEmpty();
    assertThat(erased.birthDate()).isEmpty();
    assertThat(erased.gender()).isEmpty();
    assertThat(erased.personIdentifiers()).isEmpty();
    assertThat(erased.externalReferences()).isEmpty();
    assertThat(erased.attributes()).containsOnlyKeys("shoeSize");
    assertThat(erased.needs()).singleElement().satisfies(need -> {
      assertThat(need.description()).isEmpty();
      assertThat(need.type()).isEqualTo("loan");
    });
    assertThat(erased.addresses()).containsExactly(new PostalAddress.Builder().country("CN").regionCode("110100")
        .region("北京市").city("北京市").build());
    assertThat(erased.id()).isEqualTo(zhangWei().id());
    assertThat(erased.version()).isEqualTo(3);
    assertThat(erased.kind()).isEqualTo(CustomerKind.PERSON);
    assertThat(erased.stage()).isEqualTo(LifecycleStage.ACTIVE);
    assertThat(erased.tier()).contains(ValueTier.HIGH);
    assertThat(erased.owner()).contains("sales-li");
    assertThat(erased.tags()).containsExactly("vip");
    assertThat(erased.dimensionCodes()).containsEntry("region", "110105");
    assertThat(erased.createdAt()).isEqualTo(CREATED);
    assertThat(erased.updatedAt()).isEqualTo(NOW);
  }

  @Test
  void anErasedCustomerIsStillAValidCustomer() {
    Customer erased = redactor.customer(zhangWei(), NOW);

    assertThat(CrmValidator.create().violations(erased, CustomerRules.ALL)).isEmpty();
  }

  @Test
  void erasingAnErasedCustomerAgainChangesNothing() {
    Customer once = redactor.customer(zhangWei(), NOW);

    assertThat(redactor.customer(once, NOW)).isEqualTo(once);
  }

  @Test
  void anOrganisationKeepsItsPublicLegalNameUnlessTheCatalogueCallsItPersonal() {
    Customer shop = new Customer.Builder()
        .id(CustomerId.of(UUID.fromString("00000000-0000-7000-8000-000000000002")))
        .version(1).createdAt(CREATED).updatedAt(CREATED)
        .kind(CustomerKind.ORGANISATION)
        .legalName("Wang's Noodle Shop")
        .addOrganisationIdentifier(OrganisationIdentifier.of("VAT", "DE123456789"))
        .addContactPoint(ContactPoint.email("wang@noodles.example"))
        .build();

    Customer company = redactor.customer(shop, NOW);
    Customer soleTrader = new Redactor(CATALOGUE.toBuilder()
        .classify(PersonalField.LEGAL_NAME, PersonalDataCategory.IDENTIFIER).build()).customer(shop, NOW);

    assertThat(company.legalName()).contains("Wang's Noodle Shop");
    assertThat(company.displayName()).isEqualTo("Wang's Noodle Shop");
    assertThat(company.contactPoints()).isEmpty();
    assertThat(company.organisationIdentifiers()).isEmpty();
    assertThat(soleTrader.legalName()).contains(Redactor.ERASED_LEGAL_NAME);
    assertThat(soleTrader.displayName()).isEqualTo(Redactor.ERASED_DISPLAY_NAME);
  }

  @Test
  void aPurchaseKeepsItsAmountAndCategoryAndIsDatedToItsMonth() {
    Purchase purchase = new Purchase.Builder().id(ActivityId.of(UUID.randomUUID())).customerId(zhangWei().id())
        .occurredAt(Instant.parse("2025-07-31T23:59:59.999Z")).amount(Money.parse("CNY 1288.50")).channel("shop")
        .category("jewellery").quantity(2).orderReference("ORDER-ZHANG-WEI-7").build();

    Purchase erased = redactor.purchase(purchase);

    assertThat(erased).isEqualTo(new Purchase.Builder().from(purchase)
        .occurredAt(Instant.parse("2025-07-01T00:00:00Z")).orderReference(Optional.empty()).build());
  }

  @Test
  void anInteractionLosesItsFreeTextAndIsDatedToItsMonth() {
    Interaction interaction = new Interaction.Builder().id(ActivityId.of(UUID.randomUUID()))
        .customerId(zhangWei().id()).occurredAt(Instant.parse("2025-02-14T09:00:00Z"))
        .channel(Interaction.Channel.PHONE).direction(Interaction.Direction.INBOUND)
        .subject("call from Zhang Wei").outcome("he moved to 建国路 88 号").agent("agent-7").build();

    Interaction erased = redactor.interaction(interaction);

    assertThat(erased.occurredAt()).isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
    assertThat(erased.subject()).isEmpty();
    assertThat(erased.outcome()).isEmpty();
    assertThat(erased.agent()).contains("agent-7");
    assertThat(erased.channel()).isEqualTo(Interaction.Channel.PHONE);
  }

  @Test
  void onlySixDigitRegionCodesAreCoarsenedToTheirCity() {
    assertThat(Redactor.cityLevel("110105")).isEqualTo("110100");
    assertThat(Redactor.cityLevel("US-CA")).isEqualTo("US-CA");
    assertThat(Redactor.cityLevel("11010")).isEqualTo("11010");
  }
}
