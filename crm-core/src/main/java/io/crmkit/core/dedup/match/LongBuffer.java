package io.crmkit.core.dedup.match;

import java.util.Arrays;
import java.util.List;

/** A growable array of longs, so that millions of candidate pairs cost 8 bytes each, not a boxed Long. */
final class LongBuffer {
  private long[] values = new long[1024];
  private int size;

  void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, Math.max(16, values.length * 2));
    }
    values[size++] = value;
  }

  int size() {
    return size;
  }

  /**
   * The values of all {@code buffers} together, sorted ascending with repeats removed; sorted on
   * every core ({@link Arrays#parallelSort(long[])} gives the same order as a sequential sort).
   * Each buffer is emptied as it is copied, so that its array (tens of millions of pairs in a
   * large run) is garbage before the sort needs its own working space.
   */
  static long[] sortedDistinct(List<LongBuffer> buffers) {
    long total = buffers.stream().mapToLong(LongBuffer::size).sum();
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("too many candidate pairs for one array: " + total);
    }
    long[] sorted = new long[(int) total];
    int at = 0;
    for (LongBuffer buffer : buffers) {
      System.arraycopy(buffer.values, 0, sorted, at, buffer.size);
      at += buffer.size;
      buffer.values = new long[0];
      buffer.size = 0;
    }
    Arrays.parallelSort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, distinct);
  }
}
