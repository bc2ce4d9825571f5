package io.crmkit.core.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An optional text, when present, has a non-white-space character. Use it inside
 * {@code Optional<...>}: Hibernate Validator hands an empty {@code Optional} to element constraints
 * as {@code null}, which {@code @NotBlank} would reject.
 */
@Documented
@Constraint(validatedBy = NotBlankIfPresent.Validator.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE_USE, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotBlankIfPresent {
  String message() default "must not be blank";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /**
   * Checks {@link NotBlankIfPresent}. Public because Hibernate Validator creates it by reflection;
   * apply the annotation instead of calling it.
   */
  final class Validator implements ConstraintValidator<NotBlankIfPresent, CharSequence> {
    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      return value == null || !value.toString().isBlank();
    }
  }
}
