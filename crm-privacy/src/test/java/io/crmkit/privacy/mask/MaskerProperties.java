package io.crmkit.privacy.mask;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.privacy.catalog.PersonalDataCatalogue;
import io.crmkit.privacy.catalog.PersonalDataCategory;
import io.crmkit.privacy.catalog.PersonalField;
import io.crmkit.privacy.catalog.ValueKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A whole customer masks idempotently, keeps its identity and never shows a masked part in clear. */
class MaskerProperties {
  private static final Instant CREATED = Instant.parse("2025-01-02T03:04:05Z");
  private static final Masker MASKER = Masker.of(PersonalDataCatalogue.defaults().toBuilder()
      .classify(PersonalField.attribute("note"), PersonalDataCategory.SENSITIVE, ValueKind.TEXT).build(),
      MaskingPolicy.defaults());

  @Property(tries = 150)
  void maskingAMaskedCustomerChangesNothing(@ForAll("customers") Customer customer,
      @ForAll("categories") Set<PersonalDataCategory> categories) {
    Customer once = MASKER.mask(customer, categories);

    assertThat(MASKER.mask(once, categories)).isEqualTo(once);
    assertThat(once.id()).isEqualTo(customer.id());
    assertThat(once.version()).isEqualTo(customer.version());
  }

  @Property(tries = 150)
  void noMaskedContactOrIdentifierIsShownInClear(@ForAll("customers") Customer customer) {
    Customer masked = MASKER.mask(customer);

    for (int i = 0; i < customer.contactPoints().size(); i++) {
      String clear = customer.contactPoints().get(i).value();
      String shown = masked.contactPoints().get(i).value();
      if (hasContent(clear)) {
        assertThat(shown).as("contact %s", clear).contains("*");
      }
    }
    assertThat(masked.personIdentifiers()).filteredOn(id -> hasContent(id.value()))
        .allSatisfy(id -> assertThat(id.value()).contains("*"));
    assertThat(masked.displayName()).contains("*");
    assertThat(masked.attributes().get("note")).isEqualTo(AttributeValue.text(
        MaskingPolicy.defaults().text().mask(((AttributeValue.Text) customer.attributes().get("note")).value())));
  }

  /** Whether {@code value} has anything but layout (spaces, {@code + - ( ) . /}) to hide. */
  private static boolean hasContent(String value) {
    return value.codePoints().anyMatch(cp -> !CodePoints.isSeparator(cp));
  }

  @Provide
  Arbitrary<Set<PersonalDataCategory>> categories() {
    return Arbitraries.of(PersonalDataCategory.class).set();
  }

  @Provide
  Arbitrary<Customer> customers() {
    Arbitrary<String> text = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20);
    Arbitrary<String> han = Arbitraries.strings().withCharRange('\u4E00', '\u9FA5').ofMinLength(1).ofMaxLength(3);
    Arbitrary<ContactPoint> contact = Combinators.combine(Arbitraries.of(ContactPoint.Channel.class), text)
        .as((channel, value) -> new ContactPoint.Builder().channel(channel).value(value).build());
    Arbitrary<PostalAddress> address = Combinators.combine(Arbitraries.of("CN", "DE"),
        Arbitraries.strings().numeric().ofLength(6), text, text)
        .as((country, code, street, postcode) -> new PostalAddress.Builder().country(country).regionCode(code)
            .street(street).postcode(postcode).build());
    return Combinators.combine(han, text, contact.list().ofMaxSize(3), address.list().ofMaxSize(2),
            text.map(PersonIdentifier::residentIdentityNumber).set().ofMaxSize(2), text,
            Arbitraries.longs().between(0, 100_000))
        .as((family, given, contacts, addresses, ids, note, days) -> new Customer.Builder()
            .id(CustomerId.of(new UUID(days, days)))
            .version(days % 7).createdAt(CREATED).updatedAt(CREATED)
            .kind(CustomerKind.PERSON)
            .personName(PersonName.of(family, given))
            .displayName(family + given)
            .contactPoints(contacts)
            .addresses(addresses)
            .personIdentifiers(ids)
            .birthDate(LocalDate.of(1950, 1, 1).plusDays(days % 20_000))
            .putAttribute("note", AttributeValue.text(note))
            .build());
  }
}
