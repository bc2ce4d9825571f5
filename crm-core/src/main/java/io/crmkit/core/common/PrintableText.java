package io.crmkit.core.common;

import jakarta.validation.Constraint;
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
@Constraint(validatedBy = PrintableTextValidator.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE_USE, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface PrintableText {
  String message() default "must not contain control characters";

  /** Whether line feeds, carriage returns and tabs are allowed. */
  boolean multiline() default false;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
