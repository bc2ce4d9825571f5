package io.crmkit.core.dimension.code;

import io.crmkit.core.common.Require;
import java.util.Map;
import java.util.Objects;

/**
 * A composite customer code and its parts.
 *
 * <p>Where to keep it is the host's choice; storing it as an {@link
 * io.crmkit.core.customer.ExternalReference} (system {@code crm}, say) makes the customer
 * repository enforce its uniqueness as well.
 *
 * @param value the code as written, check character included
 * @param parts what it is made of
 */
public record CustomerCode(String value, Parts parts) {
  public CustomerCode {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(parts, "parts");
  }

  @Override
  public String toString() {
    return value;
  }

  /**
   * What a composite code is made of: a code per dimension (on the level its format uses) and the
   * sequence number.
   *
   * @param dimensionCodes dimension to code, such as {@code customer-type → B2B, region → 110000}
   * @param sequence the sequence number, at least 1
   */
  public record Parts(Map<String, String> dimensionCodes, long sequence) {
    public Parts {
      dimensionCodes = Map.copyOf(Objects.requireNonNull(dimensionCodes, "dimensionCodes"));
      Require.atLeast(sequence, 1, "sequence");
    }
  }
}
