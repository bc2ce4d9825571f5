package io.crmkit.testkit.dedup;

import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.dedup.MatchInput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Writes a record of a true customer as one source would, with the variations the rates draw. The
 * record's id is left to the caller, which numbers records in the order it hands them out.
 */
final class RecordWriter {
  /** The source systems, each with its habits: the ERP and the web shop write a name and an address in one field. */
  static final List<String> SOURCES = List.of("crm", "erp", "web", "shop");
  /** Forms fill this in when nobody enters a birth date. */
  static final LocalDate DEFAULT_BIRTH_DATE = LocalDate.of(1900, 1, 1);
  /** Switchboards many customers give: a business park's, a hotel's, a call centre's. */
  private static final List<String> CHINESE_SWITCHBOARDS = List.of("+861062751000", "+862168888000", "+8675526728888");
  private static final String WESTERN_SWITCHBOARD = "+12127365000";

  private enum Field { PHONE, EMAIL, ADDRESS, BIRTH_DATE, IDENTIFIER, GIVEN_NAME }

  /** A record without its id, and the variations drawn for it. */
  record Draft(MatchInput.Builder input, EnumSet<Variation> applied, EnumSet<Variation> eligible) {}

  private final Map<Variation, Double> rates;

  RecordWriter(Map<Variation, Double> rates) {
    this.rates = Map.copyOf(rates);
  }

  Draft write(Entity entity, SplittableRandom random) {
    return new Writing(entity, random).write();
  }

  /** The state of writing one record. */
  private final class Writing {
    private final Entity entity;
    private final SplittableRandom random;
    private final EnumSet<Variation> applied = EnumSet.noneOf(Variation.class);
    private final EnumSet<Variation> eligible = EnumSet.noneOf(Variation.class);
    private final MatchInput.Builder out = new MatchInput.Builder();
    private final String source;
    private Field missing;
    private String fullName;
    private String familyName;
    private String givenName;
    private String legalName;
    private String phone;
    private String email;
    private String identifier;
    private String street;
    private String addressLine;

    Writing(Entity entity, SplittableRandom random) {
      this.entity = entity;
      this.random = random;
      this.source = SOURCES.get(random.nextInt(SOURCES.size()));
    }

    Draft write() {
      out.source(source);
      if (!source.equals("web")) {
        out.kind(entity.kind());
      }
      chooseMissing();
      if (entity.kind() == CustomerKind.PERSON) {
        personName();
        birthDate();
      } else {
        companyName();
      }
      identifier();
      phone();
      fullWidth();
      email();
      address();
      typo();
      out.fullName(Optional.ofNullable(fullName)).familyName(Optional.ofNullable(familyName))
          .givenName(Optional.ofNullable(givenName)).legalName(Optional.ofNullable(legalName))
          .identifier(Optional.ofNullable(identifier)).street(Optional.ofNullable(street))
          .addressLine(Optional.ofNullable(addressLine));
      if (phone != null) {
        out.addPhone(phone);
      }
      if (email != null) {
        out.addEmail(email);
      }
      return new Draft(out, applied, eligible);
    }

    /** Whether {@code variation}, which can apply here, is drawn; draws one number either way. */
    private boolean draws(Variation variation) {
      eligible.add(variation);
      boolean drawn = random.nextDouble() < rates.get(variation);
      if (drawn) {
        applied.add(variation);
      }
      return drawn;
    }

    private void chooseMissing() {
      List<Field> present = new ArrayList<>(List.of(Field.PHONE, Field.EMAIL, Field.ADDRESS));
      if (entity.kind() == CustomerKind.PERSON) {
        present.add(Field.BIRTH_DATE);
        present.add(Field.GIVEN_NAME);
      }
      if (entity.identifier() != null) {
        present.add(Field.IDENTIFIER);
      }
      if (draws(Variation.MISSING_VALUE)) {
        missing = present.get(random.nextInt(present.size()));
      }
    }

    private boolean has(Field field) {
      return missing != field;
    }

    private void personName() {
      Entity.Person person = entity.person();
      String family = person.family();
      String given = person.given();
      boolean pinyin = false;
      if (entity.chinese()) {
        pinyin = draws(Variation.PINYIN);
      } else if (has(Field.GIVEN_NAME) && WesternNames.hasNickname(given) && draws(Variation.NICKNAME)) {
        given = WesternNames.nickname(given, random);
      }
      boolean swapped = has(Field.GIVEN_NAME) && draws(Variation.SWAPPED_NAMES);
      boolean oneField = source.equals("erp") || source.equals("web");
      if (pinyin) {
        boolean tones = random.nextInt(4) == 0;
        family = tones ? person.familyPinyin().pinyin() : ChineseNames.withoutTones(person.familyPinyin().pinyin());
        given = tones ? person.givenPinyin().pinyin() : ChineseNames.withoutTones(person.givenPinyin().pinyin());
        if (oneField && has(Field.GIVEN_NAME) && !swapped) {
          fullName = ChineseNames.pinyinForm(person.familyPinyin(), person.givenPinyin(), random);
          return;
        }
      }
      if (!has(Field.GIVEN_NAME)) {
        given = null;
      }
      if (oneField) {
        boolean familyFirst = entity.chinese() && !pinyin;
        String first = familyFirst != swapped ? family : given;
        String second = familyFirst != swapped ? given : family;
        String separator = familyFirst ? "" : " ";
        fullName = first == null ? second : second == null ? first : first + separator + second;
      } else {
        familyName = swapped ? given : family;
        givenName = swapped ? family : given;
      }
    }

    private void birthDate() {
      if (!has(Field.BIRTH_DATE)) {
        return;
      }
      LocalDate date = entity.birthDate();
      if (draws(Variation.DEFAULT_BIRTH_DATE)) {
        date = DEFAULT_BIRTH_DATE;
      } else if (date.getDayOfMonth() <= 12 && date.getDayOfMonth() != date.getMonthValue()
          && draws(Variation.SWAPPED_DAY_MONTH)) {
        date = LocalDate.of(date.getYear(), date.getDayOfMonth(), date.getMonthValue());
      }
      out.birthDate(date);
    }

    private void companyName() {
      Entity.Company company = entity.company();
      legalName = company.registered();
      if (draws(Variation.COMPANY_NAME_FORM)) {
        legalName = company.variants().get(random.nextInt(company.variants().size()));
      }
      if ((legalName.indexOf('（') >= 0 || legalName.indexOf('(') >= 0) && draws(Variation.BRACKETS)) {
        legalName = Formats.otherBrackets(legalName);
      }
    }

    private void identifier() {
      if (entity.identifier() == null || !has(Field.IDENTIFIER)) {
        return;
      }
      identifier = draws(Variation.IDENTIFIER_FORM) ? Formats.identifier(entity.identifier(), random)
          : entity.identifier();
    }

    private void phone() {
      if (!has(Field.PHONE)) {
        return;
      }
      if (draws(Variation.SWITCHBOARD)) {
        phone = entity.chinese() ? CHINESE_SWITCHBOARDS.get(random.nextInt(CHINESE_SWITCHBOARDS.size()))
            : WESTERN_SWITCHBOARD;
      } else {
        phone = draws(Variation.PHONE_FORMAT) ? Formats.phone(entity.phone(), random) : entity.phone().e164();
      }
    }

    private void fullWidth() {
      if ((phone != null || identifier != null) && draws(Variation.FULL_WIDTH)) {
        if (phone != null) {
          phone = Formats.fullWidth(phone);
        } else {
          identifier = Formats.fullWidth(identifier);
        }
      }
    }

    private void email() {
      if (has(Field.EMAIL)) {
        email = draws(Variation.EMAIL_VARIANT) ? Formats.email(entity.email(), random) : entity.email();
      }
    }

    private void address() {
      if (!has(Field.ADDRESS)) {
        return;
      }
      Entity.Address address = entity.address();
      boolean otherForm = draws(Variation.ADDRESS_FORM);
      boolean oneLine = source.equals("erp") || source.equals("shop");
      out.postcode(address.postcode());
      if (address.chinese()) {
        chineseAddress(address.division(), address, otherForm, oneLine);
      } else {
        String type = otherForm ? Places.STREET_TYPES.get(address.streetType()) : address.streetType();
        String streetLine = address.street() + " " + type;
        if (oneLine) {
          addressLine = streetLine + ", " + address.city().name() + ", " + address.city().state() + " "
              + address.postcode();
        } else {
          street = streetLine;
          out.city(address.city().name()).region(address.city().state());
        }
      }
    }

    private void chineseAddress(Division division, Entity.Address address, boolean otherForm, boolean oneLine) {
      String province = division.province();
      String city = division.city();
      if (otherForm) {
        province = random.nextBoolean() ? division.shortProvince() : "";
        city = division.shortCity();
      }
      if (oneLine) {
        String regionPart = division.isMunicipality() ? (province.isEmpty() ? city : province) : province + city;
        addressLine = regionPart + division.district() + address.streetLine();
      } else {
        if (!province.isEmpty()) {
          out.region(province);
        }
        out.city(city).district(division.district());
        street = address.streetLine();
      }
    }

    /** One typing error in one of the record's texts; in an e-mail, before the @. */
    private void typo() {
      String[] texts = {fullName, familyName, givenName, legalName, street, addressLine, email};
      List<Integer> present = new ArrayList<>();
      for (int i = 0; i < texts.length; i++) {
        if (texts[i] != null && !texts[i].isEmpty()) {
          present.add(i);
        }
      }
      if (present.isEmpty() || !draws(Variation.TYPO)) {
        return;
      }
      int field = present.get(random.nextInt(present.size()));
      String typed = field == 6 ? null : Typos.typo(texts[field], random);
      switch (field) {
        case 0 -> fullName = typed;
        case 1 -> familyName = typed;
        case 2 -> givenName = typed;
        case 3 -> legalName = typed;
        case 4 -> street = typed;
        case 5 -> addressLine = typed;
        default -> {
          int at = email.indexOf('@');
          email = Typos.typo(email.substring(0, at), random) + email.substring(at);
        }
      }
    }
  }
}
