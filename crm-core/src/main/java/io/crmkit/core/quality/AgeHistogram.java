package io.crmkit.core.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ages in whole days in a fixed array of one counter per day up to {@link DataQuality#MAX_AGE_DAYS}:
 * constant memory (under 300 KB) whatever the number of customers, and percentiles exact to the day.
 * An older age counts as the cap; an age below zero (a time after the report's instant) as zero.
 */
final class AgeHistogram {
  /** The bands' exclusive upper bounds in days, and their labels; the last band has no bound. */
  private static final long[] BOUNDS = {30, 90, 365, 3 * 365};
  private static final String[] LABELS = {"under-30-days", "under-90-days", "under-1-year", "under-3-years", "older"};

  private final long[] perDay = new long[DataQuality.MAX_AGE_DAYS + 1];
  private long counted;
  private long never;
  private long maxDays;

  void add(long days) {
    int day = (int) Math.max(0, Math.min(days, DataQuality.MAX_AGE_DAYS));
    perDay[day]++;
    counted++;
    maxDays = Math.max(maxDays, day);
  }

  void addNever() {
    never++;
  }

  /** How many counted ages are at most {@code days}. */
  long atMost(long days) {
    long total = 0;
    for (int day = 0; day <= Math.min(days, DataQuality.MAX_AGE_DAYS); day++) {
      total += perDay[day];
    }
    return total;
  }

  long counted() {
    return counted;
  }

  QualityReport.Ages result() {
    List<QualityReport.AgeBucket> buckets = new ArrayList<>(LABELS.length);
    long below = 0;
    for (int band = 0; band < LABELS.length; band++) {
      long upTo = band < BOUNDS.length ? atMost(BOUNDS[band] - 1) : counted;
      long count = upTo - below;
      Optional<Long> bound = band < BOUNDS.length ? Optional.of(BOUNDS[band]) : Optional.empty();
      buckets.add(new QualityReport.AgeBucket(LABELS[band], bound, count, QualityReport.share(count, counted)));
      below = upTo;
    }
    return new QualityReport.Ages(counted, never, percentile(50), percentile(90), percentile(99), maxDays, buckets);
  }

  /** The nearest-rank percentile: the smallest age with at least {@code p}% of the ages at or below it. */
  private long percentile(int p) {
    if (counted == 0) {
      return 0;
    }
    long rank = (counted * p + 99) / 100; // ceil(p/100 * counted), at least 1 since counted > 0
    long seen = 0;
    for (int day = 0; day < perDay.length; day++) {
      seen += perDay[day];
      if (seen >= rank) {
        return day;
      }
    }
    return maxDays;
  }
}
