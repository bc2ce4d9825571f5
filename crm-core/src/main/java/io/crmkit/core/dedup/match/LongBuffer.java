package io.crmkit.core.dedup.match;

import java.util.Arrays;

/** A growable array of longs, so that millions of candidate pairs cost 8 bytes each, not a boxed Long. */
final class LongBuffer {
  private long[] values = new long[1024];
  private int size;

  void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[size++] = value;
  }

  int size() {
    return size;
  }

  /** The values sorted ascending with repeats removed. */
  long[] sortedDistinct() {
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, distinct);
  }
}
