package io.crmkit.core.common;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link NotBlankIfPresent}. */
public final class NotBlankIfPresentValidator implements ConstraintValidator<NotBlankIfPresent, CharSequence> {
  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    return value == null || !value.toString().isBlank();
  }
}
