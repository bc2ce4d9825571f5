package io.crmkit.testkit.dedup;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.EmailAddresses;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.customer.PhoneNumbers;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.dedup.MatchInput;
import io.crmkit.core.identifier.ResidentIdentityNumber;
import io.crmkit.core.identifier.UnifiedSocialCreditCode;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns generated records into valid crmkit customers, so that store and import tests can load
 * them: what a careful import would make of each record. Phones that parse (as Chinese numbers,
 * else as US numbers) become E.164 contact points and others are left out; e-mails that look like
 * addresses are kept; an organisation's identifier becomes a credit code or D-U-N-S number, a
 * person's a resident identity number ({@link PersonIdentifier#CN_RIN}) when it is a valid one
 * (the text attribute {@value #IDENTIFIER} otherwise); the record id becomes the external reference {@code (source,
 * id)}, so that a stored customer leads back to its record.
 */
public final class GeneratedCustomers {
  /** The attribute that holds a person's identifier that is no valid resident identity number. */
  public static final String IDENTIFIER = "identifier";
  /** The external-reference system of a record without a source. */
  public static final String DEFAULT_SOURCE = "generated";

  private static final List<String> PHONE_REGIONS = List.of("CN", "US");
  private static final List<String> COMPOUND_SURNAMES = List.of("欧阳", "司马", "上官", "诸葛");
  /** Lower-case words that belong to the family name after them: Mary van der Berg. */
  private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "da", "di", "du", "la", "le");

  private GeneratedCustomers() {}

  /**
   * The customer a generated record describes.
   *
   * @throws NullPointerException if {@code record} is {@code null}
   * @throws IllegalArgumentException if the record has no name for its kind
   */
  public static NewCustomer toNewCustomer(GeneratedRecord record) {
    return toNewCustomer(Require.notNull(record, "record").input());
  }

  /**
   * The customer a record describes; its kind, when absent, follows from a legal name.
   *
   * @throws NullPointerException if {@code input} is {@code null}
   * @throws IllegalArgumentException if the record has no name for its kind (no legal name for an
   *     organisation; no family, given or full name for a person)
   */
  public static NewCustomer toNewCustomer(MatchInput input) {
    Require.notNull(input, "input");
    CustomerKind kind = input.kind().orElse(text(input.legalName()).isPresent()
        ? CustomerKind.ORGANISATION : CustomerKind.PERSON);
    NewCustomer.Builder customer = kind == CustomerKind.ORGANISATION ? organisation(input) : person(input);
    customer.addExternalReference(ExternalReference.of(input.source().filter(s -> !s.isBlank())
        .orElse(DEFAULT_SOURCE), input.id()));
    phones(input.phones()).forEach(phone -> customer.addContactPoint(ContactPoint.phone(phone)));
    input.emails().stream().map(String::strip).filter(EmailAddresses::isPlausible).distinct()
        .forEach(email -> customer.addContactPoint(ContactPoint.email(email)));
    address(input).ifPresent(customer::addAddress);
    return customer.build();
  }

  private static NewCustomer.Builder organisation(MatchInput input) {
    String legalName = text(input.legalName()).orElseThrow(() -> new IllegalArgumentException(
        "record " + input.id() + " is an organisation without a legal name"));
    NewCustomer.Builder customer = NewCustomer.organisation(legalName);
    text(input.identifier()).map(GeneratedCustomers::compactIdentifier).ifPresent(id -> {
      String scheme = UnifiedSocialCreditCode.isValid(id) ? OrganisationIdentifier.CN_USCC
          : id.matches("[0-9]{9}") ? OrganisationIdentifier.DUNS : "OTHER";
      customer.addOrganisationIdentifier(OrganisationIdentifier.of(scheme, id));
    });
    return customer;
  }

  private static NewCustomer.Builder person(MatchInput input) {
    Optional<String> family = text(input.familyName());
    Optional<String> given = text(input.givenName());
    PersonName name;
    if (family.isPresent() || given.isPresent()) {
      name = PersonName.of(family.orElse(null), given.orElse(null));
    } else {
      name = splitFullName(text(input.fullName()).orElseThrow(() -> new IllegalArgumentException(
          "record " + input.id() + " is a person without a name")));
    }
    NewCustomer.Builder customer = new NewCustomer.Builder();
    customer.kind(CustomerKind.PERSON).personName(name);
    input.birthDate().ifPresent(customer::birthDate);
    text(input.identifier()).map(GeneratedCustomers::compactIdentifier).ifPresent(id -> {
      if (ResidentIdentityNumber.isValid(id)) {
        customer.addPersonIdentifier(PersonIdentifier.residentIdentityNumber(id));
      } else {
        customer.putAttribute(IDENTIFIER, AttributeValue.text(id));
      }
    });
    return customer;
  }

  /**
   * A name written in one field, split as people write it: a Chinese name family name first (a
   * compound surname such as 欧阳 taking two characters), a name with spaces given names first and
   * the family name last with its particles (van der Berg), one word a family name.
   */
  static PersonName splitFullName(String fullName) {
    String name = fullName.strip();
    String[] words = name.split("\\s+");
    if (words.length > 1) {
      int family = words.length - 1;
      while (family > 1 && PARTICLES.contains(words[family - 1])) {
        family--;
      }
      return PersonName.of(String.join(" ", Arrays.copyOfRange(words, family, words.length)),
          String.join(" ", Arrays.copyOfRange(words, 0, family)));
    }
    if (Character.UnicodeScript.of(name.codePointAt(0)) == Character.UnicodeScript.HAN && name.length() > 1) {
      int familyLength = COMPOUND_SURNAMES.stream().anyMatch(name::startsWith) && name.length() > 2 ? 2 : 1;
      return PersonName.of(name.substring(0, familyLength), name.substring(familyLength));
    }
    return PersonName.of(name, null);
  }

  /** The valid phones in E.164, each once, as Chinese numbers or else as US numbers. */
  private static Set<String> phones(List<String> written) {
    Set<String> phones = new LinkedHashSet<>();
    for (String phone : written) {
      String normal = Normalizer.normalize(phone, Normalizer.Form.NFKC);
      PHONE_REGIONS.stream().map(region -> PhoneNumbers.toE164(normal, region)).flatMap(Optional::stream)
          .findFirst().ifPresent(phones::add);
    }
    return phones;
  }

  private static Optional<PostalAddress> address(MatchInput input) {
    Optional<String> line = text(input.addressLine());
    Optional<String> region = text(input.region());
    Optional<String> city = text(input.city());
    Optional<String> district = text(input.district());
    Optional<String> street = text(input.street());
    Optional<String> postcode = text(input.postcode());
    if (line.isEmpty() && region.isEmpty() && city.isEmpty() && district.isEmpty() && street.isEmpty()) {
      return Optional.empty();
    }
    String all = String.join(" ", line.orElse(""), region.orElse(""), city.orElse(""), district.orElse(""),
        street.orElse(""));
    boolean chinese = all.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    PostalAddress.Builder address = new PostalAddress.Builder().country(chinese ? "CN" : "US");
    divisionCode(all).ifPresent(address::regionCode);
    set(region, address::region);
    set(city, address::city);
    set(district, address::district);
    set(street, address::street);
    set(postcode, address::postcode);
    set(line, address::line);
    return Optional.of(address.build());
  }

  /** The code of the embedded division whose district and city the address names. */
  private static Optional<String> divisionCode(String address) {
    return Division.ALL.stream()
        .filter(d -> address.contains(d.district()) && address.contains(d.shortCity()))
        .map(Division::code).findFirst();
  }

  private static <T> void set(Optional<T> value, Consumer<T> setter) {
    value.ifPresent(setter);
  }

  /** The identifier without spaces or dashes, NFKC (half-width), upper-case. */
  private static String compactIdentifier(String identifier) {
    return Normalizer.normalize(identifier, Normalizer.Form.NFKC).replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }

  /** The value stripped, when something is left. */
  private static Optional<String> text(Optional<String> value) {
    return value.map(String::strip).filter(s -> !s.isEmpty());
  }
}
