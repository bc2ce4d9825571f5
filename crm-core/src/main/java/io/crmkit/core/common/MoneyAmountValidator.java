package io.crmkit.core.common;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.math.BigDecimal;
import org.joda.money.Money;

/** Checks {@link MoneyAmount}. */
public final class MoneyAmountValidator implements ConstraintValidator<MoneyAmount, Money> {
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
