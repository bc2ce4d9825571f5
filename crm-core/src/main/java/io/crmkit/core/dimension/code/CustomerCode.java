package io.crmkit.core.dimension.code;

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
public record CustomerCode(String value, CodeParts parts) {
  public CustomerCode {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(parts, "parts");
  }

  @Override
  public String toString() {
    return value;
  }
}
