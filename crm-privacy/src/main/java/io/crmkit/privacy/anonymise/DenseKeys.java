package io.crmkit.privacy.anonymise;

import java.util.Arrays;

/**
 * Numbers long keys densely in the order they are first seen (0, 1, 2, ...): an open-addressing
 * table without boxing, because the search groups every tuple of every node it evaluates.
 */
final class DenseKeys {
  private static final long EMPTY = Long.MIN_VALUE;
  private long[] keys;
  private int[] ids;
  private int size;
  private boolean emptyKeySeen;
  private int emptyKeyId;

  DenseKeys(int expected) {
    int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
    keys = new long[capacity];
    ids = new int[capacity];
    Arrays.fill(keys, EMPTY);
  }

  /** @return the key's number, a new one (the count so far) if the key is new */
  int idOf(long key) {
    if (key == EMPTY) {
      if (!emptyKeySeen) {
        emptyKeySeen = true;
        emptyKeyId = size++;
      }
      return emptyKeyId;
    }
    int mask = keys.length - 1;
    int slot = mix(key) & mask;
    while (keys[slot] != EMPTY) {
      if (keys[slot] == key) {
        return ids[slot];
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    ids[slot] = size++;
    if (size * 2 > keys.length) {
      grow();
    }
    return size - 1;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldIds = ids;
    keys = new long[oldKeys.length * 2];
    ids = new int[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = mix(oldKeys[i]) & mask;
        while (keys[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        ids[slot] = oldIds[i];
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
