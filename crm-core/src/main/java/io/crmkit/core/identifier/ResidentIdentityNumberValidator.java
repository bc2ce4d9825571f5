package io.crmkit.core.identifier;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;

/**
 * Checks {@link ValidResidentIdentityNumber} with {@link ResidentIdentityNumber#validate(String,
 * Clock)}, taking the clock from the validation context's clock provider.
 */
public final class ResidentIdentityNumberValidator
    implements ConstraintValidator<ValidResidentIdentityNumber, CharSequence> {
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
