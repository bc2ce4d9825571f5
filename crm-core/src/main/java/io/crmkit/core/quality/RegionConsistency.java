package io.crmkit.core.quality;

import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.dedup.MatchInput;
import io.crmkit.core.dedup.MatchRecord;
import io.crmkit.core.dedup.standardise.Standardiser;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a Chinese address's GB/T 2260 region code names the place its text names: the text
 * (region, city, district, free line) is resolved with the standardiser's gazetteer, without the
 * code, and the two codes are compared at the coarser of their levels (province: 2 digits,
 * prefecture: 4, county: 6). So {@code 110105} agrees with 北京市 and with 北京市朝阳区 but not
 * with 上海市; a text that names no place, or an ambiguous one, cannot be checked.
 */
final class RegionConsistency {
  private static final Pattern DIVISION_CODE = Pattern.compile("[1-9][0-9]{5}");

  private final Standardiser standardiser;

  RegionConsistency(Standardiser standardiser) {
    this.standardiser = standardiser;
  }

  /** The address's verdict: empty when it cannot be checked, else whether code and text agree. */
  Optional<Boolean> agrees(PostalAddress address) {
    Optional<String> code = address.regionCode().filter(value -> DIVISION_CODE.matcher(value).matches());
    if (!"CN".equals(address.country()) || code.isEmpty()) {
      return Optional.empty();
    }
    return placeOfText(address).map(named -> samePlace(code.get(), named));
  }

  private Optional<String> placeOfText(PostalAddress address) {
    if (address.region().isEmpty() && address.city().isEmpty() && address.district().isEmpty()
        && address.line().isEmpty()) {
      return Optional.empty();
    }
    MatchInput text = new MatchInput.Builder().id("address").kind(CustomerKind.ORGANISATION).legalName("-")
        .region(address.region()).city(address.city()).district(address.district()).addressLine(address.line())
        .build();
    MatchRecord record = standardiser.standardise(text);
    return record.regionCode().filter(value -> DIVISION_CODE.matcher(value).matches());
  }

  static boolean samePlace(String code, String named) {
    int digits = Math.min(depth(code), depth(named));
    return code.regionMatches(0, named, 0, digits);
  }

  /** How many leading digits carry the code's meaning: 2 for a province, 4 for a prefecture, else 6. */
  static int depth(String code) {
    return code.endsWith("0000") ? 2 : code.endsWith("00") ? 4 : 6;
  }
}
