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

  /** Up to this many decimals the scaled value is worked out in a {@code long}. */
  private static final int MAX_FAST_DECIMALS = 9;
  private static final long[] POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
      100_000_000L, 1_000_000_000L};
  /** Below this the scaled value's rounding error is far under {@link #TIE_MARGIN}. */
  private static final double MAX_FAST_SCALED = 1e12;
  /** A scaled value this close to a half is rounded from its decimal digits instead. */
  private static final double TIE_MARGIN = 1e-3;

  private Decimals() {}

  /**
   * {@code value} rounded half up to {@code decimals} places, as the formatter rounds: from the
   * shortest decimal that reads back as {@code value} ({@link Double#toString}). A negative value
   * that rounds to zero keeps its sign ({@code -0.000}), as it does there.
   *
   * <p>Most values are rounded in a {@code long}: where the scaled value is not within {@link
   * #TIE_MARGIN} of a half, its small binary error cannot change the rounding. Near a half, and for
   * very large values, the decimal digits decide ({@link BigDecimal}), as in the formatter.
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
    boolean negative = value < 0 || (value == 0 && 1 / value < 0);
    if (decimals <= MAX_FAST_DECIMALS) {
      double scaled = Math.abs(value) * POWERS[decimals];
      double whole = Math.floor(scaled);
      double fraction = scaled - whole;
      if (scaled < MAX_FAST_SCALED && Math.abs(fraction - 0.5) > TIE_MARGIN) {
        long rounded = (long) whole + (fraction > 0.5 ? 1 : 0);
        return written(negative, rounded, decimals);
      }
    }
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    String text = rounded.toPlainString();
    return negative && rounded.signum() == 0 ? "-" + text : text;
  }

  /** {@code rounded / 10^decimals} written out, the fraction padded with zeros. */
  private static String written(boolean negative, long rounded, int decimals) {
    StringBuilder text = new StringBuilder(24);
    if (negative) {
      text.append('-');
    }
    text.append(rounded / POWERS[decimals]);
    if (decimals > 0) {
      String fraction = Long.toString(rounded % POWERS[decimals]);
      text.append('.');
      for (int pad = fraction.length(); pad < decimals; pad++) {
        text.append('0');
      }
      text.append(fraction);
    }
    return text.toString();
  }
}
