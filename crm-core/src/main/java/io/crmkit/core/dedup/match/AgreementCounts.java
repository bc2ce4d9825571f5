package io.crmkit.core.dedup.match;

import io.crmkit.core.common.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sufficient statistics of Fellegi-Sunter estimation: how many compared pairs showed each
 * agreement pattern (one level per field, or missing). Counts from separate partitions add up
 * with {@link #plus}, so a distributed engine counts per partition and estimates once.
 *
 * <p>A pattern packs into one {@code long}, four bits per field, {@code 0xF} for missing; hence at
 * most {@value #MAX_FIELDS} fields of at most {@value Comparison#MAX_LEVELS} levels.
 */
public final class AgreementCounts {

  /** The most fields a pattern holds. */
  public static final int MAX_FIELDS = 16;

  private static final int MISSING_CODE = 0xF;

  private final int[] levels;
  private final Map<Long, Long> counts;

  private AgreementCounts(int[] levels, Map<Long, Long> counts) {
    this.levels = levels;
    this.counts = counts;
  }

  /**
   * No pairs yet, for fields with these numbers of levels.
   *
   * @throws IllegalArgumentException if there are no fields, more than {@value #MAX_FIELDS}, or a
   *     field has fewer than 2 or more than {@value Comparison#MAX_LEVELS} levels
   */
  public static AgreementCounts empty(int... levelsPerField) {
    Require.inRange(levelsPerField.length, 1, MAX_FIELDS, "number of fields");
    for (int i = 0; i < levelsPerField.length; i++) {
      Require.inRange(levelsPerField[i], 2, Comparison.MAX_LEVELS, "levels of field " + i);
    }
    return new AgreementCounts(levelsPerField.clone(), Map.of());
  }

  /** No pairs yet, for these comparisons' fields. */
  public static AgreementCounts empty(List<Comparison> comparisons) {
    return empty(comparisons.stream().mapToInt(c -> c.levels().size()).toArray());
  }

  /**
   * These counts with {@code count} more pairs of the pattern {@code levels}.
   *
   * @param levels one level per field, {@link Comparison#MISSING} for a missing value
   * @throws IllegalArgumentException if the pattern does not fit the fields or count is negative
   */
  public AgreementCounts with(int[] levels, long count) {
    Require.atLeast(count, 0, "count");
    Map<Long, Long> more = new HashMap<>(counts);
    more.merge(encode(levels), count, Long::sum);
    return new AgreementCounts(this.levels, more);
  }

  /**
   * The counts of both, as if one partition had seen all their pairs.
   *
   * @throws IllegalArgumentException if the two count different fields
   */
  public AgreementCounts plus(AgreementCounts other) {
    if (!Arrays.equals(levels, other.levels)) {
      throw new IllegalArgumentException("counts must be over the same fields, got levels "
          + Arrays.toString(levels) + " and " + Arrays.toString(other.levels));
    }
    Map<Long, Long> sum = new HashMap<>(counts);
    other.counts.forEach((pattern, count) -> sum.merge(pattern, count, Long::sum));
    return new AgreementCounts(levels, sum);
  }

  /** The number of fields. */
  public int fields() {
    return levels.length;
  }

  /** The number of levels of field {@code field}. */
  public int levels(int field) {
    return levels[field];
  }

  /** The number of pairs counted. */
  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The number of pairs that showed this pattern. */
  public long count(int[] levels) {
    return counts.getOrDefault(encode(levels), 0L);
  }

  /** Every pattern seen (one level per field, {@link Comparison#MISSING} for missing) with its count. */
  public Map<List<Integer>, Long> patterns() {
    Map<List<Integer>, Long> decoded = new HashMap<>();
    counts.forEach((pattern, count) -> {
      List<Integer> pat = new ArrayList<>(levels.length);
      for (int f = 0; f < levels.length; f++) {
        pat.add(level(pattern, f));
      }
      decoded.put(Collections.unmodifiableList(pat), count);
    });
    return Collections.unmodifiableMap(decoded);
  }

  /**
   * The pairs that showed level {@code level} on field {@code field}, with that field marked
   * missing: the pairs a rule "agree on this field" would have chosen, and what they say about
   * the other fields. Estimating on them leaves out the field the selection forced.
   *
   * @throws IllegalArgumentException if the field or level is out of range
   */
  public AgreementCounts given(int field, int level) {
    Require.inRange(field, 0, levels.length - 1, "field");
    Require.inRange(level, 0, levels[field] - 1, "level");
    Map<Long, Long> selected = new HashMap<>();
    long mask = (long) MISSING_CODE << (4 * field);
    counts.forEach((pattern, count) -> {
      if (level(pattern, field) == level) {
        selected.merge(pattern | mask, count, Long::sum);
      }
    });
    return new AgreementCounts(levels, selected);
  }

  /** Packed patterns in ascending order with their counts, so that sums run in one order. */
  TreeMap<Long, Long> packed() {
    return new TreeMap<>(counts);
  }

  long encode(int[] pattern) {
    if (pattern.length != levels.length) {
      throw new IllegalArgumentException("pattern must have " + levels.length + " levels, got " + pattern.length);
    }
    long packed = 0;
    for (int f = 0; f < pattern.length; f++) {
      int level = pattern[f];
      if (level != Comparison.MISSING) {
        Require.inRange(level, 0, levels[f] - 1, "level of field " + f);
      }
      packed |= (long) (level == Comparison.MISSING ? MISSING_CODE : level) << (4 * f);
    }
    return packed;
  }

  static int level(long pattern, int field) {
    int code = (int) (pattern >>> (4 * field)) & 0xF;
    return code == MISSING_CODE ? Comparison.MISSING : code;
  }

  /** A mutable counter for one partition's pairs, turned into counts at the end. */
  static final class Counter {
    private final AgreementCounts shape;
    private final Map<Long, long[]> counts = new HashMap<>();

    Counter(AgreementCounts shape) {
      this.shape = shape;
    }

    long add(int[] pattern) {
      long packed = shape.encode(pattern);
      addEncoded(packed);
      return packed;
    }

    /** Counts a pattern already packed by {@link AgreementCounts#encode}. */
    void addEncoded(long packed) {
      counts.computeIfAbsent(packed, p -> new long[1])[0]++;
    }

    AgreementCounts counts() {
      Map<Long, Long> result = new HashMap<>();
      counts.forEach((pattern, count) -> result.put(pattern, count[0]));
      return shape.plus(new AgreementCounts(shape.levels, result));
    }
  }

  @Override
  public String toString() {
    return "AgreementCounts[fields=" + levels.length + ", patterns=" + counts.size() + ", pairs=" + total() + "]";
  }
}
