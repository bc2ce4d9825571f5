package io.crmkit.core.customer;

import io.crmkit.core.common.PrintableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Objects;

/**
 * An official identifier of an organisation: a Chinese Unified Social Credit Code, a VAT number,
 * a D-U-N-S number, a company-register number, ...
 *
 * @param scheme which identifier system, for example {@link #CN_USCC} or {@link #VAT}
 * @param value the identifier as issued
 */
public record OrganisationIdentifier(
    @NotBlank @Size(max = MAX_SCHEME_LENGTH) @PrintableText String scheme,
    @NotBlank @Size(max = MAX_VALUE_LENGTH) @PrintableText String value) {

  /** The longest {@link #scheme()}. */
  public static final int MAX_SCHEME_LENGTH = 32;
  /** The longest {@link #value()}. */
  public static final int MAX_VALUE_LENGTH = 64;

  /**
   * Chinese Unified Social Credit Code (统一社会信用代码, GB 32100-2015). {@link CustomerRules}
   * rejects a value that is not a valid code (rule {@code uscc-check}).
   */
  public static final String CN_USCC = "CN_USCC";
  /** A value-added-tax registration number, with its country prefix (for example {@code DE123456789}). */
  public static final String VAT = "VAT";
  /** Dun &amp; Bradstreet D-U-N-S number. */
  public static final String DUNS = "DUNS";
  /** Legal Entity Identifier (ISO 17442). */
  public static final String LEI = "LEI";

  public OrganisationIdentifier {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(value, "value");
  }

  public static OrganisationIdentifier of(String scheme, String value) {
    return new OrganisationIdentifier(scheme, value);
  }
}
