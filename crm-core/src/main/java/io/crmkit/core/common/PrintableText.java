package io.crmkit.core.common;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text holds no control characters (such as NUL) and no unpaired surrogates: values that
 * some databases cannot store and that no person typed on purpose. Multi-line text may also hold
 * line feeds, carriage returns and tabs. {@code null} is valid.
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
