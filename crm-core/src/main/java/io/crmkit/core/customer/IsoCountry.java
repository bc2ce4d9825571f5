package io.crmkit.core.customer;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The value is an assigned ISO 3166-1 alpha-2 country code in upper case. {@code null} is invalid. */
@Documented
@Constraint(validatedBy = IsoCountryValidator.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE_USE, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoCountry {
  String message() default "must be an ISO 3166-1 alpha-2 country code such as CN or DE";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
