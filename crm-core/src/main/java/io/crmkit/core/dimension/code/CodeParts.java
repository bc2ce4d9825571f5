package io.crmkit.core.dimension.code;

import io.crmkit.core.common.Require;
import java.util.Map;
import java.util.Objects;

/**
 * What a composite code is made of: a code per dimension (on the level its format uses) and the
 * sequence number.
 *
 * @param dimensionCodes dimension to code, such as {@code customer-type → B2B, region → 110000}
 * @param sequence the sequence number, at least 1
 */
public record CodeParts(Map<String, String> dimensionCodes, long sequence) {
  public CodeParts {
    dimensionCodes = Map.copyOf(Objects.requireNonNull(dimensionCodes, "dimensionCodes"));
    Require.atLeast(sequence, 1, "sequence");
  }
}
