package io.crmkit.core.customer;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

/** The value is an assigned ISO 3166-1 alpha-2 country code in upper case. {@code null} is invalid. */
@Documented
@Constraint(validatedBy = IsoCountry.Validator.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE_USE, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoCountry {
  String message() default "must be an ISO 3166-1 alpha-2 country code such as CN or DE";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /**
   * Checks {@link IsoCountry} against the JDK's list of ISO 3166-1 alpha-2 codes. Public because
   * Hibernate Validator creates it by reflection; apply the annotation instead of calling it.
   */
  final class Validator implements ConstraintValidator<IsoCountry, String> {
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
}
