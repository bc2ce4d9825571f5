package io.crmkit.core.dedup.standardise;

import io.crmkit.core.dedup.MatchInput;
import io.crmkit.core.dedup.standardise.RegionGazetteer.Division;
import io.crmkit.core.dedup.standardise.RegionGazetteer.Resolution;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Addresses for matching. A Chinese address (one with Han characters, or a region given as a GB/T
 * 2260 code) is resolved to the most specific division code its province, city and district
 * names give, from the parts or from the address line; what follows the names is the street. Other
 * addresses keep their region, locality (city, suburb or district), street and postcode folded, as
 * FEBRL's Australian records need.
 */
final class Addresses {
  private static final int CODE_LENGTH = 6;

  /** The standardised address; every part may be empty. */
  record Parts(String regionCode, String region, String locality, String street, String postcode) {}

  private Addresses() {}

  /**
   * The address of {@code input} standardised; {@code gazetteers} is asked for the division list
   * only when the address is Chinese, so that a run on other addresses never loads it.
   */
  static Parts standardise(MatchInput input, Supplier<RegionGazetteer> gazetteers, int maxLength,
      List<String> warnings) {
    String region = fold(input.region(), "region", maxLength, warnings);
    String city = fold(input.city(), "city", maxLength, warnings);
    String district = fold(input.district(), "district", maxLength, warnings);
    String street = fold(input.street(), "street", maxLength, warnings);
    String line = fold(input.addressLine(), "addressLine", maxLength, warnings);
    String postcode = fold(input.postcode(), "postcode", maxLength, warnings).replace(" ", "");
    Optional<Division> coded = isCode(region) ? gazetteers.get().byCode(region) : Optional.empty();
    if (isCode(region) && coded.isEmpty()) {
      warnings.add("region: '" + region + "' is not a GB/T 2260 division code in force, ignored");
      region = "";
    }
    if (coded.isEmpty() && !(hasHan(region) || hasHan(city) || hasHan(district) || hasHan(line))) {
      String locality = city.isEmpty() ? district : city;
      return new Parts("", region, locality, street.isEmpty() ? line : street, postcode);
    }
    RegionGazetteer gazetteer = gazetteers.get();
    Division within = coded.orElse(null);
    String parts = (coded.isPresent() ? "" : region) + city + district;
    String locality = "";
    Division found = within;
    if (!parts.isEmpty()) {
      Resolution resolution = gazetteer.resolve(parts, within);
      found = resolution.division().orElse(null);
      locality = resolution.rest();
      noteAmbiguity(resolution, warnings);
    }
    if (!line.isEmpty()) {
      Resolution resolution = gazetteer.resolve(line, null);
      if (resolution.division().isEmpty() && found != null) {
        resolution = gazetteer.resolve(line, found);
      }
      Division named = resolution.division().orElse(null);
      if (named != null && (found == null || named.equals(found) || gazetteer.isBelow(named, found))) {
        found = named;
      } else {
        noteAmbiguity(resolution, warnings);
      }
      street = street.isEmpty() ? resolution.rest() : street;
    }
    String code = found == null ? "" : found.code();
    String unresolvedRegion = found == null && coded.isEmpty() ? region : "";
    return new Parts(code, unresolvedRegion, TextFolding.removeSpacesBesideHan(locality),
        TextFolding.removeSpacesBesideHan(street), postcode);
  }

  private static void noteAmbiguity(Resolution resolution, List<String> warnings) {
    resolution.ambiguousName().ifPresent(name -> warnings.add(
        "address: '" + name + "' names several divisions and nothing before it says which, no code for it"));
  }

  private static String fold(Optional<String> value, String field, int maxLength, List<String> warnings) {
    if (value.isEmpty()) {
      return "";
    }
    String folded = TextFolding.fold(value.get(), field, maxLength, warnings);
    if (folded.isEmpty()) {
      warnings.add(field + ": blank, ignored");
    }
    return folded;
  }

  private static boolean isCode(String text) {
    if (text.length() != CODE_LENGTH) {
      return false;
    }
    for (int i = 0; i < CODE_LENGTH; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  static boolean hasHan(String text) {
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      if (NameSplitter.isHanChar(text.codePointAt(i))) {
        return true;
      }
    }
    return false;
  }
}
