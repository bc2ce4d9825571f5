package io.crmkit.core.customer;

import io.crmkit.core.common.NotBlankIfPresent;
import io.crmkit.core.common.PrintableText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Everything a customer record says about the customer, shared by {@link NewCustomer} (what a
 * caller registers) and {@link Customer} (what is stored, with identity and version).
 */
public interface CustomerDetails {
  /** The longest {@link #displayName()}. */
  int MAX_DISPLAY_NAME_LENGTH = 200;
  /** The longest {@link #legalName()}. */
  int MAX_LEGAL_NAME_LENGTH = 200;
  /** The longest {@link #owner()}. */
  int MAX_OWNER_LENGTH = 128;
  /** The longest of the {@link #tags()}. */
  int MAX_TAG_LENGTH = 64;
  /** The longest dimension name, a key of {@link #dimensionCodes()}. */
  int MAX_DIMENSION_LENGTH = 64;
  /** The longest code, a value of {@link #dimensionCodes()}. */
  int MAX_CODE_LENGTH = 64;
  /** The longest custom attribute name, a key of {@link #attributes()}. */
  int MAX_ATTRIBUTE_NAME_LENGTH = 64;
  /**
   * Custom attribute names: a letter, then letters, digits, {@code _ . -}; at most
   * {@value #MAX_ATTRIBUTE_NAME_LENGTH} characters.
   */
  String ATTRIBUTE_NAME = "[A-Za-z][A-Za-z0-9_.-]{0," + (MAX_ATTRIBUTE_NAME_LENGTH - 1) + "}";

  @NotNull
  CustomerKind kind();

  /** A person's name; required for {@link CustomerKind#PERSON}, absent for organisations. */
  Optional<@Valid PersonName> personName();

  /** An organisation's registered legal name; required for {@link CustomerKind#ORGANISATION}. */
  Optional<@NotBlankIfPresent @Size(max = MAX_LEGAL_NAME_LENGTH) @PrintableText String> legalName();

  /**
   * The name shown to people. Defaults to {@link #nameAsWritten}; set it for a trading name or a
   * preferred form. {@code Crm.update} keeps a default display name in step with renames.
   */
  @Value.Default
  @NotBlank
  @Size(max = MAX_DISPLAY_NAME_LENGTH)
  @PrintableText
  default String displayName() {
    return nameAsWritten(this);
  }

  /** The person's full name or the organisation's legal name: the default display name. */
  static String nameAsWritten(CustomerDetails details) {
    return details.personName().map(PersonName::fullName).or(details::legalName).orElse("");
  }

  List<@NotNull @Valid ContactPoint> contactPoints();

  List<@NotNull @Valid PostalAddress> addresses();

  Optional<@PastOrPresent LocalDate> birthDate();

  Optional<Gender> gender();

  /** Official identifiers of an organisation (tax, register, credit codes). */
  Set<@NotNull @Valid OrganisationIdentifier> organisationIdentifiers();

  /**
   * Official identifiers of a person (resident identity number, passport): what a CRM user looks a
   * person up by, and the strongest evidence that two records are the same person. Organisations
   * have none.
   */
  Set<@NotNull @Valid PersonIdentifier> personIdentifiers();

  /** The user or team responsible for the customer, as the host system names them. */
  Optional<@NotBlankIfPresent @Size(max = MAX_OWNER_LENGTH) @PrintableText String> owner();

  /** Free labels, for example {@code trade-fair-2025}. */
  Set<@NotBlank @Size(max = MAX_TAG_LENGTH) @PrintableText String> tags();

  /** Classification: dimension (for example {@code region}) to code (for example {@code 110105}). */
  Map<@NotBlank @Size(max = MAX_DIMENSION_LENGTH) @PrintableText String,
      @NotBlank @Size(max = MAX_CODE_LENGTH) @PrintableText String> dimensionCodes();

  /** The lifecycle stage; new customers start as {@link LifecycleStage#PROSPECT}. */
  @Value.Default
  @NotNull
  @Valid
  default LifecycleStage stage() {
    return LifecycleStage.PROSPECT;
  }

  /** The value tier, once a tiering policy has assigned one. */
  Optional<@Valid ValueTier> tier();

  /** Typed custom attributes that the host system defines. */
  Map<@NotNull @Pattern(regexp = ATTRIBUTE_NAME) String, @NotNull @Valid AttributeValue> attributes();

  /** Records of the same customer in other systems. */
  Set<@NotNull @Valid ExternalReference> externalReferences();

  List<@NotNull @Valid Need> needs();
}
