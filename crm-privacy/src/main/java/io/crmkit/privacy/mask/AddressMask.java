package io.crmkit.privacy.mask;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.PostalAddress;
import java.util.Optional;

/**
 * Masks a postal address down to where it is, not who lives there: country, region and city stay;
 * district, street and free-text line become {@code ***} (so a reader sees they exist); a GB/T 2260
 * region code is coarsened to its city ({@code 110105} becomes {@code 110100}); the postcode keeps
 * its configured start.
 *
 * @param postcode how much of the postcode stays
 */
public record AddressMask(KeepEnds postcode) {
  public AddressMask {
    Require.notNull(postcode, "postcode");
  }

  /** Postcode keeps its first two characters (a Chinese province, a German region). */
  public static AddressMask defaults() {
    return new AddressMask(KeepEnds.of(2, 0, 2));
  }

  public PostalAddress mask(PostalAddress address) {
    Require.notNull(address, "address");
    return new PostalAddress.Builder().from(address)
        .regionCode(address.regionCode().map(AddressMask::cityLevel))
        .district(hidden(address.district()))
        .street(hidden(address.street()))
        .line(hidden(address.line()))
        .postcode(address.postcode().map(postcode::mask))
        .build();
  }

  /** A six-digit GB/T 2260 code at its prefecture (city) level; other codes as they are. */
  static String cityLevel(String regionCode) {
    return regionCode.length() == 6 && regionCode.chars().allMatch(CodePoints::isAsciiDigit)
        ? regionCode.substring(0, 4) + "00"
        : regionCode;
  }

  private static Optional<String> hidden(Optional<String> part) {
    return part.map(p -> CodePoints.HIDDEN);
  }
}
