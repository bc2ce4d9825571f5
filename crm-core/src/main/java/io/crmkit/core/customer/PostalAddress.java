package io.crmkit.core.customer;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.crmkit.core.common.NotBlankIfPresent;
import io.crmkit.core.common.PrintableText;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A structured postal address. Only the country is required, because real data is often
 * incomplete; the free-text {@link #line()} keeps what could not be structured.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePostalAddress.class)
@JsonDeserialize(as = ImmutablePostalAddress.class)
public interface PostalAddress {

  /** ISO 3166-1 alpha-2 country code, upper case, for example {@code CN} or {@code DE}. */
  @IsoCountry
  String country();

  /**
   * A machine-readable region code, such as a GB/T 2260 division code ({@code 110105}) or an
   * ISO 3166-2 subdivision ({@code DE-BY}).
   */
  Optional<@NotBlankIfPresent @Size(max = 16) @PrintableText String> regionCode();

  /** Region (province, state) as written. */
  Optional<@NotBlankIfPresent @Size(max = 100) @PrintableText String> region();

  Optional<@NotBlankIfPresent @Size(max = 100) @PrintableText String> city();

  Optional<@NotBlankIfPresent @Size(max = 100) @PrintableText String> district();

  /** Street, house number, building, unit. */
  Optional<@NotBlankIfPresent @Size(max = 200) @PrintableText String> street();

  Optional<@NotBlankIfPresent @Size(max = 20) @PrintableText String> postcode();

  /** The address or the part of it that has no structured field, as free text. */
  Optional<@NotBlankIfPresent @Size(max = 500) @PrintableText(multiline = true) String> line();

  @Value.Default
  default Use use() {
    return Use.OTHER;
  }

  /** Whether this is the customer's main address; at most one per customer. */
  @Value.Default
  default boolean primary() {
    return false;
  }

  PostalAddress withPrimary(boolean primary);

  PostalAddress withUse(Use use);

  class Builder extends ImmutablePostalAddress.Builder {}

  /** What a postal address is used for. */
  enum Use {
    HOME,
    WORK,
    BILLING,
    SHIPPING,
    /** An organisation's registered (legal) address. */
    REGISTERED,
    OTHER
  }
}
