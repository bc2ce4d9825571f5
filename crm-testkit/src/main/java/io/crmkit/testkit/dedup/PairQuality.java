package io.crmkit.testkit.dedup;

import io.crmkit.core.common.Require;

/**
 * How predicted duplicate pairs compare with the true ones: the counts, and precision, recall and
 * F1 from them.
 *
 * @param truePositives predicted pairs that are true pairs
 * @param falsePositives predicted pairs that are not
 * @param falseNegatives true pairs that were not predicted
 */
public record PairQuality(long truePositives, long falsePositives, long falseNegatives) {

  /** @throws IllegalArgumentException if a count is negative */
  public PairQuality {
    Require.atLeast(truePositives, 0, "truePositives");
    Require.atLeast(falsePositives, 0, "falsePositives");
    Require.atLeast(falseNegatives, 0, "falseNegatives");
  }

  /** The share of predicted pairs that are true; 1 when nothing was predicted (no false claim was made). */
  public double precision() {
    long predicted = truePositives + falsePositives;
    return predicted == 0 ? 1 : (double) truePositives / predicted;
  }

  /** The share of true pairs that were predicted; 1 when there are no true pairs. */
  public double recall() {
    long actual = truePositives + falseNegatives;
    return actual == 0 ? 1 : (double) truePositives / actual;
  }

  /** The harmonic mean of precision and recall; 0 when both are 0. */
  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
