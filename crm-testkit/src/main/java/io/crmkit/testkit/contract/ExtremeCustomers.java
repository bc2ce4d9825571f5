package io.crmkit.testkit.contract;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerDetails;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.Need;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.identifier.UnifiedSocialCreditCode;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.ValueTier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Hand-made customers at the edges: every text field at its size limit, in scripts outside the
 * Basic Multilingual Plane, with emoji sequences, combining marks, line breaks and outer spaces;
 * decimals with 30 digits and negative scale; instants in year 1, after 32-bit seconds end and in
 * year 9999, and the first and last dates; ids whose
 * bits are all set or all clear. All of them are valid.
 */
final class ExtremeCustomers {
  /** 𠮷 is outside the BMP: one code point, two UTF-16 units. */
  private static final String SUPPLEMENTARY = "𠮷";
  private static final String MIXED = "Zoë 张伟 👩‍💻 e\u0301 Ωμέγα 🇨🇳 ";

  private ExtremeCustomers() {}

  static List<Customer> all() {
    return List.of(person(), organisation(), minimal());
  }

  /** A person with every attribute set, each text at its limit. */
  static Customer person() {
    return new Customer.Builder()
        .id(CustomerId.of(new UUID(-1L, -1L)))
        .version(0)
        .createdAt(Instant.parse("0001-01-01T00:00:00Z"))
        .updatedAt(Instant.parse("9999-12-31T23:59:59.999999Z"))
        .kind(CustomerKind.PERSON)
        .personName(new PersonName.Builder()
            .familyName(fill(SUPPLEMENTARY, PersonName.MAX_PART_LENGTH))
            .givenName(" " + fill(MIXED, PersonName.MAX_PART_LENGTH - 2) + " ")
            .build())
        .displayName(fill(MIXED, CustomerDetails.MAX_DISPLAY_NAME_LENGTH))
        .addContactPoint(new ContactPoint.Builder().channel(ContactPoint.Channel.EMAIL)
            .value(fill("a", 64) + "@" + fill("b", 61) + "." + fill("c", 61) + "." + fill("d", 61) + ".com")
            .use(ContactPoint.Use.WORK).primary(true).verified(true).build())
        .addContactPoint(new ContactPoint.Builder().channel(ContactPoint.Channel.PHONE).value("+8613812345678")
            .use(ContactPoint.Use.MOBILE).label(fill(MIXED, 100)).build())
        .addContactPoint(new ContactPoint.Builder().channel(ContactPoint.Channel.OTHER).value(fill(MIXED, 254))
            .label("WeChat").build())
        .addAddress(new PostalAddress.Builder()
            .country("CN")
            .regionCode(fill("1", 16))
            .region(fill(SUPPLEMENTARY, 100))
            .city(fill(MIXED, 100))
            .district(fill("区", 100))
            .street(fill(MIXED, 200))
            .postcode(fill("9", 20))
            .line(fill("第一行\r\n\tSecond line 😀\n", 500))
            .use(PostalAddress.Use.HOME)
            .primary(true)
            .build())
        .addPersonIdentifier(PersonIdentifier.of(fill("S", PersonIdentifier.MAX_SCHEME_LENGTH),
            fill(MIXED, PersonIdentifier.MAX_VALUE_LENGTH)))
        .addPersonIdentifier(PersonIdentifier.residentIdentityNumber("11010519491231002x"))
        .birthDate(LocalDate.of(1900, 1, 1))
        .gender(Gender.DIVERSE)
        .owner(fill(MIXED, CustomerDetails.MAX_OWNER_LENGTH))
        .addTags(fill(MIXED, CustomerDetails.MAX_TAG_LENGTH), "🏷️", " padded ")
        .putDimensionCode(fill("d", CustomerDetails.MAX_DIMENSION_LENGTH), fill("9", CustomerDetails.MAX_CODE_LENGTH))
        .putDimensionCode("region", "110105")
        .stage(LifecycleStage.of("K" + fill("_9", LifecycleStage.MAX_NAME_LENGTH - 1)))
        .tier(ValueTier.of("T" + fill("Z", ValueTier.MAX_NAME_LENGTH - 1)))
        .putAttribute(fill("n", CustomerDetails.MAX_ATTRIBUTE_NAME_LENGTH),
            AttributeValue.text(fill("多行文本\r\n\t🇩🇪 ", 2000)))
        .putAttribute("precise", AttributeValue.number(new BigDecimal("-99999999999999999999.9999999999")))
        .putAttribute("thousands", AttributeValue.number(new BigDecimal("1E+3")))
        .putAttribute("zero", AttributeValue.number(BigDecimal.ZERO))
        .putAttribute("tiny", AttributeValue.number(new BigDecimal("0.0000000001")))
        .putAttribute("flag", AttributeValue.flag(false))
        .putAttribute("first", AttributeValue.date(LocalDate.of(1900, 1, 1)))
        .putAttribute("last", AttributeValue.date(LocalDate.of(2099, 12, 31)))
        .addExternalReference(ExternalReference.of(fill("s", ExternalReference.MAX_SYSTEM_LENGTH),
            fill(MIXED, ExternalReference.MAX_ID_LENGTH)))
        .addExternalReference(ExternalReference.of("erp", "c-00042"))
        .addExternalReference(ExternalReference.of("erp", "C-00042"))
        .addNeed(new Need.Builder().type(fill(MIXED, 64)).description(fill("需要\n", 2000))
            .urgency(Need.Urgency.CRITICAL).frequency(Need.Frequency.CONTINUOUS).status(Need.Status.MET)
            .identifiedOn(LocalDate.of(2024, 2, 29)).build())
        .build();
  }

  /** An organisation with its legal name and identifiers at their limits. */
  static Customer organisation() {
    return new Customer.Builder()
        .id(CustomerId.of(new UUID(0, 1)))
        .version(0)
        .createdAt(Instant.parse("2020-02-29T12:00:00.000001Z"))
        .updatedAt(Instant.parse("2020-02-29T12:00:00.000001Z"))
        .kind(CustomerKind.ORGANISATION)
        .legalName(fill("北京" + SUPPLEMENTARY + "有限公司 GmbH & Co. KG ", 200))
        .addOrganisationIdentifier(OrganisationIdentifier.of(fill("S", 32), fill("V", 64)))
        .addOrganisationIdentifier(OrganisationIdentifier.of(OrganisationIdentifier.CN_USCC, "91110105MA01ABCD2" + UnifiedSocialCreditCode.computeCheckCharacter("91110105MA01ABCD2")))
        .build();
  }

  /** A person known by one given name, with nothing else. */
  static Customer minimal() {
    return new Customer.Builder()
        .id(CustomerId.of(new UUID(Long.MAX_VALUE, Long.MIN_VALUE)))
        .version(0)
        .createdAt(Instant.parse("2038-01-19T03:14:08Z"))
        .updatedAt(Instant.parse("2038-01-19T03:14:08Z"))
        .kind(CustomerKind.PERSON)
        .personName(new PersonName.Builder().givenName("A").build())
        .build();
  }

  /** {@code pattern} repeated to exactly {@code length} UTF-16 units, never splitting a surrogate pair. */
  static String fill(String pattern, int length) {
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (text.length() < length) {
      int codePoint = pattern.codePointAt(i);
      if (text.length() + Character.charCount(codePoint) > length) {
        text.append('x');
      } else {
        text.appendCodePoint(codePoint);
      }
      i = (i + Character.charCount(codePoint)) % pattern.length();
    }
    return text.toString();
  }
}
