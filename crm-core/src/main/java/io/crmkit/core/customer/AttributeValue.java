package io.crmkit.core.customer;

import io.crmkit.core.common.PrintableText;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The typed value of a custom attribute: text, a decimal number, a yes/no flag or a date.
 * Equality is by value, so numbers are kept without trailing zeros ({@code 1.50} equals
 * {@code 1.5}).
 */
public sealed interface AttributeValue {

  /** The value as a plain Java object, for display and export. */
  Object raw();

  static AttributeValue text(String value) {
    return new Text(value);
  }

  static AttributeValue number(BigDecimal value) {
    return new Number(value);
  }

  static AttributeValue number(long value) {
    return new Number(BigDecimal.valueOf(value));
  }

  static AttributeValue flag(boolean value) {
    return new Flag(value);
  }

  static AttributeValue date(LocalDate value) {
    return new Date(value);
  }

  /** @param value at most 2,000 characters */
  record Text(@Size(max = 2000) @PrintableText(multiline = true) String value) implements AttributeValue {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Object raw() {
      return value;
    }
  }

  /**
   * @param value normalised without trailing zeros; at most 400 digits before and 400 after the
   *     decimal point, so that it survives JSON parsers' number-length limits
   */
  record Number(@Digits(integer = 400, fraction = 400) BigDecimal value) implements AttributeValue {
    public Number {
      Objects.requireNonNull(value, "value");
      value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    @Override
    public Object raw() {
      return value;
    }
  }

  record Flag(boolean value) implements AttributeValue {
    @Override
    public Object raw() {
      return value;
    }
  }

  record Date(LocalDate value) implements AttributeValue {
    public Date {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Object raw() {
      return value;
    }
  }
}
