package io.crmkit.core.customer;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Locale;
import java.util.Set;

/** Checks {@link IsoCountry} against the JDK's list of ISO 3166-1 alpha-2 codes. */
public final class IsoCountryValidator implements ConstraintValidator<IsoCountry, String> {
  private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return isCountry(value);
  }

  /** Whether {@code code} is an assigned ISO 3166-1 alpha-2 code. */
  public static boolean isCountry(String code) {
    return code != null && CODES.contains(code);
  }
}
