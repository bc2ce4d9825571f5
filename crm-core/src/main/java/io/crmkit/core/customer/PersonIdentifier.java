package io.crmkit.core.customer;

import io.crmkit.core.common.PrintableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Objects;

/**
 * An official identifier of a person: a Chinese resident identity number, a passport number, ...
 * It is the person's counterpart of {@link OrganisationIdentifier}, so that a CRM can find a person
 * by the number on their identity card and the matcher can treat two records carrying the same
 * number as the same person.
 *
 * <p>A {@link #CN_RIN} value is kept in upper case: GB 11643's check character {@code X} is often
 * typed as a lower-case {@code x}, and both spellings are the same number. Values of other schemes
 * are kept as written.
 *
 * @param scheme which identifier system, for example {@link #CN_RIN} or {@link #PASSPORT}
 * @param value the identifier as issued
 */
public record PersonIdentifier(
    @NotBlank @Size(max = MAX_SCHEME_LENGTH) @PrintableText String scheme,
    @NotBlank @Size(max = MAX_VALUE_LENGTH) @PrintableText String value) {

  /** The longest {@link #scheme()}. */
  public static final int MAX_SCHEME_LENGTH = 32;
  /** The longest {@link #value()}. */
  public static final int MAX_VALUE_LENGTH = 64;
  /**
   * Chinese resident identity number (公民身份号码, GB 11643-1999), 18 characters. {@link
   * CustomerRules} rejects a value that is not a valid number (rule {@code resident-id-check}).
   */
  public static final String CN_RIN = "CN_RIN";
  /** A passport number; the issuing country is not part of it. */
  public static final String PASSPORT = "PASSPORT";

  public PersonIdentifier {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(value, "value");
    if (CN_RIN.equals(scheme)) {
      value = value.toUpperCase(Locale.ROOT);
    }
  }

  public static PersonIdentifier of(String scheme, String value) {
    return new PersonIdentifier(scheme, value);
  }

  /** A Chinese resident identity number ({@link #CN_RIN}). */
  public static PersonIdentifier residentIdentityNumber(String value) {
    return new PersonIdentifier(CN_RIN, value);
  }

  /** Masks all but the scheme and the last two characters: an identity number is personal data. */
  @Override
  public String toString() {
    return "PersonIdentifier[" + scheme + ", ***" + value.substring(Math.max(0, value.length() - 2)) + "]";
  }
}
