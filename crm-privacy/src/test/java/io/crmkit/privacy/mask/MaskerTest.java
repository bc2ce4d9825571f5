package io.crmkit.privacy.mask;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.common.CrmValidator;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.privacy.catalog.PersonalDataCatalogue;
import io.crmkit.privacy.catalog.PersonalDataCategory;
import io.crmkit.privacy.catalog.PersonalField;
import io.crmkit.privacy.catalog.ValueKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MaskerTest {
  private static final Instant CREATED = Instant.parse("2025-01-02T03:04:05Z");
  private static final PersonalDataCatalogue CATALOGUE = PersonalDataCatalogue.defaults().toBuilder()
      .classify(PersonalField.attribute("wechat"), PersonalDataCategory.CONTACT, ValueKind.TEXT)
      .classify(PersonalField.attribute("income"), PersonalDataCategory.FINANCIAL, ValueKind.TEXT)
      .classify(PersonalField.attribute("diagnosedOn"), PersonalDataCategory.SENSITIVE, ValueKind.DATE)
      .build();
  private final Masker masker = Masker.of(CATALOGUE, MaskingPolicy.defaults());

  private static Customer zhangWei() {
    return new Customer.Builder()
        .id(CustomerId.of(UUID.fromString("00000000-0000-7000-8000-000000000001")))
        .version(3).createdAt(CREATED).updatedAt(CREATED)
        .kind(CustomerKind.PERSON)
        .personName(PersonName.of("张", "伟"))
        .addContactPoint(ContactPoint.phone("+8613812345678"))
        .addContactPoint(ContactPoint.email("zhang.wei@example.com"))
        .addAddress(new PostalAddress.Builder().country("CN").regionCode("110105").city("北京市")
            .district("朝阳区").street("建国路 88 号").build())
        .birthDate(LocalDate.of(1990, 1, 1).plusDays(190))
        .gender(Gender.MALE)
        .addPersonIdentifier(PersonIdentifier.residentIdentityNumber("110105199001011234"))
        .addExternalReference(ExternalReference.of("erp", "C-00042"))
        .putDimensionCode("region", "110105")
        .addTag("vip")
        .putAttribute("wechat", AttributeValue.text("zhangwei_88"))
        .putAttribute("income", AttributeValue.number(250000))
        .putAttribute("diagnosedOn", AttributeValue.date(LocalDate.of(2020, 5, 17)))
        .putAttribute("shoeSize", AttributeValue.number(42))
        .build();
  }

  @Test
  void everyPersonalPartOfAPersonIsMasked() {
    Customer masked = masker.mask(zhangWei());

    assertThat(masked.personName()).contains(PersonName.of("张", "*"));
    assertThat(masked.displayName()).isEqualTo("张*");
    assertThat(masked.contactPoints()).extracting(ContactPoint::value)
        .containsExactly("+86138****5678", "z***@example.com");
    assertThat(masked.addresses()).singleElement().satisfies(a -> {
      assertThat(a.regionCode()).contains("110100");
      assertThat(a.city()).contains("北京市");
      assertThat(a.district()).contains("***");
      assertThat(a.street()).contains("***");
    });
    assertThat(masked.birthDate()).contains(LocalDate.of(1990, 1, 1));
    assertThat(masked.gender()).isEmpty();
    assertThat(masked.personIdentifiers())
        .containsExactly(PersonIdentifier.residentIdentityNumber("110105********1234"));
    assertThat(masked.externalReferences()).containsExactly(ExternalReference.of("erp", "*-***42"));
    assertThat(masked.attributes()).isEqualTo(Map.of(
        "wechat", AttributeValue.text("z***"),
        "diagnosedOn", AttributeValue.date(LocalDate.of(2020, 1, 1)),
        "shoeSize", AttributeValue.number(42)));
  }

  @Test
  void whatIsNotPersonalStaysAsItIs() {
    Customer customer = zhangWei();
    Customer masked = masker.mask(customer);

    assertThat(masked.id()).isEqualTo(customer.id());
    assertThat(masked.version()).isEqualTo(customer.version());
    assertThat(masked.createdAt()).isEqualTo(customer.createdAt());
    assertThat(masked.updatedAt()).isEqualTo(customer.updatedAt());
    assertThat(masked.stage()).isEqualTo(customer.stage());
    assertThat(masked.tags()).isEqualTo(customer.tags());
    assertThat(masked.dimensionCodes()).isEqualTo(customer.dimensionCodes());
  }

  @Test
  void onlyTheAskedCategoriesAreMasked() {
    Customer customer = zhangWei();
    Customer masked = masker.mask(customer, EnumSet.of(PersonalDataCategory.CONTACT));

    assertThat(masked.personName()).isEqualTo(customer.personName());
    assertThat(masked.displayName()).isEqualTo("张伟");
    assertThat(masked.personIdentifiers()).isEqualTo(customer.personIdentifiers());
    assertThat(masked.birthDate()).isEqualTo(customer.birthDate());
    assertThat(masked.contactPoints()).extracting(ContactPoint::value)
        .containsExactly("+86138****5678", "z***@example.com");
    assertThat(masked.attributes()).containsEntry("wechat", AttributeValue.text("z***"))
        .containsEntry("income", AttributeValue.number(250000));
  }

  @Test
  void maskedCustomerMeetsTheModelsConstraints() {
    CrmValidator validator = CrmValidator.create();
    try {
      assertThat(validator.violations(zhangWei())).as("the clear customer").isEmpty();
      assertThat(validator.violations(masker.mask(zhangWei()))).isEmpty();
      assertThat(validator.violations(Masker.defaults().mask(organisation()))).isEmpty();
    } finally {
      validator.close();
    }
  }

  @Test
  void maskingNoCategoryChangesNothing() {
    Customer customer = zhangWei();
    assertThat(masker.mask(customer, Set.of())).isEqualTo(customer);
  }

  @Test
  void maskingAMaskedCustomerChangesNothing() {
    Customer once = masker.mask(zhangWei());
    assertThat(masker.mask(once)).isEqualTo(once);
  }

  @Test
  void westernPersonKeepsFamilyNameAndGivenInitial() {
    Customer mary = new Customer.Builder().from(zhangWei()).personName(PersonName.of("Smith", "Mary Ann"))
        .displayName("Mary Ann Smith").build();

    Customer masked = masker.mask(mary);

    assertThat(masked.personName()).contains(PersonName.of("Smith", "M*** A***"));
    assertThat(masked.displayName()).isEqualTo("M*** A*** Smith");
  }

  @Test
  void organisationKeepsItsPublicNameAndMasksItsIdentifiers() {
    Customer acme = organisation();

    Customer masked = Masker.defaults().mask(acme);

    assertThat(masked.legalName()).contains("上海极光贸易有限公司");
    assertThat(masked.displayName()).isEqualTo("上海极光贸易有限公司");
    assertThat(masked.organisationIdentifiers())
        .containsExactly(OrganisationIdentifier.of(OrganisationIdentifier.CN_USCC, "91310000******TQ36"));
  }

  @Test
  void organisationNameIsMaskedWhenTheCatalogueCallsItPersonal() {
    PersonalDataCatalogue soleTraders = PersonalDataCatalogue.defaults().toBuilder()
        .classify(PersonalField.LEGAL_NAME, PersonalDataCategory.IDENTIFIER).build();

    Customer masked = Masker.of(soleTraders, MaskingPolicy.defaults()).mask(organisation());

    assertThat(masked.legalName()).contains("上***");
    assertThat(masked.displayName()).isEqualTo("上***");
  }

  @Test
  void policyChoicesApplyToTheWholeCustomer() {
    MaskingPolicy policy = MaskingPolicy.defaults().withDates(DateGranularity.MONTH)
        .withNames(new NameMask(false)).withEmails(new EmailMask(2, false));

    Customer masked = Masker.of(CATALOGUE, policy).mask(zhangWei());

    assertThat(masked.birthDate()).contains(LocalDate.of(1990, 7, 1));
    assertThat(masked.displayName()).isEqualTo("**");
    assertThat(masked.personName()).contains(PersonName.of("*", "*"));
    assertThat(masked.contactPoints()).extracting(ContactPoint::value).contains("zh***@***");
  }

  private static Customer organisation() {
    return new Customer.Builder()
        .id(CustomerId.of(UUID.fromString("00000000-0000-7000-8000-000000000002")))
        .version(1).createdAt(CREATED).updatedAt(CREATED)
        .kind(CustomerKind.ORGANISATION)
        .legalName("上海极光贸易有限公司")
        .addOrganisationIdentifier(OrganisationIdentifier.of(OrganisationIdentifier.CN_USCC, "91310000MA1FL8TQ36"))
        .putAttribute("creditLimit", AttributeValue.number(new BigDecimal("50000")))
        .build();
  }
}
