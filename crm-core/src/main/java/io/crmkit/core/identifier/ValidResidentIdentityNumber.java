package io.crmkit.core.identifier;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;

/**
 * The text is a valid {@link ResidentIdentityNumber} (GB 11643-1999): 17 digits with a real,
 * past birth date and a matching MOD 11-2 check character. "Past" is judged by the validator's
 * {@link jakarta.validation.ClockProvider}, as for {@code @Past}. {@code null} is valid, so an
 * empty {@code Optional<@ValidResidentIdentityNumber String>} passes; add {@code @NotNull} where
 * a number is required. With the default message, the violation says what is wrong without
 * repeating the number.
 */
@Documented
@Constraint(validatedBy = ValidResidentIdentityNumber.Validator.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE_USE, ElementType.PARAMETER,
    ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidResidentIdentityNumber {
  /** The default message; the violation appends the problems found. */
  String DEFAULT_MESSAGE = "must be a valid resident identity number (GB 11643-1999)";

  /** The message; left at the default, the violation also lists what is wrong. */
  String message() default DEFAULT_MESSAGE;

  /** The validation groups, as for every Jakarta constraint. */
  Class<?>[] groups() default {};

  /** Payload for clients of the validation API, as for every Jakarta constraint. */
  Class<? extends Payload>[] payload() default {};

  /**
   * Checks {@link ValidResidentIdentityNumber} with {@link ResidentIdentityNumber#validate(String,
   * Clock)}, taking the clock from the validation context's clock provider. Public because Hibernate
   * Validator creates it by reflection; apply the annotation instead of calling it.
   */
  final class Validator implements ConstraintValidator<ValidResidentIdentityNumber, CharSequence> {
    private String message = ValidResidentIdentityNumber.DEFAULT_MESSAGE;

    @Override
    public void initialize(ValidResidentIdentityNumber annotation) {
      message = annotation.message();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      Clock clock = context == null ? Clock.systemDefaultZone() : context.getClockProvider().getClock();
      if (ResidentIdentityNumber.isValid(value.toString(), clock)) {
        return true;
      }
      Messages.report(context, message, ValidResidentIdentityNumber.DEFAULT_MESSAGE,
          ResidentIdentityNumber.validate(value.toString(), clock));
      return false;
    }
  }
}
