package io.crmkit.testkit;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.PhoneNumbers;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** E-mail addresses, E.164 phone numbers, messenger handles and the contact points that hold them. */
final class ContactArbitraries {
  /** Regions whose numbers are generated, from libphonenumber's example numbers. */
  static final List<String> PHONE_REGIONS = List.of("CN", "US", "DE", "GB", "JP", "FR", "KR", "HK", "TW",
      "SG", "IN", "BR", "AU", "CH", "NL", "ES", "IT", "CA");
  private static final int MAX_VALUE = 254;
  private static final int RANDOM_DIGITS = 4;
  private static final List<PhoneTemplate> PHONE_TEMPLATES = phoneTemplates();

  private static final List<String> LOCAL_NAMES = List.of("wei.zhang", "zhangwei", "li.na", "wangfang",
      "mary.smith", "j.mueller", "jose_garcia", "chloe", "info", "sales", "einkauf", "o'brien", "zoë",
      "张伟", "sakura.tanaka");
  private static final List<String> LOCAL_SUFFIXES = List.of("", "", "88", "2024", "+crm", "_01", ".work");
  private static final List<String> DOMAINS = List.of("example.com", "example.cn", "163.com", "qq.com",
      "gmail.com", "outlook.de", "mail.example.co.uk", "example.co.jp", "firma.example.de", "例子.中国",
      "t-online.de", "yahoo.co.jp", "sub.domain.example.org");
  private static final List<String> MESSENGERS = List.of("WeChat", "LINE", "WhatsApp", "Skype", "Telegram",
      "KakaoTalk");

  private ContactArbitraries() {}

  /** Plausible e-mail addresses: names with digits and tags, Chinese and accented local parts, IDN domains. */
  static Arbitrary<String> emails() {
    Arbitrary<String> local = Combinators.combine(Arbitraries.of(LOCAL_NAMES), Arbitraries.of(LOCAL_SUFFIXES))
        .as(String::concat);
    Arbitrary<String> longLocal = Arbitraries.strings().withCharRange('a', 'z').withChars("0123456789._-")
        .ofMinLength(1).ofMaxLength(64).filter(s -> Character.isLetterOrDigit(s.charAt(0)));
    return Combinators.combine(Arbitraries.frequencyOf(Tuple.of(9, local), Tuple.of(1, longLocal)),
            Arbitraries.of(DOMAINS))
        .as((name, domain) -> name + "@" + domain);
  }

  /**
   * Valid E.164 numbers from many regions: libphonenumber's example mobile and fixed-line numbers
   * with their last digits replaced, falling back to the example itself where that is not valid.
   */
  static Arbitrary<String> phoneNumbers() {
    return Combinators.combine(Arbitraries.of(PHONE_TEMPLATES),
            Arbitraries.strings().numeric().ofLength(RANDOM_DIGITS))
        .as(PhoneTemplate::number);
  }

  /** Messenger and social handles, named in the label. */
  static Arbitrary<ContactPoint> otherHandles() {
    Arbitrary<String> handle = TextArbitraries.realisticOr(
        Combinators.combine(Arbitraries.of("wxid_", "@", "live:", ""),
                Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(3).ofMaxLength(20))
            .as(String::concat),
        MAX_VALUE);
    return Combinators.combine(handle, Arbitraries.of(MESSENGERS), contactFlags())
        .as((value, label, flags) -> flags.apply(
            new ContactPoint.Builder().channel(ContactPoint.Channel.OTHER).value(value).label(label).build()));
  }

  /** E-mails, phones and other handles, with use, label, primary and verified flags. */
  static Arbitrary<ContactPoint> contactPoints() {
    Arbitrary<ContactPoint> email =
        Combinators.combine(emails(), Arbitraries.of(ContactPoint.Use.class), contactFlags())
        .as((value, use, flags) -> flags.apply(
            new ContactPoint.Builder().channel(ContactPoint.Channel.EMAIL).value(value).use(use).build()));
    Arbitrary<ContactPoint> phone = Combinators.combine(phoneNumbers(), Arbitraries.of(ContactPoint.Use.class),
            contactFlags(), Arbitraries.of("Büro", "手机", "Reception").optional(0.2))
        .as((value, use, flags, label) -> flags.apply(
            new ContactPoint.Builder().channel(ContactPoint.Channel.PHONE).value(value).use(use).label(label).build()));
    return Arbitraries.frequencyOf(Tuple.of(5, email), Tuple.of(4, phone), Tuple.of(1, otherHandles()));
  }

  /** Lists of contact points with at most one primary contact point per channel. */
  static Arbitrary<List<ContactPoint>> contactPointLists(int maxSize) {
    return contactPoints().list().ofMaxSize(maxSize).map(ContactArbitraries::onePrimaryPerChannel);
  }

  private static List<ContactPoint> onePrimaryPerChannel(List<ContactPoint> points) {
    Set<ContactPoint.Channel> seen = EnumSet.noneOf(ContactPoint.Channel.class);
    List<ContactPoint> fixed = new ArrayList<>(points.size());
    for (ContactPoint point : points) {
      fixed.add(point.primary() && !seen.add(point.channel()) ? point.withPrimary(false) : point);
    }
    return fixed;
  }

  private static Arbitrary<Flags> contactFlags() {
    return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false)).as(Flags::new);
  }

  private record Flags(boolean primary, boolean verified) {
    ContactPoint apply(ContactPoint point) {
      return point.withPrimary(primary).withVerified(verified);
    }
  }

  /** An example number's country code and national number, whose last digits get replaced. */
  private record PhoneTemplate(String region, int countryCode, String nationalNumber) {
    String number(String lastDigits) {
      String candidate = "+" + countryCode
          + nationalNumber.substring(0, nationalNumber.length() - lastDigits.length()) + lastDigits;
      return PhoneNumbers.isValidE164(candidate) ? candidate : "+" + countryCode + nationalNumber;
    }

    @Override
    public String toString() {
      return region + " +" + countryCode + " " + nationalNumber;
    }
  }

  private static List<PhoneTemplate> phoneTemplates() {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    List<PhoneTemplate> templates = new ArrayList<>();
    for (String region : PHONE_REGIONS) {
      for (PhoneNumberType type : List.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE)) {
        PhoneNumber example = util.getExampleNumberForType(region, type);
        if (example != null) {
          String national = util.getNationalSignificantNumber(example);
          if (national.length() > RANDOM_DIGITS + 2
              && PhoneNumbers.isValidE164("+" + example.getCountryCode() + national)) {
            templates.add(new PhoneTemplate(region, example.getCountryCode(), national));
          }
        }
      }
    }
    return List.copyOf(templates);
  }
}
