package io.crmkit.segmentation.clv;

import io.crmkit.core.common.Require;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * The four parameters of the BG/NBD model (Fader, Hardie and Lee 2005) and what they predict.
 * While active a customer buys as a Poisson process whose rate is Gamma(r, α) across customers;
 * after each repeat purchase the customer drops out for good with a probability that is
 * Beta(a, b) across customers. α is in the time unit of the histories the parameters were
 * fitted on, and every time given to these methods must be in that unit.
 *
 * <p>Every formula is evaluated in log space, so that customers with thousands of purchases and
 * long histories give finite answers instead of overflowing (ratios such as
 * ((α+T)/(α+t_x))^(r+x) are never formed as powers).
 *
 * @param r the shape of the purchase-rate distribution
 * @param alpha the scale of the purchase-rate distribution (in the time unit)
 * @param a the first shape of the drop-out probability's distribution
 * @param b the second shape of the drop-out probability's distribution
 */
public record BgNbdParameters(double r, double alpha, double a, double b) {

  /** The parameters' names, in the order of {@link #toArray()}. */
  static final String[] NAMES = {"r", "alpha", "a", "b"};

  /**
   * @throws IllegalArgumentException unless every parameter is finite and positive
   */
  public BgNbdParameters {
    requirePositive(r, "r");
    requirePositive(alpha, "alpha");
    requirePositive(a, "a");
    requirePositive(b, "b");
  }

  static BgNbdParameters of(double[] values) {
    return new BgNbdParameters(values[0], values[1], values[2], values[3]);
  }

  double[] toArray() {
    return new double[] {r, alpha, a, b};
  }

  /**
   * The log-likelihood of one customer's history (the paper's equation 6, in log space).
   *
   * @throws NullPointerException if {@code history} is null
   */
  public double logLikelihood(CustomerHistory history) {
    int x = history.frequency();
    double common = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha);
    double logBetaAB = Beta.logBeta(a, b);
    double stillActive = Beta.logBeta(a, b + x) - logBetaAB - (r + x) * Math.log(alpha + history.age());
    if (x == 0) {
      return common + stillActive;
    }
    double droppedOut = Beta.logBeta(a + 1, b + x - 1) - logBetaAB - (r + x) * Math.log(alpha + history.recency());
    return common + logSumExp(stillActive, droppedOut);
  }

  /**
   * The probability that the customer is still active at the end of calibration:
   * 1 / (1 + [x &gt; 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)). A customer without repeat purchases
   * is alive with probability 1 (the model lets customers drop out only after a repeat purchase).
   *
   * @return a probability in [0, 1]
   * @throws NullPointerException if {@code history} is null
   */
  public double probabilityAlive(CustomerHistory history) {
    int x = history.frequency();
    if (x == 0) {
      return 1;
    }
    double logOdds = Math.log(a) - Math.log(b + x - 1)
        + (r + x) * (Math.log(alpha + history.age()) - Math.log(alpha + history.recency()));
    return 1 / (1 + Math.exp(logOdds)); // exp overflows to infinity, which gives 0: dead for sure
  }

  /**
   * The expected number of repeat purchases in the next {@code t} after the end of calibration,
   * given the customer's history (the paper's equation 10):
   * E[Y(t) | x, t_x, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)]
   * · P(alive), with z = t/(α+T+t). Euler's transformation turns the power times ₂F₁ into
   * (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z), whose series neither overflows nor cancels for
   * large x.
   *
   * @param t the horizon, in the time unit; 0 gives 0
   * @throws IllegalArgumentException if {@code t} is negative or not finite, or a = 1 exactly
   *     (where the formula is 0/0)
   * @throws ArithmeticException if t is so long against α + T that the series does not converge
   */
  public double expectedPurchases(double t, CustomerHistory history) {
    return expectedPurchasesIfAlive(t, history.frequency(), history.age()) * probabilityAlive(history);
  }

  /**
   * The expected number of repeat purchases of a new customer in their first {@code t} (the
   * paper's equation 7): E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))].
   *
   * @param t the time since the first purchase, in the time unit
   * @throws IllegalArgumentException if {@code t} is negative or not finite, or a = 1 exactly
   */
  public double expectedPurchases(double t) {
    return expectedPurchasesIfAlive(t, 0, 0);
  }

  /**
   * The probability that a new customer makes exactly {@code n} repeat purchases in their first
   * {@code t} (the paper's equation 8), in log space: the tail of the negative binomial is summed
   * directly when it is small, so that tiny probabilities keep their digits.
   *
   * @param n the number of repeat purchases, 0 or more
   * @param t the time since the first purchase, in the time unit, positive
   * @return a probability in [0, 1]
   * @throws IllegalArgumentException if {@code n} is negative or {@code t} not positive and finite
   */
  public double probabilityOfPurchases(int n, double t) {
    Require.atLeast(n, 0, "n");
    Require.argument(Double.isFinite(t) && t > 0, "t must be finite and > 0, got %s", t);
    double logP = r * Math.log(alpha / (alpha + t)); // log of the NBD's P(0)
    double logQ = Math.log(t / (alpha + t));
    double logBetaAB = Beta.logBeta(a, b);
    double logNbd = Gamma.logGamma(r + n) - Gamma.logGamma(r) - Gamma.logGamma(n + 1.0) + logP + n * logQ;
    double stillActive = Math.exp(Beta.logBeta(a, b + n) - logBetaAB + logNbd);
    if (n == 0) {
      return stillActive;
    }
    double tail = negativeBinomialTail(n, logP, logQ); // P(NBD >= n)
    double droppedOut = Math.exp(Beta.logBeta(a + 1, b + n - 1) - logBetaAB) * tail;
    return Math.min(1, stillActive + droppedOut);
  }

  /** E[purchases in the next t] of a customer known to be alive with x repeat purchases at age T. */
  private double expectedPurchasesIfAlive(double t, int x, double age) {
    Require.argument(Double.isFinite(t) && t >= 0, "t must be finite and >= 0, got %s", t);
    Require.argument(a != 1, "expected purchases are 0/0 at a = 1 exactly");
    if (t == 0) {
      return 0;
    }
    double z = t / (alpha + age + t);
    double c = a + b + x - 1;
    double transformed = Math.exp((a - 1) * Math.log1p(-z)) * Hypergeometric.f21(a + b - 1 - r, a - 1, c, z);
    return c / (a - 1) * (1 - transformed);
  }

  /** P(N ≥ n) for N negative binomial with P(N = j) = Γ(r+j)/(Γ(r) j!) p^r q^j, by the shorter way. */
  private double negativeBinomialTail(int n, double logP, double logQ) {
    double head = 0; // P(N < n)
    double logTerm = logP;
    for (int j = 0; j < n; j++) {
      head += Math.exp(logTerm);
      logTerm += Math.log((r + j) / (j + 1)) + logQ;
    }
    if (head < 0.5) {
      return 1 - head;
    }
    double tail = 0; // the terms from j = n on, summed until they no longer count
    double q = Math.exp(logQ);
    for (int j = n; j < n + Hypergeometric.MAX_TERMS; j++) {
      double term = Math.exp(logTerm);
      tail += term;
      double ratio = (r + j) / (j + 1) * q;
      if (term == 0 || ratio < 1 && term * ratio / (1 - ratio) <= 1e-17 * tail) {
        return tail;
      }
      logTerm += Math.log(ratio);
    }
    return Math.max(0, 1 - head);
  }

  private static double logSumExp(double first, double second) {
    double max = Math.max(first, second);
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    return max + Math.log(Math.exp(first - max) + Math.exp(second - max));
  }

  private static void requirePositive(double value, String name) {
    Require.argument(Double.isFinite(value) && value > 0, "%s must be finite and > 0, got %s", name, value);
  }
}
