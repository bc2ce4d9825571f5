package io.crmkit.core.memory;

import io.crmkit.core.activity.Activity;
import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.ActivityLog;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;

/** {@link ActivityLog} in memory, kept sorted by time per customer and overall. */
class InMemoryActivityLog<A extends Activity> implements ActivityLog<A> {
  private final Comparator<A> byTime =
      Comparator.<A, Instant>comparing(Activity::occurredAt).thenComparing(Activity::id);
  private final Map<ActivityId, A> byId = new ConcurrentHashMap<>();
  private final Map<CustomerId, NavigableSet<A>> byCustomer = new ConcurrentHashMap<>();
  private final NavigableSet<A> all = new ConcurrentSkipListSet<>(byTime);
  private final String kind;
  private final InMemoryTransactions transactions;

  InMemoryActivityLog(String kind, InMemoryTransactions transactions) {
    this.kind = kind;
    this.transactions = transactions;
  }

  @Override
  public void record(A activity) {
    recordAll(List.of(activity));
  }

  @Override
  public void recordAll(Collection<? extends A> activities) {
    Objects.requireNonNull(activities, "activities");
    transactions.inTransaction(() -> {
      List<A> fresh = add(activities);
      transactions.onRollback(() -> remove(fresh));
      return null;
    });
  }

  private synchronized List<A> add(Collection<? extends A> activities) {
    List<A> fresh = new ArrayList<>(activities.size());
    Map<ActivityId, A> batch = new HashMap<>();
    for (A activity : activities) {
      Objects.requireNonNull(activity, "activity");
      A known = byId.getOrDefault(activity.id(), batch.get(activity.id()));
      if (known == null) {
        batch.put(activity.id(), activity);
        fresh.add(activity);
      } else if (!known.equals(activity)) {
        throw new DuplicateKeyException(activity.id().toString(),
            kind + " " + activity.id() + " was already recorded with different content");
      }
    }
    for (A activity : fresh) {
      byId.put(activity.id(), activity);
      byCustomer.computeIfAbsent(activity.customerId(), id -> new ConcurrentSkipListSet<>(byTime))
          .add(activity);
      all.add(activity);
    }
    return fresh;
  }

  private synchronized void remove(List<A> recorded) {
    for (A activity : recorded) {
      byId.remove(activity.id());
      byCustomer.get(activity.customerId()).remove(activity);
      all.remove(activity);
    }
  }

  @Override
  public int redact(Collection<? extends A> redacted) {
    Objects.requireNonNull(redacted, "redacted");
    redacted.forEach(activity -> Objects.requireNonNull(activity, "activity"));
    return transactions.inTransaction(() -> {
      List<A> replaced = overwrite(redacted);
      transactions.onRollback(() -> overwrite(replaced));
      return replaced.size();
    });
  }

  /** Puts each activity in place of the stored one of the same id and customer; returns those replaced. */
  private synchronized List<A> overwrite(Collection<? extends A> activities) {
    List<A> replaced = new ArrayList<>();
    for (A activity : activities) {
      A known = byId.get(activity.id());
      if (known == null || !known.customerId().equals(activity.customerId())) {
        continue;
      }
      NavigableSet<A> owned = byCustomer.get(known.customerId());
      owned.remove(known);
      all.remove(known);
      byId.put(activity.id(), activity);
      owned.add(activity);
      all.add(activity);
      replaced.add(known);
    }
    return replaced;
  }

  /**
   * Gives the activities of {@code from} whose ids are in {@code ids} (every one if {@code ids} is
   * null) to {@code to}, unchanged otherwise; a rollback gives them back. Returns those moved, in
   * time order.
   */
  List<A> reassign(CustomerId from, CustomerId to, java.util.Set<ActivityId> ids, Reowner<A> reowner) {
    return transactions.inTransaction(() -> {
      List<A> moved = move(from, to, ids, reowner);
      transactions.onRollback(() -> move(to, from, moved.stream().map(Activity::id)
          .collect(java.util.stream.Collectors.toSet()), reowner));
      return moved.stream().map(a -> reowner.withOwner(a, to)).toList();
    });
  }

  /** Makes a copy of an activity with another owner. */
  @FunctionalInterface
  interface Reowner<A> {
    A withOwner(A activity, CustomerId owner);
  }

  /** Moves and returns the activities as they were before the move. */
  private synchronized List<A> move(CustomerId from, CustomerId to, java.util.Set<ActivityId> ids, Reowner<A> reowner) {
    NavigableSet<A> owned = byCustomer.get(from);
    if (owned == null) {
      return List.of();
    }
    List<A> moving = owned.stream().filter(a -> ids == null || ids.contains(a.id())).toList();
    for (A activity : moving) {
      A moved = reowner.withOwner(activity, to);
      owned.remove(activity);
      all.remove(activity);
      byId.put(moved.id(), moved);
      byCustomer.computeIfAbsent(to, id -> new ConcurrentSkipListSet<>(byTime)).add(moved);
      all.add(moved);
    }
    return moving;
  }

  @Override
  public List<A> forCustomer(CustomerId customerId, TimeRange range) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(range, "range");
    NavigableSet<A> activities = byCustomer.get(customerId);
    return activities == null ? List.of() : inRange(activities, range).toList();
  }

  @Override
  public Stream<A> stream(TimeRange range) {
    Objects.requireNonNull(range, "range");
    return inRange(all, range);
  }

  private static <A extends Activity> Stream<A> inRange(NavigableSet<A> sorted, TimeRange range) {
    return sorted.stream()
        .dropWhile(a -> a.occurredAt().isBefore(range.from()))
        .takeWhile(a -> a.occurredAt().isBefore(range.to()));
  }
}
