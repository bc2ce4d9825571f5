package io.crmkit.core.dedup.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.dedup.MatchRecord;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RandomPairsProperties {
  private static final List<MatchRecord> RECORDS = SyntheticPeople.generate(400, 3).records();
  private static final List<Comparison> COMPARISONS = Deduplicator.defaultComparisons();

  /**
   * Comparing the drawn pairs in slices on several threads counts exactly what one loop over the
   * same draws counts, whatever the seed, the sample size (slices of every fill) and the mode.
   */
  @Property(tries = 25)
  void slicedCountingGivesTheUOfOneSerialLoop(@ForAll long seed, @ForAll @IntRange(min = 1, max = 9_000) int samples,
      @ForAll boolean crossOnly, @ForAll @IntRange(min = 1, max = 399) int leftCount) {
    int left = crossOnly ? leftCount : RECORDS.size();
    long comparable = crossOnly ? (long) left * (RECORDS.size() - left) : (long) left * (left - 1) / 2;
    Assume.that(comparable > samples); // below that every pair is compared, not a sample

    double[][] u = RandomPairs.uProbabilities(RECORDS, COMPARISONS, left, crossOnly, samples, seed);

    assertThat(u).isDeepEqualTo(serialU(left, crossOnly, samples, seed));
  }

  /** The draws and counts as one loop makes them: the definition the sliced version must keep. */
  private static double[][] serialU(int leftCount, boolean crossOnly, int samples, long seed) {
    int n = RECORDS.size();
    long[][] counts = new long[COMPARISONS.size()][];
    for (int f = 0; f < counts.length; f++) {
      counts[f] = new long[COMPARISONS.get(f).levels().size()];
    }
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
        j = j >= i ? j + 1 : j;
      }
      for (int f = 0; f < counts.length; f++) {
        int level = COMPARISONS.get(f).level(RECORDS.get(i), RECORDS.get(j));
        if (level != Comparison.MISSING) {
          counts[f][level]++;
        }
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
}
