package io.crmkit.core.common;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PrintableText}. */
public final class PrintableTextValidator implements ConstraintValidator<PrintableText, CharSequence> {
  private boolean multiline;

  @Override
  public void initialize(PrintableText annotation) {
    multiline = annotation.multiline();
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    return value == null || isPrintable(value, multiline);
  }

  /** Whether {@code value} has no control characters (bar line breaks and tabs if multiline) and no unpaired surrogate. */
  public static boolean isPrintable(CharSequence value, boolean multiline) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      } else if (Character.isISOControl(c)
          && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
        return false;
      }
    }
    return true;
  }
}
