package io.crmkit.core.identifier;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link ValidUnifiedSocialCreditCode} with {@link UnifiedSocialCreditCode#validate}. */
public final class UnifiedSocialCreditCodeValidator
    implements ConstraintValidator<ValidUnifiedSocialCreditCode, CharSequence> {
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
