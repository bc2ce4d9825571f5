package io.crmkit.testkit.dedup;

import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.PhoneNumbers;
import io.crmkit.core.identifier.ResidentIdentityNumber;
import io.crmkit.core.identifier.UnifiedSocialCreditCode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Makes the true customers: realistic, valid, common values frequent. */
final class Entities {
  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1940, 1, 1);
  /** Fixed, not today, so that a seed gives the same customers on every day. */
  private static final LocalDate LATEST_BIRTH = LocalDate.of(2006, 12, 31);
  private static final long BIRTH_DAYS = ChronoUnit.DAYS.between(EARLIEST_BIRTH, LATEST_BIRTH) + 1;
  private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final List<String> CHINESE_MAIL_DOMAINS = List.of("163.com", "qq.com", "126.com", "sina.com",
      "gmail.com");
  private static final List<String> WESTERN_MAIL_DOMAINS = List.of("gmail.com", "yahoo.com", "outlook.com",
      "hotmail.com", "icloud.com");
  private static final List<String> ORGANISATION_MAILBOXES = List.of("info", "sales", "contact", "service");
  /** Mobile prefixes in service in mainland China. */
  private static final List<String> MOBILE_PREFIXES = List.of("130", "131", "132", "135", "136", "137", "138",
      "139", "150", "151", "152", "158", "159", "176", "177", "186", "187", "188", "189", "199");
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
  private static final int PHONE_ATTEMPTS = 50;
  private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z]");

  private final double organisationShare;
  private final double chineseShare;

  Entities(double organisationShare, double chineseShare) {
    this.organisationShare = organisationShare;
    this.chineseShare = chineseShare;
  }

  Entity create(String id, SplittableRandom random) {
    boolean organisation = random.nextDouble() < organisationShare;
    boolean chinese = random.nextDouble() < chineseShare;
    Entity.Address address = chinese ? chineseAddress(random) : westernAddress(random);
    if (organisation) {
      Entity.Company company = chinese ? chineseCompany(address.division(), random) : westernCompany(random);
      String identifier = chinese ? creditCode(address.division(), random) : digits(random, 9);
      return new Entity(id, CustomerKind.ORGANISATION, chinese, null, company, null, identifier,
          landline(address, random), organisationMail(chinese, company, random), address);
    }
    LocalDate birthDate = EARLIEST_BIRTH.plusDays(random.nextLong(BIRTH_DAYS));
    if (chinese) {
      ChineseNames.Part family = ChineseNames.FAMILY.draw(random);
      ChineseNames.Part given = ChineseNames.GIVEN.draw(random);
      Entity.Person person = new Entity.Person(family.hanzi(), given.hanzi(), family, given);
      return new Entity(id, CustomerKind.PERSON, true, person, null, birthDate,
          residentId(address.division(), birthDate, random), mobile(random), chineseMail(family, given, random),
          address);
    }
    Entity.Person person = new Entity.Person(WesternNames.FAMILY.draw(random), WesternNames.GIVEN.draw(random),
        null, null);
    Entity.Phone phone = random.nextBoolean() ? westernPhone(address.city().areaCode(), random)
        : westernPhone(Places.WESTERN_CITIES.draw(random).areaCode(), random);
    return new Entity(id, CustomerKind.PERSON, false, person, null, birthDate, null, phone,
        westernMail(person, random), address);
  }

  private static Entity.Address chineseAddress(SplittableRandom random) {
    Division division = Division.ALL.get(random.nextInt(Division.ALL.size()));
    String street = Places.CHINESE_STREETS.draw(random) + (1 + random.nextInt(300)) + "号";
    String building = random.nextBoolean() ? ""
        : (char) ('A' + random.nextInt(4)) + "座" + (1 + random.nextInt(30)) + digits(random, 2) + "室";
    return new Entity.Address(division, null, street, "", building, division.postcodePrefix() + digits(random, 2));
  }

  private static Entity.Address westernAddress(SplittableRandom random) {
    Places.City city = Places.WESTERN_CITIES.draw(random);
    String street = (1 + random.nextInt(2500)) + " " + Places.WESTERN_STREETS.draw(random);
    String type = Places.STREET_TYPE_ORDER.get(random.nextInt(Places.STREET_TYPE_ORDER.size()));
    return new Entity.Address(null, city, street, type, "", city.zipPrefix() + digits(random, 2));
  }

  private static Entity.Company chineseCompany(Division division, SplittableRandom random) {
    String city = division.shortCity();
    String name = Companies.CHINESE_CORES.draw(random)
        + Companies.CHINESE_TRADES.get(random.nextInt(Companies.CHINESE_TRADES.size()));
    String legalForm = Companies.CHINESE_LEGAL_FORMS.draw(random);
    if (random.nextInt(4) == 0) { // 华为技术（北京）有限公司: the city in brackets after the name
      String bracketed = name + "（" + city + "）";
      return new Entity.Company(bracketed + legalForm, List.of(bracketed, name + legalForm, name));
    }
    return new Entity.Company(city + name + legalForm, List.of(city + name, name + legalForm, name));
  }

  private static Entity.Company westernCompany(SplittableRandom random) {
    String core = Companies.WESTERN_CORES.draw(random);
    String trade = Companies.WESTERN_TRADES.get(random.nextInt(Companies.WESTERN_TRADES.size()));
    String name = trade.isEmpty() ? core : core + " " + trade;
    Companies.LegalForm form = Companies.WESTERN_LEGAL_FORMS.get(random.nextInt(Companies.WESTERN_LEGAL_FORMS.size()));
    // Acme Trading GmbH as Acme Trading, Acme Trading GMBH, ACME TRADING GmbH, ACME
    List<String> variants = List.of(name, name + " " + form.variant(),
        name.toUpperCase(Locale.ROOT) + " " + form.registered(), core.toUpperCase(Locale.ROOT));
    return new Entity.Company(name + " " + form.registered(), variants);
  }

  private static String creditCode(Division division, SplittableRandom random) {
    StringBuilder first17 = new StringBuilder("91").append(division.code());
    for (int i = 0; i < 9; i++) {
      first17.append(UnifiedSocialCreditCode.ALPHABET.charAt(random.nextInt(UnifiedSocialCreditCode.ALPHABET.length())));
    }
    return first17.toString() + UnifiedSocialCreditCode.computeCheckCharacter(first17.toString());
  }

  private static String residentId(Division division, LocalDate birthDate, SplittableRandom random) {
    String first17 = division.code() + birthDate.format(BASIC_DATE) + digits(random, 3);
    return first17 + ResidentIdentityNumber.computeCheckCharacter(first17);
  }

  private static Entity.Phone mobile(SplittableRandom random) {
    return valid(() -> {
      String prefix = MOBILE_PREFIXES.get(random.nextInt(MOBILE_PREFIXES.size()));
      return new Entity.Phone("CN", "86", "", prefix + digits(random, 8));
    }, null);
  }

  /** An organisation's landline in its city, or in the US for a Western organisation. */
  private static Entity.Phone landline(Entity.Address address, SplittableRandom random) {
    if (!address.chinese()) {
      return westernPhone(address.city().areaCode(), random);
    }
    String area = address.division().areaCode().substring(1);
    Entity.Phone beijing = new Entity.Phone("CN", "86", "10", "6" + digits(random, 7));
    // Local numbers have eight digits in large cities and seven in some others (Nanning, Xiamen, Urumqi).
    return valid(() -> new Entity.Phone("CN", "86", area,
        (char) ('2' + random.nextInt(7)) + digits(random, 6 + random.nextInt(2))), beijing);
  }

  private static Entity.Phone westernPhone(String areaCode, SplittableRandom random) {
    return valid(() -> new Entity.Phone("US", "1", areaCode, (char) ('2' + random.nextInt(8)) + digits(random, 6)),
        null);
  }

  /** The first valid number a source makes, so that every true number is a real, valid number. */
  private static Entity.Phone valid(Supplier<Entity.Phone> source, Entity.Phone fallback) {
    for (int i = 0; i < PHONE_ATTEMPTS; i++) {
      Entity.Phone phone = source.get();
      if (PhoneNumbers.isValidE164(phone.e164())) {
        return phone;
      }
    }
    if (fallback == null) {
      throw new IllegalStateException("no valid phone number in " + PHONE_ATTEMPTS + " attempts");
    }
    return fallback;
  }

  private static String chineseMail(ChineseNames.Part family, ChineseNames.Part given, SplittableRandom random) {
    String local = (ChineseNames.withoutTones(family.pinyin()) + ChineseNames.withoutTones(given.pinyin()))
        .toLowerCase(Locale.ROOT);
    String suffix = random.nextBoolean() ? digits(random, 1 + random.nextInt(4)) : "";
    String domain = CHINESE_MAIL_DOMAINS.get(random.nextInt(CHINESE_MAIL_DOMAINS.size()));
    if (domain.equals("qq.com") && random.nextBoolean()) {
      return (1 + random.nextInt(9)) + digits(random, 8) + "@qq.com";
    }
    return local + suffix + "@" + domain;
  }

  private static String westernMail(Entity.Person person, SplittableRandom random) {
    String family = asciiLetters(person.family());
    String given = asciiLetters(person.given());
    String local = switch (random.nextInt(4)) {
      case 0 -> given + "." + family;
      case 1 -> given.charAt(0) + family;
      case 2 -> given + family + digits(random, 2);
      default -> given + "_" + family;
    };
    return local + "@" + WESTERN_MAIL_DOMAINS.get(random.nextInt(WESTERN_MAIL_DOMAINS.size()));
  }

  private static String organisationMail(boolean chinese, Entity.Company company, SplittableRandom random) {
    String mailbox = ORGANISATION_MAILBOXES.get(random.nextInt(ORGANISATION_MAILBOXES.size()));
    String domain = chinese ? letters(random, 4 + random.nextInt(5)) + ".com.cn"
        : asciiLetters(company.variants().get(0)) + ".com";
    return mailbox + "@" + domain;
  }

  /** The name's letters a-z only, lower-case: Müller becomes muller, O'Brien obrien. */
  static String asciiLetters(String name) {
    return NOT_LETTERS.matcher(ChineseNames.withoutTones(name).toLowerCase(Locale.ROOT)).replaceAll("");
  }

  static String digits(SplittableRandom random, int count) {
    char[] digits = new char[count];
    for (int i = 0; i < count; i++) {
      digits[i] = (char) ('0' + random.nextInt(10));
    }
    return new String(digits);
  }

  private static String letters(SplittableRandom random, int count) {
    char[] letters = new char[count];
    for (int i = 0; i < count; i++) {
      letters[i] = LETTERS.charAt(random.nextInt(LETTERS.length()));
    }
    return new String(letters);
  }
}
