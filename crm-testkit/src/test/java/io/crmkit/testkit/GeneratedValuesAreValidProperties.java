package io.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.common.CrmValidator;
import io.crmkit.core.common.PrintableText;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.CriteriaEvaluator;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.CustomerRules;
import io.crmkit.core.customer.EmailAddresses;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.Need;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.core.identifier.ResidentIdentityNumber;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.PhoneNumbers;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.ValueTier;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.statistics.Statistics;
import org.joda.money.Money;

/**
 * Every generator's values pass crmkit's validation with no violation, and the generators produce
 * the variety they promise (regions, scripts, overlapping criteria).
 */
@Domain(CrmDomain.class)
class GeneratedValuesAreValidProperties {
  private static final CrmValidator VALIDATOR = CrmValidator.create();
  private static final int TEXT_LIMIT = 30;

  @Property(tries = 500)
  void newCustomersHaveNoViolations(@ForAll NewCustomer customer) {
    assertThat(VALIDATOR.violations(customer, CustomerRules.ALL)).isEmpty();
    Statistics.label("kind").collect(customer.kind());
  }

  @Property
  void customersHaveNoViolations(@ForAll Customer customer) {
    assertThat(VALIDATOR.violations(customer, CustomerRules.ALL)).isEmpty();
    assertThat(customer.version()).isZero();
    assertThat(customer.updatedAt()).isAfterOrEqualTo(customer.createdAt());
  }

  @Property
  void personsArePersons(@ForAll("persons") NewCustomer person) {
    assertThat(person.kind()).isEqualTo(CustomerKind.PERSON);
    assertThat(VALIDATOR.violations(person, CustomerRules.ALL)).isEmpty();
  }

  @Property
  void organisationsAreOrganisations(@ForAll("organisations") NewCustomer organisation) {
    assertThat(organisation.kind()).isEqualTo(CustomerKind.ORGANISATION);
    assertThat(VALIDATOR.violations(organisation, CustomerRules.ALL)).isEmpty();
  }

  @Property
  void personNamesHaveNoViolations(@ForAll PersonName name) {
    assertThat(VALIDATOR.violations(name)).isEmpty();
    assertThat(VALIDATOR.violations(NewCustomer.person("x", "y").personName(name).build(), CustomerRules.ALL))
        .isEmpty();
  }

  @Property
  void chineseNamesUseCommonSurnamesAndShortGivenNames(@ForAll("chineseNames") PersonName name) {
    assertThat(NameArbitraries.CHINESE_SURNAMES).contains(name.familyName().orElseThrow());
    assertThat(name.givenName().orElseThrow()).hasSizeBetween(1, 2);
    assertThat(name.fullName().codePoints())
        .allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    assertThat(name.fullName()).doesNotContain(" ");
  }

  @Property
  void contactPointsHaveNoViolations(@ForAll ContactPoint point) {
    assertThat(VALIDATOR.violations(point)).isEmpty();
    assertThat(VALIDATOR.violations(NewCustomer.person("张", "伟").addContactPoint(point).build(), CustomerRules.ALL))
        .isEmpty();
    Statistics.label("channel").collect(point.channel());
  }

  @Property(tries = 500)
  void emailsArePlausible(@ForAll("emails") String email) {
    assertThat(EmailAddresses.isPlausible(email)).as(email).isTrue();
    assertThat(VALIDATOR.violations(ContactPoint.email(email))).isEmpty();
  }

  @Property(tries = 1000)
  void phoneNumbersAreValidE164NumbersOfManyRegions(@ForAll("phoneNumbers") String number) {
    assertThat(PhoneNumbers.isValidE164(number)).as(number).isTrue();
    String region = PhoneNumberUtil.getInstance().getRegionCodeForNumber(parse(number));
    Statistics.label("region").collect(region).coverage(coverage -> {
      for (String expected : List.of("CN", "US", "DE", "GB", "JP", "FR", "KR")) {
        coverage.check(expected).count(n -> n > 0);
      }
    });
  }

  @Property
  void postalAddressesHaveNoViolations(@ForAll PostalAddress address) {
    assertThat(VALIDATOR.violations(address)).isEmpty();
    assertThat(VALIDATOR.violations(NewCustomer.person("张", "伟").addAddress(address).build(), CustomerRules.ALL))
        .isEmpty();
    Statistics.label("country").collect(address.country().equals("CN") ? "CN" : "other");
  }

  @Property
  void externalReferencesHaveNoViolations(@ForAll ExternalReference reference) {
    assertThat(VALIDATOR.violations(reference)).isEmpty();
  }

  @Property
  void organisationIdentifiersHaveNoViolationsAndCorrectCheckCharacters(@ForAll OrganisationIdentifier identifier) {
    assertThat(VALIDATOR.violations(identifier)).isEmpty();
    if (identifier.scheme().equals(OrganisationIdentifier.LEI)) {
      assertThat(mod97(identifier.value())).as(identifier.value()).isEqualTo(1);
    }
    if (identifier.scheme().equals(OrganisationIdentifier.CN_USCC)) {
      assertThat(identifier.value()).hasSize(18).matches("[0-9A-HJ-NPQRTUWXY]{18}");
    }
  }

  @Property
  void personIdentifiersHaveNoViolationsAndResidentIdentityNumbersAreValid(@ForAll PersonIdentifier identifier) {
    assertThat(VALIDATOR.violations(NewCustomer.person("张", "伟").addPersonIdentifier(identifier).build(),
        CustomerRules.ALL)).isEmpty();
    if (identifier.scheme().equals(PersonIdentifier.CN_RIN)) {
      assertThat(ResidentIdentityNumber.isValid(identifier.value())).as(identifier.value()).isTrue();
    }
    Statistics.label("scheme").collect(identifier.scheme().equals(PersonIdentifier.CN_RIN) ? "CN_RIN" : "other");
  }

  @Example
  void leiCheckDigitsFollowIso7064AsRealLeisDo() {
    assertThat(mod97("5493001KJTIIGC8Y1R12")).isEqualTo(1);
  }

  @Property
  void attributeValuesHaveNoViolations(@ForAll AttributeValue value) {
    assertThat(VALIDATOR.violations(value)).isEmpty();
    assertThat(VALIDATOR.violations(
        NewCustomer.person("张", "伟").putAttribute("x", value).build(), CustomerRules.ALL)).isEmpty();
    Statistics.label("type").collect(value.getClass().getSimpleName());
  }

  @Property
  void attributeNamesAreAllowed(@ForAll("attributeNames") String name) {
    assertThat(VALIDATOR.violations(
        NewCustomer.person("张", "伟").putAttribute(name, AttributeValue.flag(true)).build(), CustomerRules.ALL))
        .isEmpty();
  }

  @Property
  void needsHaveNoViolations(@ForAll Need need) {
    assertThat(VALIDATOR.violations(need)).isEmpty();
  }

  @Property
  void stagesAndTiersHaveNoViolations(@ForAll LifecycleStage stage, @ForAll ValueTier tier) {
    assertThat(VALIDATOR.violations(stage)).isEmpty();
    assertThat(VALIDATOR.violations(tier)).isEmpty();
  }

  @Property
  void purchasesHaveNoViolationsAndRefundsAreNegative(@ForAll Purchase purchase) {
    assertThat(VALIDATOR.violations(purchase)).isEmpty();
    Money amount = purchase.amount();
    assertThat(amount.getAmount().scale()).isEqualTo(amount.getCurrencyUnit().getDecimalPlaces());
    Statistics.label("refund").collect(purchase.isRefund()).coverage(coverage -> {
      coverage.check(true).percentage(p -> p > 2);
      coverage.check(false).percentage(p -> p > 50);
    });
  }

  @Property
  void interactionsHaveNoViolations(@ForAll Interaction interaction) {
    assertThat(VALIDATOR.violations(interaction)).isEmpty();
  }

  @Property
  void instantsAreWholeMicroseconds(@ForAll Instant instant) {
    assertThat(instant.getNano() % 1_000).isZero();
  }

  @Property
  void textOfOneCharacterIsNeverEmpty(@ForAll("oneCharacter") String text) {
    assertThat(text).hasSize(1).isNotBlank();
  }

  @Provide
  Arbitrary<String> oneCharacter() {
    return CrmArbitraries.text(1);
  }

  @Property
  void textFitsItsLimitAndIsPrintableAndNotBlank(@ForAll("text") String text) {
    assertThat(text).isNotBlank().hasSizeLessThanOrEqualTo(TEXT_LIMIT);
    assertThat(PrintableText.Validator.isPrintable(text, false)).isTrue();
    Statistics.label("fills the limit").collect(text.length() >= TEXT_LIMIT - 3);
  }

  @Property
  void criteriaMatchSomeGeneratedCustomersAndMissOthers(
      @ForAll Criteria criteria, @ForAll("customerLists") List<Customer> customers) {
    long matching = customers.stream().filter(c -> CriteriaEvaluator.matches(criteria, c)).count();
    String outcome = matching == 0 ? "none" : matching == customers.size() ? "all" : "some";
    Statistics.label("matches").collect(outcome).coverage(coverage -> {
      coverage.check("some").percentage(p -> p > 25);
      coverage.check("none").percentage(p -> p > 5);
    });
  }

  @Property(tries = 20)
  void crmDomainKeepsJqwiksOwnGenerators(@ForAll int number, @ForAll @Size(max = 3) List<PersonName> names) {
    assertThat(names).hasSizeLessThanOrEqualTo(3).allSatisfy(name -> assertThat(VALIDATOR.violations(name)).isEmpty());
  }

  @Provide
  Arbitrary<NewCustomer> persons() {
    return CrmArbitraries.persons();
  }

  @Provide
  Arbitrary<NewCustomer> organisations() {
    return CrmArbitraries.organisations();
  }

  @Provide
  Arbitrary<String> text() {
    return CrmArbitraries.text(TEXT_LIMIT);
  }

  @Provide
  Arbitrary<PersonName> chineseNames() {
    return CrmArbitraries.chineseNames();
  }

  @Provide
  Arbitrary<String> emails() {
    return CrmArbitraries.emails();
  }

  @Provide
  Arbitrary<String> phoneNumbers() {
    return CrmArbitraries.phoneNumbers();
  }

  @Provide
  Arbitrary<String> attributeNames() {
    return CrmArbitraries.attributeNames();
  }

  @Provide
  Arbitrary<List<Customer>> customerLists() {
    return CrmArbitraries.customerLists(5, 15);
  }

  private static PhoneNumber parse(String number) {
    try {
      return PhoneNumberUtil.getInstance().parse(number, "ZZ");
    } catch (NumberParseException e) {
      throw new AssertionError(number, e);
    }
  }

  private static int mod97(String alphanumeric) {
    StringBuilder digits = new StringBuilder();
    alphanumeric.chars().forEach(c -> digits.append(Character.digit(c, 36)));
    return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
  }
}
