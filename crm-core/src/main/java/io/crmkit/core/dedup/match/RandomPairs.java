package io.crmkit.core.dedup.match;

import io.crmkit.core.dedup.MatchRecord;
import java.util.List;
import java.util.SplittableRandom;

/**
 * u = P(level | non-match) from pairs drawn at random: two records drawn at random are almost
 * never the same customer, so their levels are the non-match distribution. A fixed seed keeps a
 * run deterministic; when the sample would cover every pair, every pair is used instead.
 */
final class RandomPairs {
  private RandomPairs() {}

  /**
   * @param leftCount records below it are the left list when {@code crossOnly}
   * @return per field, per level, the smoothed share of sampled pairs at that level among those
   *     where the field was present (uniform when it never was)
   */
  static double[][] uProbabilities(List<MatchRecord> records, List<Comparison> comparisons, int leftCount,
      boolean crossOnly, int samples, long seed) {
    int n = records.size();
    long comparable = crossOnly ? (long) leftCount * (n - leftCount) : (long) n * (n - 1) / 2;
    long[][] counts = new long[comparisons.size()][];
    for (int f = 0; f < comparisons.size(); f++) {
      counts[f] = new long[comparisons.get(f).levels().size()];
    }
    if (comparable <= samples) {
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          if (!crossOnly || (i < leftCount) != (j < leftCount)) {
            count(records.get(i), records.get(j), comparisons, counts);
          }
        }
      }
    } else {
      SplittableRandom random = new SplittableRandom(seed);
      for (int s = 0; s < samples; s++) {
        int i;
        int j;
        if (crossOnly) {
          i = random.nextInt(leftCount);
          j = leftCount + random.nextInt(n - leftCount);
        } else {
          i = random.nextInt(n);
          j = random.nextInt(n - 1);
          if (j >= i) {
            j++;
          }
        }
        count(records.get(i), records.get(j), comparisons, counts);
      }
    }
    double[][] u = new double[counts.length][];
    for (int f = 0; f < counts.length; f++) {
      long total = 0;
      for (long c : counts[f]) {
        total += c;
      }
      int levels = counts[f].length;
      u[f] = new double[levels];
      for (int l = 0; l < levels; l++) {
        u[f][l] = total == 0 ? 1.0 / levels : (counts[f][l] + 0.5) / (total + 0.5 * levels);
      }
    }
    return u;
  }

  private static void count(MatchRecord a, MatchRecord b, List<Comparison> comparisons, long[][] counts) {
    for (int f = 0; f < comparisons.size(); f++) {
      int level = comparisons.get(f).level(a, b);
      if (level != Comparison.MISSING) {
        counts[f][level]++;
      }
    }
  }
}
