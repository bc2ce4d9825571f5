package io.crmkit.testkit.dedup;

import java.util.List;
import java.util.Map;

/** Streets and Western cities that generated addresses are made of. */
final class Places {
  static final Weighted<String> CHINESE_STREETS = Weighted.zipf(List.of(
      "中山路", "人民路", "解放路", "建国路", "长安街", "南京路", "和平路", "新华路", "胜利路", "延安路", "文化路",
      "科技园路", "迎宾大道", "滨江路", "学院路", "工业大道"), 0.6);

  /** A US city with its state, its ZIP code prefix and an area code. */
  record City(String name, String state, String zipPrefix, String areaCode) {}

  static final Weighted<City> WESTERN_CITIES = Weighted.zipf(List.of(
      new City("New York", "NY", "100", "212"), new City("Los Angeles", "CA", "900", "213"),
      new City("Chicago", "IL", "606", "312"), new City("Houston", "TX", "770", "713"),
      new City("Seattle", "WA", "981", "206"), new City("Boston", "MA", "021", "617"),
      new City("Denver", "CO", "802", "303"), new City("Atlanta", "GA", "303", "404"),
      new City("Springfield", "IL", "627", "217"), new City("Portland", "OR", "972", "503")), 0.8);

  static final Weighted<String> WESTERN_STREETS = Weighted.zipf(List.of(
      "Main", "Oak", "Maple", "Cedar", "Park", "Washington", "Lake", "Hill", "Elm", "Pine", "Church", "High",
      "Sunset", "Lincoln"), 0.7);

  /** Street types and their usual abbreviations. */
  static final Map<String, String> STREET_TYPES = Map.of(
      "Street", "St", "Avenue", "Ave", "Road", "Rd", "Drive", "Dr", "Lane", "Ln", "Boulevard", "Blvd");

  static final List<String> STREET_TYPE_ORDER = List.of("Street", "Avenue", "Road", "Drive", "Lane", "Boulevard");

  private Places() {}
}
