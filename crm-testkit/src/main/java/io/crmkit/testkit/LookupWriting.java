package io.crmkit.testkit;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.LookupKey;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * A stored value written the way a person types it into a search box, as the lookup criterion
 * that should find it: what {@link CriteriaArbitraries#lookups} is made of.
 */
final class LookupWriting {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private LookupWriting() {}

  /** An E.164 number as stored, in E.164, international or national format (with its region). */
  static Arbitrary<Criteria> phone(String e164) {
    PhoneNumber number;
    try {
      number = UTIL.parse(e164, "ZZ");
    } catch (NumberParseException e) {
      return Arbitraries.just(Criteria.all());
    }
    String region = UTIL.getRegionCodeForNumber(number);
    List<Criteria> forms = region == null || "001".equals(region)
        ? List.of(Criteria.hasPhone(e164), Criteria.hasPhone(UTIL.format(number, PhoneNumberFormat.INTERNATIONAL)))
        : List.of(Criteria.hasPhone(e164), Criteria.hasPhone(UTIL.format(number, PhoneNumberFormat.INTERNATIONAL)),
            Criteria.hasPhone(UTIL.format(number, PhoneNumberFormat.NATIONAL), region));
    return Arbitraries.of(forms);
  }

  /** The address as stored, with its domain in capitals and spaces around, or its local part in capitals. */
  static Arbitrary<Criteria> email(String address) {
    int at = address.indexOf('@');
    if (at <= 0 || at == address.length() - 1) {
      return Arbitraries.just(Criteria.all());
    }
    String local = address.substring(0, at);
    String domain = address.substring(at + 1);
    return Arbitraries.of(
        Criteria.hasEmail(address),
        Criteria.hasEmail("  " + local + "@" + domain.toUpperCase(Locale.ROOT) + " "),
        Criteria.hasEmail(local.toUpperCase(Locale.ROOT) + "@" + domain));
  }

  /** A stored identifier's key as typed: lower case, with dashes and spaces between its characters. */
  static Arbitrary<Criteria> identifier(LookupKey key) {
    String scheme = key.identifierScheme().orElseThrow();
    boolean person = key.type().startsWith("person:");
    String value = key.value();
    String spaced = value.length() > 4
        ? value.substring(0, 2) + "-" + value.substring(2, 4) + " " + value.substring(4) : value;
    return Arbitraries.of(value, value.toLowerCase(Locale.ROOT), spaced.toLowerCase(Locale.ROOT))
        .map(written -> person ? Criteria.hasPersonIdentifier(scheme, written)
            : Criteria.hasOrganisationIdentifier(scheme, written));
  }

  /**
   * The first one to four code points of {@code name}, as written, in upper or lower case, or with
   * ASCII letters and digits in their full-width forms; a prefix that is empty once normalised
   * gives {@link Criteria#all()}.
   */
  static Arbitrary<Criteria> namePrefix(String name) {
    int codePoints = name.codePointCount(0, name.length());
    return Arbitraries.integers().between(1, Math.min(4, codePoints)).flatMap(length -> {
      String prefix = name.substring(0, name.offsetByCodePoints(0, length));
      return Arbitraries.of(prefix, prefix.toUpperCase(Locale.ROOT), prefix.toLowerCase(Locale.ROOT),
          fullWidth(prefix));
    }).map(LookupWriting::nameStartsWithOrAll);
  }

  private static Criteria nameStartsWithOrAll(String prefix) {
    String normalised = LookupKey.name(prefix);
    return normalised.isEmpty() || normalised.length() > LookupKey.MAX_NAME_LENGTH
        ? Criteria.all() : Criteria.nameStartsWith(prefix);
  }

  /** ASCII letters and digits as their full-width forms (U+FF10..U+FF5A). */
  private static String fullWidth(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> out.appendCodePoint(
        c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' ? c - 0x20 + 0xFF00 : c));
    return out.toString();
  }
}
