package io.crmkit.segmentation.rfm;

import io.crmkit.core.common.Require;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How raw RFM figures become scores 1..5: relative to the population analysed
 * ({@link #quintiles()}) or against fixed boundaries ({@link #thresholds}).
 */
public sealed interface RfmScoring {

  /**
   * The scores of {@code population}, in its order. Deterministic: the same figures give the same
   * scores whatever their order.
   */
  List<RfmScore> score(List<RfmValues> population);

  /**
   * Quintiles of the population, one figure at a time: a customer's score is
   * {@code 1 + floor(5 * worse / n)}, where {@code worse} is the number of customers whose figure is
   * strictly worse (a longer recency, a lower frequency or monetary value) and {@code n} the
   * population. So equal figures always get equal scores (ties take the lowest rank, as a
   * "min" rank does), a better figure never gets a lower score, and the best figure scores 5 once
   * the population has five distinct values. With many ties a score can stay unused: if 60% of
   * customers bought once, they all score F 1 and the next frequency scores F 4.
   */
  static RfmScoring quintiles() {
    return Quintiles.INSTANCE;
  }

  /**
   * Fixed boundaries, four per figure in ascending order. Recency scores 5 up to the first
   * boundary (inclusive), 4 up to the second, and so on, 1 beyond the fourth; frequency and
   * monetary score 1 below the first boundary, 2 from it (inclusive), and so on, 5 from the fourth.
   *
   * @throws IllegalArgumentException if a list does not hold four strictly ascending boundaries
   */
  static RfmScoring thresholds(List<Duration> recency, List<Integer> frequency, List<BigDecimal> monetary) {
    return new Thresholds(recency, frequency, monetary);
  }

  /** See {@link RfmScoring#quintiles()}. */
  final class Quintiles implements RfmScoring {
    private static final Quintiles INSTANCE = new Quintiles();

    private Quintiles() {}

    @Override
    public List<RfmScore> score(List<RfmValues> population) {
      Objects.requireNonNull(population, "population");
      int n = population.size();
      long[] recency = new long[n];
      long[] frequency = new long[n];
      BigDecimal[] monetary = new BigDecimal[n];
      boolean recencyFits = true;
      int scale = 0;
      for (int i = 0; i < n; i++) {
        RfmValues values = population.get(i);
        frequency[i] = values.frequency();
        monetary[i] = values.monetary();
        scale = Math.max(scale, values.monetary().scale());
        if (recencyFits) {
          try {
            recency[i] = -values.recency().toNanos();
          } catch (ArithmeticException e) {
            recencyFits = false;
          }
        }
      }
      int[] r = recencyFits ? scores(recency)
          : scores(population, RfmValues::recency, Comparator.<Duration>reverseOrder());
      int[] f = scores(frequency);
      long[] cents = unscaled(monetary, scale);
      int[] m = cents != null ? scores(cents)
          : scores(population, RfmValues::monetary, Comparator.<BigDecimal>naturalOrder());
      List<RfmScore> scores = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        scores.add(new RfmScore(r[i], f[i], m[i]));
      }
      return scores;
    }

    /** The amounts as whole numbers of units of {@code 10^-scale}, or null if one does not fit a long. */
    private static long[] unscaled(BigDecimal[] amounts, int scale) {
      long[] units = new long[amounts.length];
      for (int i = 0; i < amounts.length; i++) {
        BigDecimal scaled = amounts[i].setScale(scale);
        if (scaled.unscaledValue().bitLength() > 63) {
          return null;
        }
        units[i] = scaled.unscaledValue().longValue();
      }
      return units;
    }

    /**
     * Quintile scores of figures where a larger number is better: the fast path for figures that fit
     * a long. {@code 1 + floor(5 * worse / n) > k} exactly when {@code worse >= ceil(k * n / 5)}, that
     * is when the value exceeds the sorted figure at {@code ceil(k * n / 5) - 1}; so four comparisons
     * per customer give the same scores as counting the worse figures.
     */
    private static int[] scores(long[] values) {
      int n = values.length;
      if (n == 0) {
        return new int[0];
      }
      long[] sorted = values.clone();
      Arrays.sort(sorted);
      long[] cuts = new long[4];
      for (int k = 1; k <= 4; k++) {
        cuts[k - 1] = sorted[(int) ((k * (long) n + 4) / 5) - 1];
      }
      int[] scores = new int[n];
      for (int i = 0; i < n; i++) {
        long v = values[i];
        scores[i] = 1 + (v > cuts[0] ? 1 : 0) + (v > cuts[1] ? 1 : 0) + (v > cuts[2] ? 1 : 0) + (v > cuts[3] ? 1 : 0);
      }
      return scores;
    }

    /**
     * Quintile scores of one figure, {@code worseFirst} ordering worse figures before better ones:
     * for figures that do not fit a long (a recency of centuries, amounts of more than 18 digits).
     */
    private static <T> int[] scores(List<RfmValues> population, Function<RfmValues, T> figure,
        Comparator<T> worseFirst) {
      int n = population.size();
      @SuppressWarnings("unchecked")
      T[] sorted = (T[]) new Object[n];
      for (int i = 0; i < n; i++) {
        sorted[i] = figure.apply(population.get(i));
      }
      Object[] values = sorted.clone();
      Arrays.sort(sorted, worseFirst);
      int[] scores = new int[n];
      for (int i = 0; i < n; i++) {
        @SuppressWarnings("unchecked")
        long worse = firstNotWorse(sorted, (T) values[i], worseFirst);
        scores[i] = (int) (1 + 5 * worse / n);
      }
      return scores;
    }

    /** The number of elements of {@code sorted} strictly worse than {@code value} (a lower bound). */
    private static <T> int firstNotWorse(T[] sorted, T value, Comparator<T> worseFirst) {
      int low = 0;
      int high = sorted.length;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (worseFirst.compare(sorted[mid], value) < 0) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low;
    }

    @Override
    public String toString() {
      return "quintiles";
    }
  }

  /**
   * See {@link RfmScoring#thresholds}.
   *
   * @param recency four ascending durations
   * @param frequency four ascending occasion counts
   * @param monetary four ascending amounts in the analysis currency
   */
  record Thresholds(List<Duration> recency, List<Integer> frequency, List<BigDecimal> monetary)
      implements RfmScoring {
    public Thresholds {
      recency = ascending(recency, "recency");
      frequency = ascending(frequency, "frequency");
      monetary = ascending(monetary, "monetary");
    }

    @Override
    public List<RfmScore> score(List<RfmValues> population) {
      Objects.requireNonNull(population, "population");
      return population.stream().map(this::score).toList();
    }

    /** The score of one customer's figures, which needs no population. */
    public RfmScore score(RfmValues values) {
      int r = 5 - (int) recency.stream().filter(b -> b.compareTo(values.recency()) < 0).count();
      int f = 1 + (int) frequency.stream().filter(b -> b <= values.frequency()).count();
      int m = 1 + (int) monetary.stream().filter(b -> b.compareTo(values.monetary()) <= 0).count();
      return new RfmScore(r, f, m);
    }

    private static <T extends Comparable<? super T>> List<T> ascending(List<T> boundaries, String name) {
      List<T> copy = List.copyOf(Objects.requireNonNull(boundaries, name));
      Require.argument(copy.size() == 4, "%s needs 4 boundaries, got %s", name, copy.size());
      for (int i = 1; i < copy.size(); i++) {
        Require.argument(copy.get(i - 1).compareTo(copy.get(i)) < 0,
            "%s boundaries must be strictly ascending, got %s", name, copy);
      }
      return copy;
    }
  }
}
