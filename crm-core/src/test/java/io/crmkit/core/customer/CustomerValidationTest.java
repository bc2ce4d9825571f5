package io.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.CrmValidator;
import io.crmkit.core.common.Violation;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that every constraint on the customer model fires: Hibernate Validator silently ignores
 * constraints on accessors it does not see as properties, so each one is exercised here.
 */
class CustomerValidationTest {
  private static final CrmValidator VALIDATOR = CrmValidator.create();

  private static NewCustomer.Builder valid() {
    return NewCustomer.person("张", "伟");
  }

  private static List<Violation> violations(NewCustomer customer) {
    return VALIDATOR.violations(customer, CustomerRules.ALL);
  }

  private static void assertRejected(UnaryOperator<NewCustomer.Builder> change, String path, String rule) {
    NewCustomer customer = change.apply(valid()).build();
    assertThat(violations(customer))
        .as("violations of %s", customer)
        .contains(new Violation(path, rule, violations(customer).stream()
            .filter(v -> v.path().equals(path) && v.rule().equals(rule))
            .map(Violation::message).findFirst().orElse("<missing>")));
  }

  @Test
  void aValidPersonHasNoViolations() {
    assertThat(violations(valid().addContactPoint(ContactPoint.email("wei@example.cn")).build())).isEmpty();
  }

  @Test
  void blankDisplayNameIsRejected() {
    assertRejected(b -> b.displayName(" "), "displayName", "NotBlank");
  }

  @Test
  void overlongDisplayNameIsRejected() {
    assertRejected(b -> b.displayName("x".repeat(201)), "displayName", "Size");
  }

  @Test
  void controlCharactersInDisplayNameAreRejected() {
    assertRejected(b -> b.displayName("bad\u0000name"), "displayName", "PrintableText");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u00a0", "\u2007", "\u202f", "\u200b", "\ufeff", " \u200b ", "\u3000", "\t"})
  void aDisplayNameOfInvisibleCharactersOnlyIsRejected(String invisible) {
    assertRejected(b -> b.displayName(invisible), "displayName", "PrintableText");
  }

  @ParameterizedTest
  @ValueSource(strings = {"A\u2028B", "\u202eevil", "a\u2066b"})
  void lineSeparatorsAndBidirectionalOverridesInOneLineTextAreRejected(String text) {
    assertRejected(b -> b.displayName(text), "displayName", "PrintableText");
  }

  @Test
  void visibleTextWithNoBreakSpacesAndJoinersIsAccepted() {
    assertThat(violations(valid().displayName("Anne\u00a0Marie \ud83d\udc69\u200d\ud83d\udcbb").build())).isEmpty();
  }

  @Test
  void blankFamilyNameIsRejected() {
    assertRejected(b -> b.personName(new PersonName.Builder().familyName(" ").givenName("Wei").build()),
        "personName.familyName", "NotBlankIfPresent");
  }

  @Test
  void overlongGivenNameIsRejected() {
    assertRejected(b -> b.personName(PersonName.of("Li", "g".repeat(101))), "personName.givenName", "Size");
  }

  @Test
  void blankContactValueIsRejected() {
    assertRejected(
        b -> b.addContactPoint(new ContactPoint.Builder().channel(ContactPoint.Channel.OTHER).value("").build()),
        "contactPoints[0].value", "NotBlank");
  }

  @Test
  void malformedEmailIsRejected() {
    assertRejected(b -> b.addContactPoint(ContactPoint.email("not-an-email")), "contactPoints[0].value", "email-format");
  }

  @Test
  void phoneNotInE164IsRejected() {
    assertRejected(b -> b.addContactPoint(ContactPoint.phone("138 1234 5678")), "contactPoints[0].value", "phone-e164");
  }

  @Test
  void twoPrimaryEmailsAreRejected() {
    ContactPoint primary = new ContactPoint.Builder().from(ContactPoint.email("a@example.com")).primary(true).build();
    assertRejected(b -> b.addContactPoints(primary, primary.withValue("b@example.com")),
        "contactPoints[1].primary", "one-primary-per-channel");
  }

  @Test
  void unknownCountryIsRejected() {
    assertRejected(b -> b.addAddress(new PostalAddress.Builder().country("XX").build()),
        "addresses[0].country", "IsoCountry");
  }

  @Test
  void overlongPostcodeIsRejected() {
    assertRejected(b -> b.addAddress(new PostalAddress.Builder().country("CN").postcode("1".repeat(21)).build()),
        "addresses[0].postcode", "Size");
  }

  @Test
  void twoPrimaryAddressesAreRejected() {
    PostalAddress primary = new PostalAddress.Builder().country("CN").primary(true).build();
    assertRejected(b -> b.addAddresses(primary, primary.withUse(PostalAddress.Use.HOME)), "addresses[1].primary",
        "one-primary-address");
  }

  @Test
  void futureBirthDateIsRejected() {
    assertRejected(b -> b.birthDate(LocalDate.now().plusDays(2)), "birthDate", "PastOrPresent");
  }

  @Test
  void blankTagIsRejected() {
    assertRejected(b -> b.addTag(" "), "tags[]", "NotBlank");
  }

  @Test
  void blankDimensionCodeIsRejected() {
    assertRejected(b -> b.putDimensionCode("region", ""), "dimensionCodes[region]", "NotBlank");
  }

  @Test
  void badAttributeNameIsRejected() {
    assertRejected(b -> b.putAttribute("9lives", AttributeValue.flag(true)), "attributes[]", "Pattern");
  }

  @Test
  void aRejectedMapKeyIsLeftOutOfThePathButAValidOneNamesTheRejectedValue() {
    NewCustomer customer = valid().putDimensionCode("reg\u0000ion", "110105").putDimensionCode("industry", " ").build();

    assertThat(violations(customer)).extracting(Violation::path)
        .containsExactlyInAnyOrder("dimensionCodes[]", "dimensionCodes[industry]")
        .noneMatch(path -> path.contains("\u0000"));
  }

  @Test
  void overlongAttributeTextIsRejected() {
    assertRejected(b -> b.putAttribute("note", AttributeValue.text("n".repeat(2001))), "attributes[note].value", "Size");
  }

  @Test
  void blankExternalReferenceIdIsRejected() {
    assertRejected(b -> b.addExternalReference(ExternalReference.of("erp", " ")), "externalReferences[].id", "NotBlank");
  }

  @Test
  void blankOrganisationIdentifierIsRejected() {
    assertRejected(b -> b.addOrganisationIdentifier(OrganisationIdentifier.of("VAT", "")),
        "organisationIdentifiers[].value", "NotBlank");
  }

  @Test
  void invalidResidentIdentityNumberIsRejected() {
    assertRejected(b -> b.addPersonIdentifier(PersonIdentifier.residentIdentityNumber("110105194912310021")),
        "personIdentifiers[].value", "resident-id-check");
  }

  @Test
  void residentIdentityNumberWithALowerCaseXIsTheSameValidNumber() {
    PersonIdentifier lower = PersonIdentifier.residentIdentityNumber("11010519491231002x");
    assertThat(lower).isEqualTo(PersonIdentifier.residentIdentityNumber("11010519491231002X"));
    assertThat(violations(valid().addPersonIdentifier(lower).build())).isEmpty();
  }

  @Test
  void otherPersonIdentifierSchemesKeepTheirCaseAndAreNotChecked() {
    PersonIdentifier passport = PersonIdentifier.of(PersonIdentifier.PASSPORT, "e12345678");
    assertThat(passport.value()).isEqualTo("e12345678");
    assertThat(violations(valid().addPersonIdentifier(passport).build())).isEmpty();
  }

  @Test
  void personIdentifierToStringMasksTheNumber() {
    assertThat(PersonIdentifier.residentIdentityNumber("11010519491231002X").toString())
        .isEqualTo("PersonIdentifier[CN_RIN, ***2X]").doesNotContain("19491231");
  }

  @Test
  void anOrganisationHasNoPersonIdentifier() {
    NewCustomer org = NewCustomer.organisation("福州示例有限公司")
        .addPersonIdentifier(PersonIdentifier.residentIdentityNumber("11010519491231002X")).build();
    assertThat(violations(org)).extracting(Violation::rule).containsExactly("organisation-has-no-person-identifier");
  }

  @Test
  void invalidUnifiedSocialCreditCodeIsRejected() {
    assertRejected(b -> b.addOrganisationIdentifier(OrganisationIdentifier.of(OrganisationIdentifier.CN_USCC,
        "91350100M000100Y44")), "organisationIdentifiers[].value", "uscc-check");
  }

  @Test
  void usccCheckSaysWhatIsWrong() {
    NewCustomer org = NewCustomer.organisation("福州示例有限公司")
        .addOrganisationIdentifier(OrganisationIdentifier.of(OrganisationIdentifier.CN_USCC, "91350100MO00100Y43"))
        .build();
    assertThat(violations(org)).singleElement().satisfies(v -> {
      assertThat(v.rule()).isEqualTo("uscc-check");
      assertThat(v.message()).startsWith("must be a valid Unified Social Credit Code (GB 32100-2015): character 10 is not allowed");
    });
  }

  @Test
  void validUnifiedSocialCreditCodeAndOtherSchemesPass() {
    NewCustomer org = NewCustomer.organisation("福州示例有限公司")
        .addOrganisationIdentifier(OrganisationIdentifier.of(OrganisationIdentifier.CN_USCC, "91350100M000100Y43"))
        .addOrganisationIdentifier(OrganisationIdentifier.of(OrganisationIdentifier.VAT, "DE123456789"))
        .addOrganisationIdentifier(OrganisationIdentifier.of("cn_uscc", "not checked: schemes are exact names"))
        .build();
    assertThat(violations(org)).isEmpty();
  }

  @Test
  void blankOwnerIsRejected() {
    assertRejected(b -> b.owner(""), "owner", "NotBlankIfPresent");
  }

  @Test
  void needWithoutTypeIsRejected() {
    assertRejected(b -> b.addNeed(new Need.Builder().type(" ").urgency(Need.Urgency.HIGH)
        .frequency(Need.Frequency.ONCE).build()), "needs[0].type", "NotBlank");
  }

  @Test
  void personWithoutNameIsRejected() {
    NewCustomer nameless = new NewCustomer.Builder().kind(CustomerKind.PERSON).displayName("x").build();
    assertThat(violations(nameless)).extracting(Violation::rule).contains("person-requires-name");
  }

  @Test
  void organisationWithoutLegalNameOrWithPersonalDataIsRejected() {
    NewCustomer org = new NewCustomer.Builder().kind(CustomerKind.ORGANISATION).displayName("ACME")
        .personName(PersonName.of("Doe", "John")).birthDate(LocalDate.of(2000, 1, 1)).gender(Gender.MALE).build();
    assertThat(violations(org)).extracting(Violation::rule).contains(
        "organisation-requires-legal-name", "organisation-has-no-person-name",
        "organisation-has-no-birth-date", "organisation-has-no-gender");
  }

  @Test
  void validateThrowsOneExceptionListingEveryViolation() {
    NewCustomer bad = valid().displayName(" ").owner("").addTag("").build();
    assertThatThrownBy(() -> VALIDATOR.validate("NewCustomer", bad, CustomerRules.ALL))
        .isInstanceOfSatisfying(CrmValidationException.class, e -> {
          assertThat(e.violations()).extracting(Violation::path).containsExactly("displayName", "owner", "tags[]");
          assertThat(e.getMessage()).contains("Invalid NewCustomer (3 violations)").contains("displayName");
        });
  }

  @Test
  void aPersonKnownByOneNameNeedsOnlyOnePart() {
    assertThat(violations(NewCustomer.person(null, "Madonna").build())).isEmpty();
    assertThat(NewCustomer.person("Sukarno", null).build().displayName()).isEqualTo("Sukarno");
  }

  @Test
  void displayNameDefaultsToTheNameAsItsCultureWritesIt() {
    assertThat(NewCustomer.person("佐藤", "ユーキ").build().displayName()).isEqualTo("佐藤ユーキ");
    assertThat(NewCustomer.person("김", "민준").build().displayName()).isEqualTo("김민준");
    assertThat(NewCustomer.person("张", "伟").build().displayName()).isEqualTo("张伟");
    assertThat(NewCustomer.person("Smith", "Mary Ann").build().displayName()).isEqualTo("Mary Ann Smith");
    assertThat(NewCustomer.organisation("ACME GmbH").build().displayName()).isEqualTo("ACME GmbH");
  }
}
