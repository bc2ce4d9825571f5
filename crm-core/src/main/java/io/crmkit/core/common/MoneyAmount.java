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
import java.math.BigDecimal;
import org.joda.money.Money;

/**
 * A {@code Money} amount has at most {@link #maxIntegerDigits()} digits before the decimal point:
 * no real purchase comes near the default, and a longer one is a data error that stores and
 * exchanges (JSON parsers limit number lengths) would reject later. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = MoneyAmount.Validator.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE_USE, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface MoneyAmount {
  String message() default "must have at most {maxIntegerDigits} digits before the decimal point";

  int maxIntegerDigits() default 32;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /**
   * Checks {@link MoneyAmount}. Public because Hibernate Validator creates it by reflection; apply
   * the annotation instead of calling it.
   */
  final class Validator implements ConstraintValidator<MoneyAmount, Money> {
    private int maxIntegerDigits;

    @Override
    public void initialize(MoneyAmount annotation) {
      maxIntegerDigits = annotation.maxIntegerDigits();
    }

    @Override
    public boolean isValid(Money value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      BigDecimal amount = value.getAmount();
      return (long) amount.precision() - amount.scale() <= maxIntegerDigits;
    }
  }
}
