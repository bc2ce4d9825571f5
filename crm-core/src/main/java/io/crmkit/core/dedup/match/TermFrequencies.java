package io.crmkit.core.dedup.match;

import io.crmkit.core.dedup.MatchRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How often each value of a term-frequency adjusted field occurs among a run's records. Exact
 * agreement on a value v then has u = share of records with v, instead of the field's average:
 * two records agreeing on a common surname weigh less than two agreeing on a rare one.
 */
final class TermFrequencies {
  private final Map<String, Integer>[] counts;
  private final int[] present;

  @SuppressWarnings("unchecked")
  TermFrequencies(List<MatchRecord> records, List<Comparison> comparisons) {
    counts = new Map[comparisons.size()];
    present = new int[comparisons.size()];
    for (int f = 0; f < comparisons.size(); f++) {
      Optional<Function<MatchRecord, Optional<String>>> value = comparisons.get(f).termFrequencyValue();
      if (value.isEmpty()) {
        continue;
      }
      Map<String, Integer> fieldCounts = new HashMap<>();
      for (MatchRecord record : records) {
        Optional<String> v = value.get().apply(record);
        if (v.isPresent()) {
          fieldCounts.merge(v.get(), 1, Integer::sum);
          present[f]++;
        }
      }
      counts[f] = fieldCounts;
    }
  }

  /** Whether field {@code field} is adjusted. */
  boolean adjusts(int field) {
    return counts[field] != null && present[field] > 0;
  }

  /** The share of records (with the field present) whose value is {@code value}. */
  double frequency(int field, String value) {
    return (double) counts[field].getOrDefault(value, 1) / present[field];
  }
}
