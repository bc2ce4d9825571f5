package io.crmkit.core.common;

import java.util.Random;
import java.util.UUID;
import java.util.function.LongSupplier;

/** UUID version 7: 48 bits of Unix milliseconds, then random bits, monotonic within a millisecond. */
final class TimeOrderedIdGenerator implements IdGenerator {
  private final Random random;
  private final LongSupplier millis;
  private long lastMillis;
  private long counter;

  TimeOrderedIdGenerator(Random random, LongSupplier millis) {
    this.random = random;
    this.millis = millis;
  }

  @Override
  public synchronized UUID newId() {
    long now = Math.max(millis.getAsLong(), lastMillis);
    if (now == lastMillis) {
      counter++;
      if (counter > 0xFFF) {
        // 4096 ids in one millisecond: borrow the next millisecond rather than repeat.
        now++;
        counter = 0;
      }
    } else {
      counter = 0;
    }
    lastMillis = now;
    long high = (now << 16) | 0x7000L | counter;
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }
}
