package io.crmkit.core.dedup.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class ExpectationMaximisationProperties {
  private static final int FIELDS = 5;
  private static final int LEVELS = 3;
  private static final int PAIRS = 60_000;

  /**
   * Draws agreement patterns from a known model (fields independent within each class) and fits
   * it back from a neutral start: m, u and λ come out close to the truth.
   */
  @Property(tries = 15)
  void recoversTheParametersThePatternsWereDrawnFrom(@ForAll @DoubleRange(min = 0.05, max = 0.4) double lambda,
      @ForAll @DoubleRange(min = 0.6, max = 0.95) double mExact,
      @ForAll @DoubleRange(min = 0.005, max = 0.1) @Scale(3) double uExact, @ForAll long seed) {
    double[][] m = new double[FIELDS][];
    double[][] u = new double[FIELDS][];
    for (int f = 0; f < FIELDS; f++) {
      double mf = mExact - 0.05 * f / FIELDS;
      double uf = uExact * (1 + f) / FIELDS;
      m[f] = new double[] {mf, (1 - mf) * 0.6, (1 - mf) * 0.4};
      u[f] = new double[] {uf, 2 * uf, 1 - 3 * uf};
    }
    AgreementCounts counts = draw(m, u, lambda, new SplittableRandom(seed));

    ExpectationMaximisation.Fit fit = ExpectationMaximisation.defaults().fit(counts, neutralStart());

    MatchParameters p = fit.parameters();
    assertThat(p.lambda()).isCloseTo(lambda, within(0.02));
    for (int f = 0; f < FIELDS; f++) {
      for (int l = 0; l < LEVELS; l++) {
        assertThat(p.m(f, l)).as("m of field %d level %d", f, l).isCloseTo(m[f][l], within(0.03));
        assertThat(p.u(f, l)).as("u of field %d level %d", f, l).isCloseTo(u[f][l], within(0.01));
      }
    }
  }

  /** Counting two partitions apart and adding the counts is counting them together. */
  @Property(tries = 50)
  void countsFromPartitionsAddUpToTheCountsOfTheWhole(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 400) int split) {
    SplittableRandom random = new SplittableRandom(seed);
    List<int[]> patterns = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      int[] pattern = new int[FIELDS];
      for (int f = 0; f < FIELDS; f++) {
        pattern[f] = random.nextInt(LEVELS + 1) - 1;
      }
      patterns.add(pattern);
    }
    AgreementCounts whole = count(patterns);
    AgreementCounts parts = count(patterns.subList(0, split)).plus(count(patterns.subList(split, patterns.size())));
    assertThat(parts.patterns()).isEqualTo(whole.patterns());
    assertThat(parts.total()).isEqualTo(400);
  }

  private static AgreementCounts count(List<int[]> patterns) {
    AgreementCounts counts = AgreementCounts.empty(LEVELS, LEVELS, LEVELS, LEVELS, LEVELS);
    for (int[] pattern : patterns) {
      counts = counts.with(pattern, 1);
    }
    return counts;
  }

  private static AgreementCounts draw(double[][] m, double[][] u, double lambda, SplittableRandom random) {
    AgreementCounts.Counter counter = new AgreementCounts.Counter(
        AgreementCounts.empty(LEVELS, LEVELS, LEVELS, LEVELS, LEVELS));
    int[] pattern = new int[FIELDS];
    for (int i = 0; i < PAIRS; i++) {
      double[][] probabilities = random.nextDouble() < lambda ? m : u;
      for (int f = 0; f < FIELDS; f++) {
        pattern[f] = draw(probabilities[f], random);
      }
      counter.add(pattern);
    }
    return counter.counts();
  }

  private static int draw(double[] probabilities, SplittableRandom random) {
    double x = random.nextDouble();
    for (int l = 0; l < probabilities.length - 1; l++) {
      x -= probabilities[l];
      if (x < 0) {
        return l;
      }
    }
    return probabilities.length - 1;
  }

  private static MatchParameters neutralStart() {
    List<String> fields = new ArrayList<>();
    List<List<String>> levels = new ArrayList<>();
    double[][] m = new double[FIELDS][];
    double[][] u = new double[FIELDS][];
    for (int f = 0; f < FIELDS; f++) {
      fields.add("f" + f);
      levels.add(List.of("exact", "close", "different"));
      m[f] = new double[] {0.8, 0.15, 0.05};
      u[f] = new double[] {0.05, 0.1, 0.85};
    }
    return MatchParameters.of(fields, levels, m, u, 0.5);
  }
}
