package io.crmkit.segmentation.clv;

/**
 * The Gaussian hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z &lt; 1 by its power series. The
 * BG/NBD expectations call it only after Euler's transformation, where the series' terms shrink
 * from the start instead of growing like (1 − z)^−(r+x) first (which overflows for customers with
 * hundreds of purchases); see {@link BgNbdParameters#expectedPurchases(double, CustomerHistory)}.
 */
final class Hypergeometric {

  /** Terms beyond which the series is given up: z would have to be within about 1e-6 of 1. */
  static final int MAX_TERMS = 20_000_000;

  private static final double PRECISION = 1e-16;

  private Hypergeometric() {}

  /**
   * ₂F₁(a, b; c; z).
   *
   * @throws IllegalArgumentException unless 0 ≤ z &lt; 1 and c is not 0 or a negative integer
   * @throws ArithmeticException if the series has not converged after {@link #MAX_TERMS} terms
   */
  static double f21(double a, double b, double c, double z) {
    if (!(z >= 0 && z < 1)) {
      throw new IllegalArgumentException("2F1 needs 0 <= z < 1, got " + z);
    }
    if (c <= 0 && c == Math.rint(c)) {
      throw new IllegalArgumentException("2F1 is undefined for c = " + c);
    }
    double term = 1;
    double sum = 1;
    for (int k = 0; k < MAX_TERMS; k++) {
      double ratio = (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
      term *= ratio;
      sum += term;
      // Past the last sign change, the ratio of later terms tends to z (from either side), so
      // the tail is at most |term| * rho / (1 - rho) with rho the larger of the two.
      double rho = Math.max(Math.abs(ratio), z);
      if (term == 0 || rho < 1 && k + 1 > -Math.min(Math.min(a, b), c)
          && Math.abs(term) * rho / (1 - rho) <= PRECISION * Math.abs(sum)) {
        return sum;
      }
    }
    throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge in "
        + MAX_TERMS + " terms");
  }
}
