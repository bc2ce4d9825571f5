package io.crmkit.core.common;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code Money} amount has at most {@link #maxIntegerDigits()} digits before the decimal point:
 * no real purchase comes near the default, and a longer one is a data error that stores and
 * exchanges (JSON parsers limit number lengths) would reject later. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = MoneyAmountValidator.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE_USE, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface MoneyAmount {
  String message() default "must have at most {maxIntegerDigits} digits before the decimal point";

  int maxIntegerDigits() default 32;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
