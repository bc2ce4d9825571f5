package io.crmkit.core.dedup.match;

import io.crmkit.core.common.Require;
import io.crmkit.core.dedup.MatchRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntBiFunction;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * How one field of two records is compared: the field's agreement levels, strongest first and
 * "different" last, and the function that says which level a pair reaches. A pair where either
 * record lacks the value reaches no level ({@link #MISSING}) and the field then weighs nothing,
 * neither for nor against a match.
 *
 * <p>Build comparisons with the factories ({@link #jaroWinkler}, {@link #levenshtein},
 * {@link #date}, {@link #numeric}, {@link #tokenSet}, {@link #overlap}, {@link #exact}). A
 * comparison is immutable and thread-safe.
 */
public final class Comparison {

  /** The level of a pair where either record has no value for the field. */
  public static final int MISSING = -1;

  /** The most levels a comparison may have, so that a pair's levels pack into one number. */
  public static final int MAX_LEVELS = 15;

  @FunctionalInterface
  private interface Leveller {
    int level(MatchRecord a, MatchRecord b);
  }

  private final String field;
  private final List<String> levels;
  private final Leveller leveller;
  private final Function<MatchRecord, Optional<String>> termValue;

  private Comparison(String field, List<String> levels, Leveller leveller,
      Function<MatchRecord, Optional<String>> termValue) {
    this.field = Require.notBlank(field, "field");
    Require.inRange(levels.size(), 2, MAX_LEVELS, "number of levels of " + field);
    this.levels = List.copyOf(levels);
    this.leveller = leveller;
    this.termValue = termValue;
  }

  /** The compared field's name, as {@link io.crmkit.core.dedup.FieldScore#field()} shows it. */
  public String field() {
    return field;
  }

  /** The agreement levels, strongest first; the last one is "different". */
  public List<String> levels() {
    return levels;
  }

  /**
   * The level two records reach on this field.
   *
   * @return an index into {@link #levels()}, or {@link #MISSING} when either value is absent
   */
  public int level(MatchRecord a, MatchRecord b) {
    return leveller.level(Require.notNull(a, "a"), Require.notNull(b, "b"));
  }

  /**
   * The value whose frequency adjusts the weight of exact agreement, when this comparison is
   * term-frequency adjusted: agreeing on a common value (Smith, 王伟) is weaker evidence than
   * agreeing on a rare one.
   */
  public Optional<Function<MatchRecord, Optional<String>>> termFrequencyValue() {
    return Optional.ofNullable(termValue);
  }

  /**
   * This comparison with term-frequency adjustment of its first level ("exact"), by the
   * frequency of the value among the records of a run.
   *
   * @throws NullPointerException if {@code value} is null
   */
  public Comparison withTermFrequencies(Function<MatchRecord, Optional<String>> value) {
    return new Comparison(field, levels, leveller, Require.notNull(value, "value"));
  }

  /** Exact agreement only: levels {@code exact}, {@code different}. */
  public static Comparison exact(String field, Function<MatchRecord, Optional<String>> value) {
    Require.notNull(value, "value");
    return new Comparison(field, List.of("exact", "different"), whenBothPresent(value,
        (x, y) -> x.equals(y) ? 0 : 1), null);
  }

  /**
   * Jaro-Winkler bands: {@code exact}, then one level per threshold ({@code jw>=0.92}), then
   * {@code different}.
   *
   * @param thresholds similarity thresholds in (0, 1), strictly decreasing
   * @throws IllegalArgumentException if a threshold is outside (0, 1) or they do not decrease
   */
  public static Comparison jaroWinkler(String field, Function<MatchRecord, Optional<String>> value,
      double... thresholds) {
    Require.notNull(value, "value");
    double[] bands = decreasing(thresholds, "Jaro-Winkler thresholds");
    List<String> names = new ArrayList<>();
    names.add("exact");
    for (double t : bands) {
      names.add("jw>=" + t);
    }
    names.add("different");
    return new Comparison(field, names, whenBothPresent(value, (x, y) -> {
      if (x.equals(y)) {
        return 0;
      }
      double similarity = Similarity.jaroWinkler(x, y, bands[bands.length - 1]);
      for (int i = 0; i < bands.length; i++) {
        if (similarity >= bands[i]) {
          return i + 1;
        }
      }
      return bands.length + 1;
    }), null);
  }

  /**
   * Jaro-Winkler bands for one part of a person's name that may have been written in the other
   * part's field: {@code exact}, the bands, then {@code swapped} (this part of one record agrees,
   * at the weakest band, with the other part of the other record: family name given as given
   * name), then {@code different}.
   *
   * @param other the other name part, for example the given name when this is the family name
   * @throws IllegalArgumentException as {@link #jaroWinkler} does
   */
  public static Comparison nameJaroWinkler(String field, Function<MatchRecord, Optional<String>> value,
      Function<MatchRecord, Optional<String>> other, double... thresholds) {
    Require.notNull(other, "other");
    Comparison plain = jaroWinkler(field, value, thresholds);
    List<String> names = new ArrayList<>(plain.levels.subList(0, plain.levels.size() - 1));
    names.add("swapped");
    names.add("different");
    int swapped = names.size() - 2;
    double weakest = thresholds[thresholds.length - 1];
    return new Comparison(field, names, (a, b) -> {
      int level = plain.leveller.level(a, b);
      if (level != swapped) {
        return level;
      }
      boolean crossed = similar(value.apply(a), other.apply(b), weakest)
          || similar(other.apply(a), value.apply(b), weakest);
      return crossed ? swapped : swapped + 1;
    }, null);
  }

  /**
   * Edit-distance bands: {@code exact}, then one level per distance ({@code lev<=1}), then
   * {@code different}.
   *
   * @param distances edit distances, at least 1, strictly increasing
   * @throws IllegalArgumentException if a distance is below 1 or they do not increase
   */
  public static Comparison levenshtein(String field, Function<MatchRecord, Optional<String>> value,
      int... distances) {
    Require.notNull(value, "value");
    Require.atLeast(distances.length, 1, "number of distances");
    List<String> names = new ArrayList<>();
    names.add("exact");
    for (int i = 0; i < distances.length; i++) {
      Require.atLeast(distances[i], i == 0 ? 1 : distances[i - 1] + 1, "distance " + i);
      names.add("lev<=" + distances[i]);
    }
    names.add("different");
    int[] bands = distances.clone();
    LevenshteinDistance bounded = new LevenshteinDistance(bands[bands.length - 1]);
    return new Comparison(field, names, whenBothPresent(value, (x, y) -> {
      if (x.equals(y)) {
        return 0;
      }
      int distance = Similarity.levenshtein(x, y, bounded);
      for (int i = 0; i < bands.length && distance >= 0; i++) {
        if (distance <= bands[i]) {
          return i + 1;
        }
      }
      return bands.length + 1;
    }), null);
  }

  /**
   * Date agreement: {@code exact}, {@code swapped-day-month} (a date written in the other
   * order), {@code one-component-off} (a typo in year, month or day), {@code years<=N} (within N
   * years), {@code different}.
   *
   * @param closeYears how many years apart still count as close, at least 1
   * @throws IllegalArgumentException if {@code closeYears} is below 1
   */
  public static Comparison date(String field, Function<MatchRecord, Optional<LocalDate>> value, int closeYears) {
    Require.notNull(value, "value");
    Require.atLeast(closeYears, 1, "closeYears");
    List<String> names = List.of("exact", "swapped-day-month", "one-component-off", "years<=" + closeYears,
        "different");
    return new Comparison(field, names, whenBothPresent(value,
        (x, y) -> Similarity.dates(x, y, closeYears).ordinal()), null);
  }

  /**
   * Numeric closeness: {@code exact} (the same number, however written), then one level per
   * relative tolerance ({@code within 5%}), then {@code different}. Values that are not numbers
   * agree only when they are equal as text.
   *
   * @param tolerances relative differences in (0, 1), strictly increasing
   * @throws IllegalArgumentException if a tolerance is outside (0, 1) or they do not increase
   */
  public static Comparison numeric(String field, Function<MatchRecord, Optional<String>> value,
      double... tolerances) {
    Require.notNull(value, "value");
    Require.atLeast(tolerances.length, 1, "number of tolerances");
    double[] bands = tolerances.clone();
    List<String> names = new ArrayList<>();
    names.add("exact");
    for (int i = 0; i < bands.length; i++) {
      Require.inRange(bands[i], Math.nextUp(0.0), Math.nextDown(1.0), "tolerance " + i);
      if (i > 0 && bands[i] <= bands[i - 1]) {
        throw new IllegalArgumentException("tolerances must increase, got " + bands[i - 1] + " then " + bands[i]);
      }
      names.add("within " + Math.round(bands[i] * 1000) / 10.0 + "%");
    }
    names.add("different");
    return new Comparison(field, names, whenBothPresent(value, (x, y) -> {
      double difference = Similarity.relativeDifference(x, y);
      if (Double.isNaN(difference)) {
        return x.equals(y) ? 0 : bands.length + 1;
      }
      if (difference == 0) {
        return 0;
      }
      for (int i = 0; i < bands.length; i++) {
        if (difference <= bands[i]) {
          return i + 1;
        }
      }
      return bands.length + 1;
    }), null);
  }

  /**
   * Token-set similarity for organisation names, where words are reordered, added or dropped:
   * {@code exact}, {@code same-tokens} (the same words in another order), then one level per
   * Jaccard threshold over the token sets ({@code tokens>=0.6}), then {@code different}.
   *
   * @param thresholds Jaccard thresholds in (0, 1), strictly decreasing
   * @throws IllegalArgumentException if a threshold is outside (0, 1) or they do not decrease
   */
  public static Comparison tokenSet(String field, Function<MatchRecord, Optional<String>> value,
      double... thresholds) {
    Require.notNull(value, "value");
    double[] bands = decreasing(thresholds, "token-set thresholds");
    List<String> names = new ArrayList<>();
    names.add("exact");
    names.add("same-tokens");
    for (double t : bands) {
      names.add("tokens>=" + t);
    }
    names.add("different");
    return new Comparison(field, names, whenBothPresent(value, (x, y) -> {
      if (x.equals(y)) {
        return 0;
      }
      double similarity = Similarity.jaccard(Similarity.tokens(x), Similarity.tokens(y));
      if (similarity == 1.0) {
        return 1;
      }
      for (int i = 0; i < bands.length; i++) {
        if (similarity >= bands[i]) {
          return i + 2;
        }
      }
      return bands.length + 2;
    }), null);
  }

  /**
   * Set overlap for phones and e-mails, where a customer has several and two records may show
   * different ones: {@code shared} (at least one value in common), {@code disjoint}. An empty set
   * is missing.
   */
  public static Comparison overlap(String field, Function<MatchRecord, Set<String>> values) {
    Require.notNull(values, "values");
    return new Comparison(field, List.of("shared", "disjoint"), (a, b) -> {
      Set<String> x = values.apply(a);
      Set<String> y = values.apply(b);
      if (x.isEmpty() || y.isEmpty()) {
        return MISSING;
      }
      return Similarity.overlap(x, y) ? 0 : 1;
    }, null);
  }

  /**
   * A leveller for a single-valued field: {@link #MISSING} when either record lacks the value,
   * else what {@code level} makes of the two values.
   */
  private static <T> Leveller whenBothPresent(Function<MatchRecord, Optional<T>> value, ToIntBiFunction<T, T> level) {
    return (a, b) -> {
      T x = value.apply(a).orElse(null);
      T y = value.apply(b).orElse(null);
      return x == null || y == null ? MISSING : level.applyAsInt(x, y);
    };
  }

  private static boolean similar(Optional<String> x, Optional<String> y, double threshold) {
    return x.isPresent() && y.isPresent() && Similarity.jaroWinkler(x.get(), y.get(), threshold) >= threshold;
  }

  private static double[] decreasing(double[] thresholds, String name) {
    Require.atLeast(thresholds.length, 1, "number of " + name);
    double[] bands = thresholds.clone();
    for (int i = 0; i < bands.length; i++) {
      Require.inRange(bands[i], Math.nextUp(0.0), Math.nextDown(1.0), name + " " + i);
      if (i > 0 && bands[i] >= bands[i - 1]) {
        throw new IllegalArgumentException(name + " must decrease, got " + bands[i - 1] + " then " + bands[i]);
      }
    }
    return bands;
  }

  @Override
  public String toString() {
    return field + levels;
  }
}
