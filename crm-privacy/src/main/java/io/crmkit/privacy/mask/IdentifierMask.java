package io.crmkit.privacy.mask;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.OrganisationIdentifier;
import io.crmkit.core.customer.PersonIdentifier;
import java.util.HashMap;
import java.util.Map;

/**
 * Masks official identifiers by scheme: what stays is what a clerk needs to tell two records apart
 * without learning the number. A Chinese resident identity number keeps its region (first six
 * digits) and last four ({@code 110105199001011234} becomes {@code 110105********1234}: the birth
 * date in between is hidden); a Unified Social Credit Code keeps its registration authority, type
 * and region (first eight) and last four; any other scheme keeps its last four.
 *
 * @param bySchemes the mask of each named scheme
 * @param otherSchemes the mask of every other scheme
 */
public record IdentifierMask(Map<String, KeepEnds> bySchemes, KeepEnds otherSchemes) {
  public IdentifierMask {
    Require.notNull(bySchemes, "bySchemes");
    Require.notNull(otherSchemes, "otherSchemes");
    bySchemes = Map.copyOf(bySchemes);
  }

  /** Resident identity numbers 6 + 4, credit codes 8 + 4, other schemes the last 4. */
  public static IdentifierMask defaults() {
    return new IdentifierMask(Map.of(
        PersonIdentifier.CN_RIN, KeepEnds.of(6, 4, 4),
        OrganisationIdentifier.CN_USCC, KeepEnds.of(8, 4, 4)),
        KeepEnds.of(0, 4, 4));
  }

  /** This mask with {@code scheme} masked by {@code mask}. */
  public IdentifierMask withScheme(String scheme, KeepEnds mask) {
    Require.notBlank(scheme, "scheme");
    Require.notNull(mask, "mask");
    Map<String, KeepEnds> schemes = new HashMap<>(bySchemes);
    schemes.put(scheme, mask);
    return new IdentifierMask(schemes, otherSchemes);
  }

  /** Masks {@code value}, an identifier of {@code scheme}. */
  public String mask(String scheme, String value) {
    Require.notNull(scheme, "scheme");
    Require.notNull(value, "value");
    return bySchemes.getOrDefault(scheme, otherSchemes).mask(value);
  }
}
