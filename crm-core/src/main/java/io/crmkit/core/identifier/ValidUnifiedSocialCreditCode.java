package io.crmkit.core.identifier;

import jakarta.validation.Constraint;
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
@Constraint(validatedBy = UnifiedSocialCreditCodeValidator.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE_USE, ElementType.PARAMETER,
    ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidUnifiedSocialCreditCode {
  /** The default message; the violation appends the problems found. */
  String DEFAULT_MESSAGE = "must be a valid Unified Social Credit Code (GB 32100-2015)";

  String message() default DEFAULT_MESSAGE;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
