package io.crmkit.segmentation.clv;

import io.crmkit.core.common.Require;
import org.apache.commons.math3.special.Gamma;

/**
 * The three parameters of the Gamma-Gamma spend model (Fader, Hardie and Lee 2005, "RFM and
 * CLV"): the amounts of one customer's purchases are Gamma(p, ν) around their own mean, and ν is
 * Gamma(q, γ) across customers ({@code v} here is γ, the scale). The model assumes spend does not
 * depend on purchase frequency; check that on your data before relying on it (on CDNOW the
 * correlation is 0.11).
 *
 * @param p the shape of a customer's spend per purchase
 * @param q the shape of the distribution of ν across customers
 * @param v the scale (γ) of the distribution of ν across customers, in money
 */
public record GammaGammaParameters(double p, double q, double v) {

  /** The parameters' names, in the order of {@link #toArray()}. */
  static final String[] NAMES = {"p", "q", "v"};

  /**
   * @throws IllegalArgumentException unless every parameter is finite and positive
   */
  public GammaGammaParameters {
    for (double value : new double[] {p, q, v}) {
      Require.argument(Double.isFinite(value) && value > 0, "p, q and v must be finite and > 0, got %s, %s, %s",
          p, q, v);
    }
  }

  static GammaGammaParameters of(double[] values) {
    return new GammaGammaParameters(values[0], values[1], values[2]);
  }

  double[] toArray() {
    return new double[] {p, q, v};
  }

  /**
   * The log-likelihood of a customer's mean repeat spend m̄ over x purchases:
   * log [Γ(px+q) / (Γ(px) Γ(q)) · γ^q m̄^(px−1) x^(px) / (γ + x m̄)^(px+q)].
   *
   * @throws IllegalArgumentException if the customer has no repeat purchase or a spend of 0 (the
   *     model is fitted on x &gt; 0 and m̄ &gt; 0 only)
   */
  public double logLikelihood(CustomerHistory history) {
    int x = history.frequency();
    double spend = history.meanRepeatSpend();
    Require.argument(x > 0 && spend > 0, "Gamma-Gamma needs x > 0 and a positive mean spend, got x = %s, spend %s",
        x, spend);
    double px = p * x;
    return Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * Math.log(v)
        + (px - 1) * Math.log(spend) + px * Math.log(x) - (px + q) * Math.log(v + x * spend);
  }

  /**
   * The expected mean spend per future purchase of this customer: p (γ + x m̄) / (p x + q − 1), a
   * weighted mean of the population mean p γ / (q − 1) and the customer's own mean, which counts
   * more the more purchases it rests on. A customer without repeat purchases gets the population
   * mean.
   *
   * @throws IllegalStateException if q ≤ 1 (the population mean spend is then infinite)
   */
  public double expectedMeanSpend(CustomerHistory history) {
    Require.state(q > 1, "the expected spend needs q > 1, got q = %s", q);
    int x = history.frequency();
    double spend = x == 0 ? 0 : history.meanRepeatSpend();
    return p * (v + x * spend) / (p * x + q - 1);
  }

  /**
   * The population's mean spend per purchase, p γ / (q − 1).
   *
   * @throws IllegalStateException if q ≤ 1
   */
  public double populationMeanSpend() {
    Require.state(q > 1, "the population mean spend needs q > 1, got q = %s", q);
    return p * v / (q - 1);
  }
}
