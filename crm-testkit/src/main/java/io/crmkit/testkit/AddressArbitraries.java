package io.crmkit.testkit;

import io.crmkit.core.customer.PostalAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Postal addresses in the formats of their countries: Chinese addresses with GB/T 2260 division
 * codes, German, American, British and Japanese addresses, sparse addresses elsewhere in the
 * ISO 3166 list, and free-text lines that could not be structured.
 */
final class AddressArbitraries {
  /** Sorted, so that a seed generates the same addresses in every JVM. */
  private static final List<String> ISO_COUNTRIES =
      Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).stream().sorted().toList();

  /** A place a street address can be in: country, region code and name, city, district, postcode shape. */
  private record Place(String country, String regionCode, String region, String city, String district,
      String postcodeDigits) {}

  private static final List<Place> CN_PLACES = List.of(
      new Place("CN", "110105", "北京市", "北京市", "朝阳区", "100020"),
      new Place("CN", "110108", "北京市", "北京市", "海淀区", "100080"),
      new Place("CN", "310115", "上海市", "上海市", "浦东新区", "200120"),
      new Place("CN", "440106", "广东省", "广州市", "天河区", "510630"),
      new Place("CN", "440305", "广东省", "深圳市", "南山区", "518052"),
      new Place("CN", "330106", "浙江省", "杭州市", "西湖区", "310013"));
  private static final List<String> CN_STREETS = List.of("建国路", "中关村大街", "世纪大道", "天河路",
      "科技园南路", "文三路");
  private static final List<Place> WESTERN_PLACES = List.of(
      new Place("DE", "DE-BY", "Bayern", "München", null, "80331"),
      new Place("DE", "DE-BE", "Berlin", "Berlin", "Mitte", "10117"),
      new Place("DE", "DE-NW", "Nordrhein-Westfalen", "Köln", null, "50667"),
      new Place("US", "US-CA", "CA", "Mountain View", null, "94043"),
      new Place("US", "US-NY", "NY", "New York", "Manhattan", "10001"),
      new Place("GB", "GB-LND", "Greater London", "London", "Westminster", "SW1A 1AA"),
      new Place("FR", "FR-75C", "Île-de-France", "Paris", "8e arrondissement", "75008"),
      new Place("JP", "JP-13", "東京都", "千代田区", null, "100-0001"),
      new Place("CH", "CH-ZH", "Zürich", "Zürich", null, "8001"));
  private static final List<String> WESTERN_STREETS = List.of("Hauptstraße", "Leopoldstraße",
      "Amphitheatre Parkway", "Baker Street", "Rue de Rivoli", "Bahnhofstrasse", "Unter den Linden");

  private AddressArbitraries() {}

  /** Addresses of every format, with their use and primary flag. */
  static Arbitrary<PostalAddress> postalAddresses() {
    Arbitrary<PostalAddress> address = Arbitraries.frequencyOf(
        Tuple.of(4, chinese()), Tuple.of(4, western()), Tuple.of(2, sparse()));
    return Combinators.combine(address, Arbitraries.of(PostalAddress.Use.class), Arbitraries.of(true, false))
        .as((a, use, primary) -> a.withUse(use).withPrimary(primary));
  }

  /** Lists of addresses of which at most one is primary. */
  static Arbitrary<List<PostalAddress>> postalAddressLists(int maxSize) {
    return postalAddresses().list().ofMaxSize(maxSize).map(AddressArbitraries::onePrimary);
  }

  private static List<PostalAddress> onePrimary(List<PostalAddress> addresses) {
    List<PostalAddress> fixed = new ArrayList<>(addresses.size());
    boolean seen = false;
    for (PostalAddress address : addresses) {
      fixed.add(address.primary() && seen ? address.withPrimary(false) : address);
      seen |= address.primary();
    }
    return fixed;
  }

  /** 北京市朝阳区建国路88号 SOHO现代城 5号楼 1203室. */
  private static Arbitrary<PostalAddress> chinese() {
    Arbitrary<String> building = Combinators.combine(Arbitraries.integers().between(1, 20),
            Arbitraries.integers().between(101, 2808))
        .as((block, room) -> " " + block + "号楼" + room + "室").optional(0.5).map(o -> o.orElse(""));
    return Combinators.combine(Arbitraries.of(CN_PLACES), Arbitraries.of(CN_STREETS),
            Arbitraries.integers().between(1, 999), building, Arbitraries.of(true, false))
        .as((place, street, number, unit, withLine) -> {
          String streetLine = street + number + "号" + unit;
          PostalAddress.Builder builder = structured(place, streetLine);
          if (withLine) {
            builder.line(place.region() + place.city() + place.district() + streetLine);
          }
          return builder.build();
        });
  }

  /** Leopoldstraße 12, 80331 München. */
  private static Arbitrary<PostalAddress> western() {
    return Combinators.combine(Arbitraries.of(WESTERN_PLACES), Arbitraries.of(WESTERN_STREETS),
            Arbitraries.integers().between(1, 250), Arbitraries.of("", "a", " Apt 4B", ", 3. OG"))
        .as((place, street, number, suffix) -> structured(place, street + " " + number + suffix).build());
  }

  /** A country from the whole ISO list and whatever else happens to be known. */
  private static Arbitrary<PostalAddress> sparse() {
    return Combinators.combine(Arbitraries.of(ISO_COUNTRIES),
            TextArbitraries.text(100).optional(0.3),
            TextArbitraries.text(20).optional(0.3),
            TextArbitraries.multilineText(500).optional(0.6))
        .as((country, city, postcode, line) -> new PostalAddress.Builder()
            .country(country).city(city).postcode(postcode).line(line).build());
  }

  private static PostalAddress.Builder structured(Place place, String street) {
    PostalAddress.Builder builder = new PostalAddress.Builder();
    builder.country(place.country())
        .regionCode(place.regionCode())
        .region(place.region())
        .city(place.city())
        .district(Optional.ofNullable(place.district()))
        .street(street)
        .postcode(place.postcodeDigits());
    return builder;
  }
}
