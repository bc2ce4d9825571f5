package io.crmkit.core.memory;

import io.crmkit.core.common.Require;
import io.crmkit.core.dedup.review.ReviewDecision;
import io.crmkit.core.dedup.review.ReviewItem;
import io.crmkit.core.dedup.review.ReviewQueue;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ReviewQueue} in memory: waiting items and decisions by pair; writes serialised and undone on rollback. */
final class InMemoryReviewQueue implements ReviewQueue {
  private static final Comparator<ReviewItem> NEXT = Comparator.comparingDouble(ReviewItem::probability).reversed()
      .thenComparing(ReviewItem::leftId).thenComparing(ReviewItem::rightId);

  private record Pair(String left, String right) {
    static Pair of(String one, String other) {
      Objects.requireNonNull(one, "oneId");
      Objects.requireNonNull(other, "otherId");
      return one.compareTo(other) <= 0 ? new Pair(one, other) : new Pair(other, one);
    }
  }

  private final Map<Pair, ReviewItem> waiting = new ConcurrentHashMap<>();
  private final Map<Pair, ReviewDecision> decided = new ConcurrentHashMap<>();
  private final InMemoryTransactions transactions;

  InMemoryReviewQueue(InMemoryTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public boolean enqueue(ReviewItem item) {
    Objects.requireNonNull(item, "item");
    Pair pair = new Pair(item.leftId(), item.rightId());
    return transactions.inTransaction(() -> {
      boolean queued = queue(pair, item);
      if (queued) {
        transactions.onRollback(() -> waiting.remove(pair, item));
      }
      return queued;
    });
  }

  private synchronized boolean queue(Pair pair, ReviewItem item) {
    return !decided.containsKey(pair) && waiting.putIfAbsent(pair, item) == null;
  }

  @Override
  public List<ReviewItem> pending(int limit) {
    Require.positive(limit, "limit");
    return waiting.values().stream().sorted(NEXT).limit(limit).toList();
  }

  @Override
  public long pendingCount() {
    return waiting.size();
  }

  @Override
  public Optional<ReviewItem> pending(String oneId, String otherId) {
    return Optional.ofNullable(waiting.get(Pair.of(oneId, otherId)));
  }

  @Override
  public void decide(ReviewDecision decision) {
    Objects.requireNonNull(decision, "decision");
    Pair pair = new Pair(decision.leftId(), decision.rightId());
    transactions.inTransaction(() -> {
      record(pair, decision);
      return null;
    });
  }

  /** Records a new decision, taking the pair off the queue, with how to undo both. */
  private synchronized void record(Pair pair, ReviewDecision decision) {
    ReviewDecision known = decided.putIfAbsent(pair, decision);
    if (known != null) {
      if (!known.equals(decision)) {
        throw new AlreadyDecidedException(known);
      }
      return;
    }
    ReviewItem wasWaiting = waiting.remove(pair);
    transactions.onRollback(() -> {
      decided.remove(pair, decision);
      if (wasWaiting != null) {
        waiting.put(pair, wasWaiting);
      }
    });
  }

  @Override
  public Optional<ReviewDecision> decision(String oneId, String otherId) {
    return Optional.ofNullable(decided.get(Pair.of(oneId, otherId)));
  }

  @Override
  public List<ReviewDecision> decisions() {
    return List.copyOf(decided.values());
  }
}
