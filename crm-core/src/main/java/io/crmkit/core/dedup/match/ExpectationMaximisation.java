package io.crmkit.core.dedup.match;

import io.crmkit.core.common.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Estimates m, u and the prior λ from agreement counts without labels, by
 * expectation-maximisation over the two-class mixture of matches and non-matches with fields
 * independent within a class (Winkler 1988). Works on {@link AgreementCounts}, so its cost is the
 * number of distinct patterns, not of pairs. A missing field contributes to neither class.
 *
 * <p>The start decides which class is "match": start with m high on the strongest levels.
 */
public final class ExpectationMaximisation {
  private final int maxIterations;
  private final double tolerance;

  /**
   * @param maxIterations at most this many rounds, at least 1
   * @param tolerance stop when no parameter moves more than this, in (0, 1)
   * @throws IllegalArgumentException if an argument is out of range
   */
  public ExpectationMaximisation(int maxIterations, double tolerance) {
    Require.atLeast(maxIterations, 1, "maxIterations");
    Require.inRange(tolerance, Math.nextUp(0.0), Math.nextDown(1.0), "tolerance");
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
  }

  /** 200 rounds at most, stopping when nothing moves by 1e-7. */
  public static ExpectationMaximisation defaults() {
    return new ExpectationMaximisation(200, 1e-7);
  }

  /**
   * The fitted model and how many rounds it took.
   *
   * @param parameters m, u and λ over the counted pairs (λ is the share of matches among them)
   * @param iterations the rounds run
   */
  public record Fit(MatchParameters parameters, int iterations) {}

  /**
   * Fits m, u and λ to the counts, starting from {@code start}.
   *
   * @throws IllegalArgumentException if the counts are empty or over other fields than the start
   */
  public Fit fit(AgreementCounts counts, MatchParameters start) {
    return fit(counts, start, new boolean[counts.fields()]);
  }

  /**
   * Fits u, λ and the m of the fields not held, starting from {@code start}; a held field keeps
   * the start's m. Holding m anchors the "match" class to what matches were measured to look like
   * elsewhere, so that EM cannot turn it into another cluster of the pairs (such as "same place").
   *
   * @param holdM per field, true to keep the start's m
   */
  Fit fit(AgreementCounts counts, MatchParameters start, boolean[] holdM) {
    Require.inRange(holdM.length, counts.fields(), counts.fields(), "length of holdM");
    Require.atLeast(counts.total(), 1, "number of counted pairs");
    int fields = counts.fields();
    Require.inRange(start.fields().size(), fields, fields, "number of fields of the start");
    for (int f = 0; f < fields; f++) {
      Require.inRange(start.levels(f).size(), counts.levels(f), counts.levels(f), "levels of " + start.fields().get(f));
    }
    TreeMap<Long, Long> patterns = counts.packed();
    long[] packed = new long[patterns.size()];
    double[] weights = new double[patterns.size()];
    int i = 0;
    for (Map.Entry<Long, Long> e : patterns.entrySet()) {
      packed[i] = e.getKey();
      weights[i++] = e.getValue();
    }
    double[][] m = start.mTable();
    double[][] u = start.uTable();
    double lambda = start.lambda();
    double total = counts.total();
    int iteration = 0;
    boolean moved = true;
    while (moved && iteration < maxIterations) {
      iteration++;
      double[][] mSum = new double[fields][];
      double[][] uSum = new double[fields][];
      for (int f = 0; f < fields; f++) {
        mSum[f] = new double[m[f].length];
        uSum[f] = new double[u[f].length];
      }
      double matches = 0;
      for (int p = 0; p < packed.length; p++) {
        double pm = lambda;
        double pu = 1 - lambda;
        for (int f = 0; f < fields; f++) {
          int level = AgreementCounts.level(packed[p], f);
          if (level != Comparison.MISSING) {
            pm *= m[f][level];
            pu *= u[f][level];
          }
        }
        double g = pm / (pm + pu);
        double cm = weights[p] * g;
        double cu = weights[p] - cm;
        matches += cm;
        for (int f = 0; f < fields; f++) {
          int level = AgreementCounts.level(packed[p], f);
          if (level != Comparison.MISSING) {
            mSum[f][level] += cm;
            uSum[f][level] += cu;
          }
        }
      }
      double newLambda = clamp(matches / total);
      moved = Math.abs(newLambda - lambda) > tolerance;
      lambda = newLambda;
      for (int f = 0; f < fields; f++) {
        if (!holdM[f]) {
          moved |= normaliseInto(mSum[f], m[f], tolerance);
        }
        moved |= normaliseInto(uSum[f], u[f], tolerance);
      }
    }
    return new Fit(MatchParameters.of(start.fields(), levelsOf(start), m, u, lambda), iteration);
  }

  private static List<List<String>> levelsOf(MatchParameters p) {
    List<List<String>> levels = new ArrayList<>();
    for (int f = 0; f < p.fields().size(); f++) {
      levels.add(p.levels(f));
    }
    return levels;
  }

  /** Turns expected counts into probabilities (floored); keeps the old ones when nothing was seen. */
  private static boolean normaliseInto(double[] sums, double[] target, double tolerance) {
    double total = 0;
    for (double s : sums) {
      total += s;
    }
    if (total <= 0) {
      return false;
    }
    double floored = 0;
    double[] next = new double[sums.length];
    for (int l = 0; l < sums.length; l++) {
      next[l] = Math.max(sums[l] / total, MatchParameters.FLOOR);
      floored += next[l];
    }
    boolean moved = false;
    for (int l = 0; l < sums.length; l++) {
      double value = next[l] / floored;
      moved |= Math.abs(value - target[l]) > tolerance;
      target[l] = value;
    }
    return moved;
  }

  private static double clamp(double lambda) {
    return Math.min(Math.max(lambda, MatchParameters.FLOOR), 1 - MatchParameters.FLOOR);
  }
}
