package io.crmkit.segmentation.clv;

import io.crmkit.core.common.Require;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.math3.special.Gamma;

/**
 * Fits the Gamma-Gamma spend model by maximum likelihood (see {@link MaximumLikelihood} and
 * {@link ModelFit}) on the customers it is defined for: those with at least one repeat purchase
 * and a positive mean repeat spend. Others are left out of the fit (and counted out of {@link
 * ModelFit#customers()}); they still get an expected spend, the population mean.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class GammaGammaFitter {

  private final double penalty;

  private GammaGammaFitter(double penalty) {
    this.penalty = penalty;
  }

  /** A fitter without penalty: the plain maximum-likelihood estimates. */
  public static GammaGammaFitter standard() {
    return new GammaGammaFitter(0);
  }

  /**
   * A fitter with an L2 penalty: it maximises (log-likelihood / n) − λ (p² + q² + v²).
   *
   * @param lambda λ, 0 or more
   * @throws IllegalArgumentException if lambda is negative or not finite
   */
  public static GammaGammaFitter withPenalty(double lambda) {
    Require.argument(Double.isFinite(lambda) && lambda >= 0, "the penalty must be finite and >= 0, got %s", lambda);
    return new GammaGammaFitter(lambda);
  }

  /**
   * Fits (p, q, v) to the repeat customers among the histories.
   *
   * @return the fit, converged or saying why not
   * @throws IllegalArgumentException if no history has a repeat purchase with a positive spend
   * @throws NullPointerException if {@code histories} or one of them is null
   */
  public ModelFit<GammaGammaParameters> fit(Collection<CustomerHistory> histories) {
    Require.notNull(histories, "histories");
    List<CustomerHistory> repeat = fittable(histories);
    Require.argument(!repeat.isEmpty(),
        "Gamma-Gamma needs customers with repeat purchases and a positive spend; none of %s has", histories.size());
    Sample sample = new Sample(repeat);
    MaximumLikelihood likelihood =
        new MaximumLikelihood(sample::logLikelihood, GammaGammaParameters.NAMES, penalty, repeat.size());
    return likelihood.maximise(sample.start(), GammaGammaParameters::of);
  }

  /**
   * The summed log-likelihood of the fittable histories under given parameters, as the fit
   * maximises it (without penalty).
   */
  public static double logLikelihood(GammaGammaParameters parameters, Collection<CustomerHistory> histories) {
    return new Sample(fittable(histories)).logLikelihood(parameters.toArray());
  }

  private static List<CustomerHistory> fittable(Collection<CustomerHistory> histories) {
    return histories.stream().filter(history -> history.frequency() > 0 && history.meanRepeatSpend() > 0).toList();
  }

  /** The repeat customers as arrays, with their distinct frequencies. */
  private static final class Sample {
    private final int[] frequencyIndex;
    private final int[] distinctFrequencies;
    private final int[] frequency;
    private final double[] logSpend;
    private final double[] totalSpend;
    private final double meanSpend;

    Sample(List<CustomerHistory> repeat) {
      TreeMap<Integer, Integer> indexOf = new TreeMap<>();
      repeat.forEach(history -> indexOf.putIfAbsent(history.frequency(), 0));
      distinctFrequencies = indexOf.keySet().stream().mapToInt(Integer::intValue).toArray();
      for (int i = 0; i < distinctFrequencies.length; i++) {
        indexOf.put(distinctFrequencies[i], i);
      }
      int n = repeat.size();
      frequencyIndex = new int[n];
      frequency = new int[n];
      logSpend = new double[n];
      totalSpend = new double[n];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        CustomerHistory history = repeat.get(i);
        frequencyIndex[i] = indexOf.get(history.frequency());
        frequency[i] = history.frequency();
        logSpend[i] = Math.log(history.meanRepeatSpend());
        totalSpend[i] = history.frequency() * history.meanRepeatSpend();
        sum += history.meanRepeatSpend();
      }
      meanSpend = n == 0 ? 1 : sum / n;
    }

    /** p = q = 1 and γ at the mean spend. */
    double[] start() {
      return new double[] {1, 1, meanSpend};
    }

    double logLikelihood(double[] theta) {
      double p = theta[0];
      double q = theta[1];
      double v = theta[2];
      int k = distinctFrequencies.length;
      double[] constant = new double[k];
      double shared = q * Math.log(v) - Gamma.logGamma(q);
      for (int j = 0; j < k; j++) {
        int x = distinctFrequencies[j];
        double px = p * x;
        constant[j] = Gamma.logGamma(px + q) - Gamma.logGamma(px) + px * Math.log(x) + shared;
      }
      double sum = 0;
      for (int i = 0; i < frequency.length; i++) {
        double px = p * frequency[i];
        sum += constant[frequencyIndex[i]] + (px - 1) * logSpend[i] - (px + q) * Math.log(v + totalSpend[i]);
      }
      return sum;
    }
  }
}
