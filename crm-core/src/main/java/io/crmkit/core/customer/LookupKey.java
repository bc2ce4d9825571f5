package io.crmkit.core.customer;

import io.crmkit.core.common.Require;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A normalised value a customer can be found by: a phone number in E.164, an e-mail address with
 * its domain in lower case, an official identifier without spaces and dashes, or a name folded for
 * prefix search.
 *
 * <p>This class is the one definition of what "the same phone", "the same e-mail" and "a name
 * starting with" mean: {@link CriteriaEvaluator} compares the keys of {@link #of(CustomerDetails)}
 * in memory, and storage adapters keep the same keys in an index (the JDBC adapter's lookup side
 * table), so every engine answers a lookup alike.
 *
 * <ul>
 *   <li>{@link #PHONE}: the E.164 form ({@code +8613812345678}) of each {@link
 *       ContactPoint.Channel#PHONE PHONE} contact point;
 *   <li>{@link #EMAIL}: each {@link ContactPoint.Channel#EMAIL EMAIL} contact point, trimmed, the
 *       local part as written (mailbox names may be case-sensitive) and the domain lower-cased;
 *   <li>{@code org:<scheme>} and {@code person:<scheme>}: each organisation and person identifier,
 *       the scheme exact, the value normalised by {@link #identifierValue};
 *   <li>{@link #NAME}: the display name, legal name, family name and given name, each normalised by
 *       {@link #name} and cut to {@value #MAX_NAME_LENGTH} characters.
 * </ul>
 *
 * @param type what kind of key: {@link #PHONE}, {@link #EMAIL}, {@link #NAME}, or an identifier
 *     scheme prefixed with {@code org:} or {@code person:}
 * @param value the normalised value
 */
public record LookupKey(String type, String value) {
  /** Phone numbers in E.164. */
  public static final String PHONE = "phone";
  /** E-mail addresses, domain in lower case. */
  public static final String EMAIL = "email";
  /** Names folded for prefix search. */
  public static final String NAME = "name";
  /** The longest name key: longer names are cut, so a name prefix may have at most this many characters. */
  public static final int MAX_NAME_LENGTH = 200;
  /** The longest {@link #type()}: the longer identifier prefix and the longest identifier scheme. */
  public static final int MAX_TYPE_LENGTH =
      "person:".length() + Math.max(PersonIdentifier.MAX_SCHEME_LENGTH, OrganisationIdentifier.MAX_SCHEME_LENGTH);
  /**
   * The longest {@link #value()}: an e-mail address of 254 characters whose domain grows in lower
   * case (U+0130 becomes two characters), or an identifier of 64 characters that grows in upper
   * case (ß becomes SS, ﬃ becomes FFI).
   */
  public static final int MAX_VALUE_LENGTH = 512;

  private static final String ORGANISATION = "org:";
  private static final String PERSON = "person:";
  private static final String NON_GEOGRAPHIC = "ZZ";

  public LookupKey {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Require.argument(!value.isEmpty(), "a %s lookup key must not be empty", type);
    requireStorable(type, value);
  }

  /**
   * A phone number written in any form people use ({@code 138 1234 5678}, {@code 010-6552-9988},
   * {@code +86 138-1234-5678}, {@code 0086 13812345678}), with {@code defaultRegion} saying which
   * country a number without country code belongs to.
   *
   * @param defaultRegion ISO 3166-1 alpha-2, for example {@code CN}
   * @throws IllegalArgumentException if the text is not a valid number in that region
   */
  public static LookupKey phone(String number, String defaultRegion) {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(defaultRegion, "defaultRegion");
    return new LookupKey(PHONE, PhoneNumbers.toE164(number, defaultRegion).orElseThrow(() ->
        new IllegalArgumentException("'" + number + "' is not a valid phone number (default region "
            + defaultRegion + ")")));
  }

  /**
   * A phone number written with its country code ({@code +86 138 1234 5678}) or in E.164.
   *
   * @throws IllegalArgumentException if the text is not a valid international number
   */
  public static LookupKey phone(String internationalNumber) {
    Objects.requireNonNull(internationalNumber, "internationalNumber");
    return new LookupKey(PHONE, PhoneNumbers.toE164(internationalNumber, NON_GEOGRAPHIC).orElseThrow(() ->
        new IllegalArgumentException("'" + internationalNumber + "' is not a valid international phone "
            + "number; write it with + and its country code, or give a default region")));
  }

  /**
   * An e-mail address: trimmed, the local part as written, the domain in lower case.
   *
   * @throws IllegalArgumentException if there is no {@code @} with text before and after it
   */
  public static LookupKey email(String address) {
    Objects.requireNonNull(address, "address");
    return emailKey(address).map(value -> new LookupKey(EMAIL, value)).orElseThrow(() ->
        new IllegalArgumentException("'" + address + "' is not an e-mail address: it needs a local part, "
            + "an @ and a domain"));
  }

  /**
   * An organisation identifier ({@link OrganisationIdentifier}): the scheme exact, the value
   * normalised by {@link #identifierValue}.
   *
   * @throws IllegalArgumentException if the scheme is blank or longer than
   *     {@value PersonIdentifier#MAX_SCHEME_LENGTH} characters, or the value has no character left
   */
  public static LookupKey organisationIdentifier(String scheme, String value) {
    return identifier(ORGANISATION, scheme, value);
  }

  /**
   * A person identifier ({@link PersonIdentifier}), for example a resident identity number with a
   * lower-case {@code x}: the scheme exact, the value normalised by {@link #identifierValue}.
   *
   * @throws IllegalArgumentException if the scheme is blank or longer than
   *     {@value PersonIdentifier#MAX_SCHEME_LENGTH} characters, or the value has no character left
   */
  public static LookupKey personIdentifier(String scheme, String value) {
    return identifier(PERSON, scheme, value);
  }

  /**
   * Every key of {@code customer}, in a stable order, without duplicates. A contact point that
   * cannot give a key (a phone that is not a valid number, text without {@code @} on an e-mail
   * contact point) gives none, rather than failing: validation reports it.
   */
  public static Set<LookupKey> of(CustomerDetails customer) {
    Objects.requireNonNull(customer, "customer");
    Set<LookupKey> keys = new LinkedHashSet<>();
    for (ContactPoint point : customer.contactPoints()) {
      if (point.channel() == ContactPoint.Channel.PHONE) {
        storedPhone(point.value()).ifPresent(value -> add(keys, PHONE, value));
      } else if (point.channel() == ContactPoint.Channel.EMAIL) {
        emailKey(point.value()).ifPresent(value -> add(keys, EMAIL, value));
      }
    }
    for (OrganisationIdentifier identifier : customer.organisationIdentifiers()) {
      add(keys, ORGANISATION + identifier.scheme(), identifierValue(identifier.value()));
    }
    for (PersonIdentifier identifier : customer.personIdentifiers()) {
      add(keys, PERSON + identifier.scheme(), identifierValue(identifier.value()));
    }
    add(keys, NAME, nameKey(customer.displayName()));
    customer.legalName().ifPresent(name -> add(keys, NAME, nameKey(name)));
    customer.personName().flatMap(PersonName::familyName).ifPresent(name -> add(keys, NAME, nameKey(name)));
    customer.personName().flatMap(PersonName::givenName).ifPresent(name -> add(keys, NAME, nameKey(name)));
    return keys;
  }

  /**
   * The form names are compared in: Unicode NFKC (full-width letters and digits become their ASCII
   * forms, compatibility ideographs their unified ones), then upper case and lower case in the root
   * locale (so {@code ß}, {@code SS} and {@code ss} agree, as do {@code Σ}, {@code σ} and {@code
   * ς}), then NFKC again, because case mapping can undo it.
   */
  public static String name(String text) {
    Objects.requireNonNull(text, "text");
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC)
        .toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    return Normalizer.normalize(folded, Normalizer.Form.NFKC);
  }

  /**
   * The form identifier values are compared in: NFKC (full-width digits become ASCII), upper case in
   * the root locale, and without white space and dashes ({@code 91350100-m000100y43} is {@code
   * 91350100M000100Y43}).
   */
  public static String identifierValue(String value) {
    Objects.requireNonNull(value, "value");
    String upper = Normalizer.normalize(value, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(upper.length());
    upper.codePoints()
        .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '-'
            && Character.getType(c) != Character.DASH_PUNCTUATION)
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  /**
   * The name key of {@code text}: {@link #name} cut to {@value #MAX_NAME_LENGTH} characters, never
   * between the two halves of a surrogate pair.
   */
  static String nameKey(String text) {
    String name = name(text);
    if (name.length() <= MAX_NAME_LENGTH) {
      return name;
    }
    int end = Character.isHighSurrogate(name.charAt(MAX_NAME_LENGTH - 1)) ? MAX_NAME_LENGTH - 1 : MAX_NAME_LENGTH;
    return name.substring(0, end);
  }

  /** The identifier scheme of an {@code org:} or {@code person:} key type, if it is one. */
  public Optional<String> identifierScheme() {
    if (type.startsWith(ORGANISATION)) {
      return Optional.of(type.substring(ORGANISATION.length()));
    }
    return type.startsWith(PERSON) ? Optional.of(type.substring(PERSON.length())) : Optional.empty();
  }

  private static LookupKey identifier(String prefix, String scheme, String value) {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(value, "value");
    Require.argument(!scheme.isBlank() && scheme.length() <= PersonIdentifier.MAX_SCHEME_LENGTH,
        "an identifier scheme must be 1 to %s characters, not blank, got '%s'",
        PersonIdentifier.MAX_SCHEME_LENGTH, scheme);
    String normalised = identifierValue(value);
    Require.argument(!normalised.isEmpty(), "the %s identifier '%s' has nothing but spaces and dashes",
        scheme, value);
    return new LookupKey(prefix + scheme, normalised);
  }

  /** A stored phone value: already E.164 when valid, else parsed as an international number. */
  private static Optional<String> storedPhone(String value) {
    return PhoneNumbers.isValidE164(value) ? Optional.of(value) : PhoneNumbers.toE164(value, NON_GEOGRAPHIC);
  }

  private static Optional<String> emailKey(String address) {
    String trimmed = address.strip();
    int at = trimmed.indexOf('@');
    if (at <= 0 || at == trimmed.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(trimmed.substring(0, at + 1) + trimmed.substring(at + 1).toLowerCase(Locale.ROOT));
  }

  private static void add(Set<LookupKey> keys, String type, String value) {
    if (!value.isEmpty() && isStorable(value)) {
      keys.add(new LookupKey(type, value));
    }
  }

  private static void requireStorable(String type, String value) {
    Require.argument(isStorable(value), "a %s lookup value must not contain NUL or unpaired surrogates", type);
  }

  /** No NUL and no unpaired surrogate: what every database can store and compare. */
  static boolean isStorable(String value) {
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '\u0000' || Character.isLowSurrogate(ch)) {
        return false;
      }
      if (Character.isHighSurrogate(ch)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return false;
        }
        i++;
      }
    }
    return true;
  }
}
