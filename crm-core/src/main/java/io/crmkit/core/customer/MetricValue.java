package io.crmkit.core.customer;

import io.crmkit.core.common.PrintableText;
import io.crmkit.core.common.Require;
import java.util.Objects;

/**
 * The value of a computed metric of a customer (lifetime value, P(alive), an RFM segment, any
 * metric a user computes): a finite number or a short text. It lives beside {@link Criteria}
 * because metric criteria test it ({@link Criteria#metric}); the metrics themselves are stored by
 * the {@code io.crmkit.core.metric} capability.
 *
 * <p>Numbers are {@code double}s, so a database's {@code double precision} keeps them bit for bit
 * and compares them as Java does; {@code -0.0} is kept as {@code 0.0} (one zero, as SQL has), and
 * NaN and the infinities are refused (they do not order the same way everywhere).
 */
public sealed interface MetricValue {
  /** The longest text value kept. */
  int MAX_TEXT_LENGTH = 200;

  /** The longest metric name. */
  int MAX_NAME_LENGTH = 64;

  /**
   * Checks a metric's name: a letter, then letters, digits, {@code _}, {@code .}, {@code :} or
   * {@code -}, at most {@value #MAX_NAME_LENGTH} in all ({@code clv}, {@code rfm_segment},
   * {@code p_alive}). Names are compared exactly, so {@code CLV} and {@code clv} are two metrics.
   *
   * @return {@code name}
   * @throws IllegalArgumentException if it is not such a name
   */
  static String checkName(String name) {
    Objects.requireNonNull(name, "metric name");
    Require.argument(name.length() <= MAX_NAME_LENGTH && name.matches("[A-Za-z][A-Za-z0-9_.:-]*"),
        "a metric name must be a letter then up to %s letters, digits, '_', '.', ':' or '-', got '%s'",
        MAX_NAME_LENGTH - 1, name);
    return name;
  }

  /** A finite number. */
  static MetricValue number(double value) {
    return new Number(value);
  }

  /** A text of 1 to {@value #MAX_TEXT_LENGTH} printable characters on one line. */
  static MetricValue text(String value) {
    return new Text(value);
  }

  /** The value as a plain Java object ({@code Double} or {@code String}), for display and export. */
  Object raw();

  /** A finite number; {@code -0.0} is taken as {@code 0.0}. */
  record Number(double value) implements MetricValue {
    /** @throws IllegalArgumentException if the value is NaN or infinite */
    public Number {
      Require.argument(Double.isFinite(value), "a metric number must be finite, got %s", value);
      if (value == 0) {
        value = 0.0;
      }
    }

    @Override
    public Object raw() {
      return value;
    }

    @Override
    public String toString() {
      return Double.toString(value);
    }
  }

  /** A short text, such as an RFM segment's name. */
  record Text(String value) implements MetricValue {
    /** @throws IllegalArgumentException if the text is empty, too long or not printable on one line */
    public Text {
      Objects.requireNonNull(value, "value");
      Require.argument(!value.isEmpty() && value.length() <= MAX_TEXT_LENGTH
          && PrintableText.Validator.isPrintable(value, false),
          "a metric text must be 1-%s printable characters on one line, got '%s'", MAX_TEXT_LENGTH, value);
    }

    @Override
    public Object raw() {
      return value;
    }

    @Override
    public String toString() {
      return "'" + value + "'";
    }
  }
}
