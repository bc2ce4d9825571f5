package io.crmkit.core.memory;

import io.crmkit.core.dimension.code.CodeSequences;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link CodeSequences} in memory: one counter per key, advanced atomically, so numbers are
 * unique and gap-free across threads. Lost with the object.
 */
final class InMemoryCodeSequences implements CodeSequences {
  private final ConcurrentHashMap<String, Long> last = new ConcurrentHashMap<>();
  private final InMemoryTransactions transactions;

  InMemoryCodeSequences(InMemoryTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public long nextBlock(String key, int count) {
    CodeSequences.requireValidKey(key);
    CodeSequences.requireValidCount(count);
    return transactions.inTransaction(() -> {
      long end = last.compute(key, (k, previous) -> {
        long current = previous == null ? 0 : previous;
        if (current > Long.MAX_VALUE - count) {
          throw new CodeSequences.SequenceExhaustedException(key, Long.MAX_VALUE);
        }
        return current + count;
      });
      // Writes are serialised by the store's lock, so nobody drew from this key since: give the block back.
      transactions.onRollback(() -> last.compute(key, (k, now) -> now == count ? null : now - count));
      return end - count + 1;
    });
  }

  @Override
  public long current(String key) {
    CodeSequences.requireValidKey(key);
    return last.getOrDefault(key, 0L);
  }

  @Override
  public Map<String, Long> all() {
    return Map.copyOf(last);
  }
}
