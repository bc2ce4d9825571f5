package io.crmkit.testkit.dedup;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A fixed list of values drawn with fixed weights, so that common values (王, 伟, Smith) come up
 * far more often than rare ones, as in real customer files where term frequency matters.
 */
final class Weighted<T> {
  private final List<T> values;
  private final double[] cumulative;

  private Weighted(List<T> values, double[] cumulative) {
    this.values = values;
    this.cumulative = cumulative;
  }

  /**
   * Values with Zipf-like weights: the {@code i}-th value (from 1) weighs {@code 1 / i^exponent},
   * so the list order is the frequency order.
   */
  static <T> Weighted<T> zipf(List<T> values, double exponent) {
    double[] cumulative = new double[values.size()];
    double sum = 0;
    for (int i = 0; i < values.size(); i++) {
      sum += 1 / Math.pow(i + 1, exponent);
      cumulative[i] = sum;
    }
    return new Weighted<>(List.copyOf(values), cumulative);
  }

  T draw(SplittableRandom random) {
    double point = random.nextDouble() * cumulative[cumulative.length - 1];
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (cumulative[middle] <= point) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return values.get(low);
  }
}
