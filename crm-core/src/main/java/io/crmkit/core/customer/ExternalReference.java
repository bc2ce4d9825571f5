package io.crmkit.core.customer;

import io.crmkit.core.common.PrintableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Objects;

/**
 * The same customer's record in another system, for example the ERP's customer number
 * ({@code system = "erp", id = "C-00042"}). One reference points at one crmkit customer at most.
 *
 * @param system a short, stable name of the other system
 * @param id the customer's key in that system, compared exactly (case-sensitive)
 */
public record ExternalReference(
    @NotBlank @Size(max = MAX_SYSTEM_LENGTH) @PrintableText String system,
    @NotBlank @Size(max = MAX_ID_LENGTH) @PrintableText String id) {
  /** The longest system name. */
  public static final int MAX_SYSTEM_LENGTH = 64;
  /** The longest id. */
  public static final int MAX_ID_LENGTH = 128;

  public ExternalReference {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(id, "id");
  }

  public static ExternalReference of(String system, String id) {
    return new ExternalReference(system, id);
  }

  @Override
  public String toString() {
    return system + ":" + id;
  }
}
