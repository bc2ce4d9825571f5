package io.crmkit.core.identifier;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text is a valid {@link ResidentIdentityNumber} (GB 11643-1999): 17 digits with a real,
 * past birth date and a matching MOD 11-2 check character. "Past" is judged by the validator's
 * {@link jakarta.validation.ClockProvider}, as for {@code @Past}. {@code null} is valid, so an
 * empty {@code Optional<@ValidResidentIdentityNumber String>} passes; add {@code @NotNull} where
 * a number is required. With the default message, the violation says what is wrong without
 * repeating the number.
 */
@Documented
@Constraint(validatedBy = ResidentIdentityNumberValidator.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE_USE, ElementType.PARAMETER,
    ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidResidentIdentityNumber {
  /** The default message; the violation appends the problems found. */
  String DEFAULT_MESSAGE = "must be a valid resident identity number (GB 11643-1999)";

  String message() default DEFAULT_MESSAGE;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
