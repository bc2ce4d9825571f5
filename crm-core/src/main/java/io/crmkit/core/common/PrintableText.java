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
 * The text is what a person can read: no control characters (such as NUL), no unpaired
 * surrogates (values some databases cannot store), no bidirectional override characters, and at
 * least one visible character unless it is blank (a no-break space alone is not a name). One-line
 * text holds no line or paragraph separators; multi-line text may hold line feeds, carriage
 * returns and tabs. {@code null} is valid. The message names what is wrong.
 */
@Documented
@Constraint(validatedBy = PrintableText.Validator.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE_USE, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface PrintableText {
  String message() default "must not contain control characters";

  /** Whether line feeds, carriage returns and tabs are allowed. */
  boolean multiline() default false;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /**
   * Checks {@link PrintableText}. Public because Hibernate Validator creates it by reflection, and
   * for {@link #problem}, the same check for values that are not validated as beans (lifecycle
   * history entries, churn signals).
   */
  final class Validator implements ConstraintValidator<PrintableText, CharSequence> {
    private boolean multiline;

    @Override
    public void initialize(PrintableText annotation) {
      multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      String problem = value == null ? null : problem(value, multiline);
      if (problem == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
      return false;
    }

    /** Whether {@link #problem} finds nothing wrong with {@code value}. */
    public static boolean isPrintable(CharSequence value, boolean multiline) {
      return problem(value, multiline) == null;
    }

    /**
     * What keeps {@code value} from being printable text, or {@code null} if nothing: a control
     * character (bar line breaks and tabs if multiline), a line or paragraph separator in one-line
     * text, a bidirectional embedding, override or isolate control (they reorder what readers see),
     * an unpaired surrogate, or nothing visible at all (only spaces of any kind and invisible
     * formatting characters, such as a no-break space pasted from a spreadsheet). Empty text and
     * text of ASCII spaces are left to {@code @NotBlank}.
     */
    public static String problem(CharSequence value, boolean multiline) {
      boolean visible = false;
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c >= ' ' && c < '\u007f') { // printable ASCII, the common case: visible unless a space
          visible |= c != ' ';
          continue;
        }
        int codePoint = c;
        if (Character.isHighSurrogate(c)) {
          if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
            return "must not contain unpaired surrogates";
          }
          codePoint = Character.toCodePoint(c, value.charAt(++i));
        } else if (Character.isLowSurrogate(c)) {
          return "must not contain unpaired surrogates";
        } else if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
          return "must not contain control characters";
        } else if (!multiline && (c == '\u2028' || c == '\u2029')) {
          return "must not contain line or paragraph separators";
        } else if ((c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
          return "must not contain bidirectional override characters";
        }
        visible |= !isInvisible(codePoint);
      }
      // Empty or ASCII spaces only: @NotBlank's case (it trims no more than that).
      return visible || value.toString().trim().isEmpty() ? null : "must contain a visible character";
    }

    private static boolean isInvisible(int codePoint) {
      // isWhitespace covers line and paragraph separators but leaves out the no-break spaces.
      int type = Character.getType(codePoint);
      return Character.isWhitespace(codePoint) || type == Character.SPACE_SEPARATOR || type == Character.FORMAT;
    }
  }
}
