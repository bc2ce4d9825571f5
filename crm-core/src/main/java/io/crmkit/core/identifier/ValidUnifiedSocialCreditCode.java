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

/**
 * The text is a valid {@link UnifiedSocialCreditCode} (GB 32100-2015): 18 characters from its
 * alphabet, a numeric region code and a matching check character. {@code null} is valid, so an
 * empty {@code Optional<@ValidUnifiedSocialCreditCode String>} passes; add {@code @NotNull} where
 * a code is required. With the default message, the violation says what is wrong.
 */
@Documented
@Constraint(validatedBy = ValidUnifiedSocialCreditCode.Validator.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE_USE, ElementType.PARAMETER,
    ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidUnifiedSocialCreditCode {
  /** The default message; the violation appends the problems found. */
  String DEFAULT_MESSAGE = "must be a valid Unified Social Credit Code (GB 32100-2015)";

  /** The message; left at the default, the violation also lists what is wrong. */
  String message() default DEFAULT_MESSAGE;

  /** The validation groups, as for every Jakarta constraint. */
  Class<?>[] groups() default {};

  /** Payload for clients of the validation API, as for every Jakarta constraint. */
  Class<? extends Payload>[] payload() default {};

  /**
   * Checks {@link ValidUnifiedSocialCreditCode} with {@link UnifiedSocialCreditCode#validate}.
   * Public because Hibernate Validator creates it by reflection; apply the annotation instead of
   * calling it.
   */
  final class Validator implements ConstraintValidator<ValidUnifiedSocialCreditCode, CharSequence> {
    private String message = ValidUnifiedSocialCreditCode.DEFAULT_MESSAGE;

    @Override
    public void initialize(ValidUnifiedSocialCreditCode annotation) {
      message = annotation.message();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      if (value == null || UnifiedSocialCreditCode.isValid(value.toString())) {
        return true;
      }
      Messages.report(context, message, ValidUnifiedSocialCreditCode.DEFAULT_MESSAGE,
          UnifiedSocialCreditCode.validate(value.toString()));
      return false;
    }
  }
}
