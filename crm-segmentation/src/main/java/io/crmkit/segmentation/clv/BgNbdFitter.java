package io.crmkit.segmentation.clv;

import io.crmkit.core.common.Require;
import java.util.Collection;
import java.util.TreeMap;
import org.apache.commons.math3.special.Gamma;

/**
 * Fits the BG/NBD model to customer histories by maximum likelihood (see {@link
 * MaximumLikelihood} for how, and {@link ModelFit} for what the result promises). The
 * log-likelihood is summed in log space with log-gamma; the gamma and beta terms depend on a
 * customer only through x, so they are computed once per distinct frequency, which keeps one
 * evaluation over millions of customers to a few logarithms each.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class BgNbdFitter {

  private final double penalty;

  private BgNbdFitter(double penalty) {
    this.penalty = penalty;
  }

  /** A fitter without penalty: the plain maximum-likelihood estimates. */
  public static BgNbdFitter standard() {
    return new BgNbdFitter(0);
  }

  /**
   * A fitter with an L2 penalty: it maximises (log-likelihood / n) − λ (r² + α² + a² + b²), as
   * lifetimes' {@code penalizer_coef} does. A small λ (0.001 to 0.1) keeps small or degenerate data
   * sets from driving a parameter to infinity, at the price of a bias towards 0; the standard
   * errors are then those of the penalised fit.
   *
   * @param lambda λ, 0 or more
   * @throws IllegalArgumentException if lambda is negative or not finite
   */
  public static BgNbdFitter withPenalty(double lambda) {
    Require.argument(Double.isFinite(lambda) && lambda >= 0, "the penalty must be finite and >= 0, got %s", lambda);
    return new BgNbdFitter(lambda);
  }

  /**
   * Fits (r, α, a, b) to the histories.
   *
   * @param histories the customers, all in one time unit
   * @return the fit, converged or saying why not
   * @throws IllegalArgumentException if there are no histories
   * @throws NullPointerException if {@code histories} or one of them is null
   */
  public ModelFit<BgNbdParameters> fit(Collection<CustomerHistory> histories) {
    Require.notNull(histories, "histories");
    Require.argument(!histories.isEmpty(), "a fit needs at least one customer");
    Sample sample = new Sample(histories);
    MaximumLikelihood likelihood =
        new MaximumLikelihood(sample::logLikelihood, BgNbdParameters.NAMES, penalty, sample.size());
    return likelihood.maximise(sample.start(), BgNbdParameters::of);
  }

  /**
   * The summed log-likelihood of histories under given parameters, as the fit maximises it
   * (without penalty); equal to the sum of {@link BgNbdParameters#logLikelihood} over them.
   */
  public static double logLikelihood(BgNbdParameters parameters, Collection<CustomerHistory> histories) {
    return new Sample(histories).logLikelihood(parameters.toArray());
  }

  /** The histories as arrays, with their distinct frequencies. */
  private static final class Sample {
    private final int[] frequencyIndex;
    private final int[] distinctFrequencies;
    private final double[] recency;
    private final double[] age;
    private double repeatPurchases;
    private double totalAge;

    Sample(Collection<CustomerHistory> histories) {
      TreeMap<Integer, Integer> indexOf = new TreeMap<>();
      histories.forEach(history -> indexOf.putIfAbsent(history.frequency(), 0));
      distinctFrequencies = indexOf.keySet().stream().mapToInt(Integer::intValue).toArray();
      for (int i = 0; i < distinctFrequencies.length; i++) {
        indexOf.put(distinctFrequencies[i], i);
      }
      int n = histories.size();
      frequencyIndex = new int[n];
      recency = new double[n];
      age = new double[n];
      int i = 0;
      for (CustomerHistory history : histories) {
        frequencyIndex[i] = indexOf.get(history.frequency());
        recency[i] = history.recency();
        age[i] = history.age();
        repeatPurchases += history.frequency();
        totalAge += history.age();
        i++;
      }
    }

    int size() {
      return age.length;
    }

    /** r = 1 and α matching the mean purchase rate; a = b = 1, a uniform drop-out probability. */
    double[] start() {
      double rate = (repeatPurchases + 1) / (totalAge + 1);
      return new double[] {1, 1 / rate, 1, 1};
    }

    double logLikelihood(double[] theta) {
      double r = theta[0];
      double alpha = theta[1];
      double a = theta[2];
      double b = theta[3];
      int k = distinctFrequencies.length;
      double[] common = new double[k];
      double[] stillActive = new double[k];
      double[] droppedOut = new double[k];
      double logGammaR = Gamma.logGamma(r);
      double logGammaA = Gamma.logGamma(a);
      double logGammaAB = Gamma.logGamma(a + b);
      double logBetaAB = logGammaA + Gamma.logGamma(b) - logGammaAB;
      double logAlpha = Math.log(alpha);
      for (int j = 0; j < k; j++) {
        int x = distinctFrequencies[j];
        double logGammaABX = Gamma.logGamma(a + b + x);
        common[j] = Gamma.logGamma(r + x) - logGammaR + r * logAlpha;
        stillActive[j] = logGammaA + Gamma.logGamma(b + x) - logGammaABX - logBetaAB;
        droppedOut[j] = x == 0 ? Double.NEGATIVE_INFINITY
            : Math.log(a) + logGammaA + Gamma.logGamma(b + x - 1) - logGammaABX - logBetaAB;
      }
      double sum = 0;
      for (int i = 0; i < age.length; i++) {
        int j = frequencyIndex[i];
        double power = r + distinctFrequencies[j];
        double active = stillActive[j] - power * Math.log(alpha + age[i]);
        double value = active;
        if (droppedOut[j] != Double.NEGATIVE_INFINITY) {
          double dropped = droppedOut[j] - power * Math.log(alpha + recency[i]);
          double max = Math.max(active, dropped);
          value = max + Math.log(Math.exp(active - max) + Math.exp(dropped - max));
        }
        sum += common[j] + value;
      }
      return sum;
    }
  }
}
