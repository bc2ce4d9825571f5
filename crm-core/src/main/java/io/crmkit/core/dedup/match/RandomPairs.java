package io.crmkit.core.dedup.match;

import io.crmkit.core.dedup.MatchRecord;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * u = P(level | non-match) from pairs drawn at random: two records drawn at random are almost
 * never the same customer, so their levels are the non-match distribution. A fixed seed keeps a
 * run deterministic; when the sample would cover every pair, every pair is used instead.
 */
final class RandomPairs {
  /** Pairs compared in one task: enough to outweigh the task's cost, few enough to share 30,000 pairs among cores. */
  private static final int SLICE = 2_048;

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
      int[] lefts = new int[samples];
      int[] rights = new int[samples];
      for (int s = 0; s < samples; s++) {
        if (crossOnly) {
          lefts[s] = random.nextInt(leftCount);
          rights[s] = leftCount + random.nextInt(n - leftCount);
        } else {
          int i = random.nextInt(n);
          int j = random.nextInt(n - 1);
          lefts[s] = i;
          rights[s] = j >= i ? j + 1 : j;
        }
      }
      countInSlices(records, comparisons, lefts, rights, counts);
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

  /**
   * Compares the drawn pairs in slices on the common fork-join pool, each slice into counts of its
   * own, then adds the slices up. The pairs are drawn before, in one sequence from the seed, and
   * whole-number counts add up the same in any order, so the result does not depend on the
   * processors; comparing them is most of the estimating step of a file of a few thousand records.
   */
  private static void countInSlices(List<MatchRecord> records, List<Comparison> comparisons, int[] lefts, int[] rights,
      long[][] counts) {
    int slices = (lefts.length + SLICE - 1) / SLICE;
    List<long[][]> sliceCounts = IntStream.range(0, slices).parallel().mapToObj(slice -> {
      long[][] own = emptyCounts(counts);
      for (int s = slice * SLICE, end = Math.min(lefts.length, s + SLICE); s < end; s++) {
        count(records.get(lefts[s]), records.get(rights[s]), comparisons, own);
      }
      return own;
    }).toList();
    for (long[][] own : sliceCounts) {
      for (int f = 0; f < counts.length; f++) {
        for (int l = 0; l < counts[f].length; l++) {
          counts[f][l] += own[f][l];
        }
      }
    }
  }

  private static long[][] emptyCounts(long[][] shape) {
    long[][] empty = new long[shape.length][];
    for (int f = 0; f < shape.length; f++) {
      empty[f] = new long[shape[f].length];
    }
    return empty;
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
