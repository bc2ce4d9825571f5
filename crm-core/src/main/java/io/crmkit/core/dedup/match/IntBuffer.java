package io.crmkit.core.dedup.match;

import java.util.Arrays;

/** A growable array of ints, so that a block's members cost 4 bytes each, not a boxed Integer. */
final class IntBuffer {
  private int[] values = new int[2];
  private int size;

  void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[size++] = value;
  }

  int get(int index) {
    return values[index];
  }

  int size() {
    return size;
  }

  /** The values as boxed integers, for sorting with a comparator. */
  Integer[] boxed() {
    Integer[] boxed = new Integer[size];
    for (int i = 0; i < size; i++) {
      boxed[i] = values[i];
    }
    return boxed;
  }
}
