package io.crmkit.examples.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A {@code double} written with a fixed number of decimals, exactly as {@code String.format(Locale.ROOT,
 * "%.Nf", value)} writes it, at a small part of its cost. The pairs file writes a dozen numbers per
 * pair; through {@link java.util.Formatter} (a format string parsed and locale symbols looked up per
 * call, on code not yet compiled in a short run) writing them took longer than matching.
 */
final class Decimals {

  private Decimals() {}

  /**
   * {@code value} rounded half up to {@code decimals} places, as the formatter rounds: from the
   * shortest decimal that reads back as {@code value} ({@link Double#toString}). A negative value
   * that rounds to zero keeps its sign ({@code -0.000}), as it does there.
   *
   * @throws IllegalArgumentException if {@code decimals} is negative
   */
  static String fixed(double value, int decimals) {
    if (decimals < 0) {
      throw new IllegalArgumentException("decimals must not be negative: " + decimals);
    }
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    String text = rounded.toPlainString();
    boolean negative = value < 0 || (value == 0 && 1 / value < 0);
    return negative && rounded.signum() == 0 ? "-" + text : text;
  }
}
