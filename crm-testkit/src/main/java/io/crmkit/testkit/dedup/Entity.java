package io.crmkit.testkit.dedup;

import io.crmkit.core.customer.CustomerKind;
import java.time.LocalDate;
import java.util.List;

/**
 * The true customer behind a group of generated records: its values as they really are, before
 * any record writes them down in its own way or gets them wrong.
 *
 * @param person the person's name, {@code null} for an organisation
 * @param company the organisation's name, {@code null} for a person
 * @param birthDate a person's birth date, {@code null} for an organisation
 * @param identifier a resident identity number, credit code or D-U-N-S number, {@code null} if none
 */
record Entity(String id, CustomerKind kind, boolean chinese, Person person, Company company, LocalDate birthDate,
    String identifier, Phone phone, String email, Address address) {

  /** A person's name; the pinyin parts are {@code null} for a Western name. */
  record Person(String family, String given, ChineseNames.Part familyPinyin, ChineseNames.Part givenPinyin) {}

  /** An organisation's name: the registered form and the other forms records give it. */
  record Company(String registered, List<String> variants) {}

  /** Whether this is a Chinese organisation, which can have branches. */
  boolean chineseOrganisation() {
    return chinese && company != null;
  }

  /**
   * This organisation as a branch (分公司) of {@code head}: the head office's name with the branch's
   * city (or district, in the head office's city) and 分公司 after it, in every form records give it;
   * everything else is the branch's own.
   */
  Entity asBranchOf(Entity head) {
    Division division = address.division();
    String place = division.shortCity().equals(head.address().division().shortCity())
        ? division.district().substring(0, division.district().length() - 1) : division.shortCity();
    String branch = place + "分公司";
    List<String> variants = head.company().variants().stream().map(name -> name + branch).toList();
    return new Entity(id, kind, chinese, person, new Company(head.company().registered() + branch, variants),
        birthDate, identifier, phone, email, address);
  }

  /**
   * A phone number in parts.
   *
   * @param region ISO 3166 region, {@code CN} or {@code US}
   * @param countryCode the country calling code without a plus
   * @param areaCode a landline's area code without the trunk prefix 0 ({@code 10} for Beijing); empty
   *     for a Chinese mobile
   * @param subscriber the remaining digits
   */
  record Phone(String region, String countryCode, String areaCode, String subscriber) {
    String e164() {
      return "+" + countryCode + areaCode + subscriber;
    }

    String national() {
      return areaCode + subscriber;
    }
  }

  /**
   * An address: Chinese when {@code division} is set, otherwise in a US city.
   *
   * @param street for a Chinese address the street and number (建国路88号); for a Western one the
   *     number and street name, with {@code streetType} after it
   * @param streetType a Western street type spelled out (Street), empty for a Chinese address
   * @param building a Chinese address's building and room (A座1203室), empty if none
   */
  record Address(Division division, Places.City city, String street, String streetType, String building,
      String postcode) {

    boolean chinese() {
      return division != null;
    }

    String region() {
      return chinese() ? division.province() : city.state();
    }

    String cityName() {
      return chinese() ? division.city() : city.name();
    }

    String streetLine() {
      return chinese() ? street + building : street + " " + streetType;
    }
  }
}
