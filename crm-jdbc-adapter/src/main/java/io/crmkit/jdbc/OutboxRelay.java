package io.crmkit.jdbc;

import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.Require;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.event.EventPublisher;
import io.crmkit.jdbc.internal.JdbcAdapters;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the events that a {@link JdbcCrmStore} wrote to its outbox to a publisher of yours
 * (a message broker, a search index, a webhook).
 *
 * <p><b>Guarantees.</b> At least once: an event is marked published only after
 * {@link EventPublisher#publish} returned, in the same transaction that marks it, so a crash or a
 * failing publisher at any point leaves it pending for the next run (consumers drop duplicates by
 * {@code eventId}). In order per customer: events are delivered in outbox sequence order, runs never
 * overlap (each locks the relay row), and a run stops at the first event the publisher fails on.
 *
 * <p>Events of every family the store was given ({@link JdbcOptions#eventFamilies()}) are read
 * back as the types they were published as. An event whose family the store does not know (written
 * by a process configured with more families) stops the run with a {@link CrmStorageException}
 * naming its type, and stays pending with every later one until a store with the family relays.
 *
 * <p>The relay owns no thread: call {@link #relayPending()} when you like (after each commit, on a
 * scheduler of yours), or {@link #relayPendingAsync(Executor)} on an executor you pass. Thread-safe.
 */
public final class OutboxRelay {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  /** Events per relay transaction. */
  public static final int DEFAULT_BATCH = 500;

  private final JdbcAdapters adapters;
  private final EventPublisher target;
  private final Clock clock;

  OutboxRelay(JdbcAdapters adapters, EventPublisher target, Clock clock) {
    this.adapters = adapters;
    this.target = target;
    this.clock = clock;
  }

  /**
   * Delivers pending events until none is left or the publisher fails, {@value #DEFAULT_BATCH}
   * per transaction.
   *
   * @throws CrmStorageException if the database fails, or a pending event is of a family the store
   *     was not given; what was delivered and marked before stays so
   */
  public RelayResult relayPending() {
    int delivered = 0;
    while (true) {
      RelayResult batch = relayBatch(DEFAULT_BATCH);
      delivered += batch.delivered();
      if (batch.failed() || batch.delivered() < DEFAULT_BATCH) {
        return new RelayResult(delivered, batch.failure());
      }
    }
  }

  /**
   * Delivers up to {@code maxEvents} pending events in one transaction.
   *
   * @throws IllegalArgumentException if {@code maxEvents} is not positive
   * @throws CrmStorageException if the database fails, or a pending event is of a family the store
   *     was not given; nothing of this batch is marked published
   */
  public RelayResult relayBatch(int maxEvents) {
    Require.atLeast(maxEvents, 1, "maxEvents");
    return adapters.transactions().inTransaction(
        () -> adapters.relayOutbox(maxEvents, clock, this::deliver, RelayResult::delivered));
  }

  /** Publishes {@code events} in order, up to the first the publisher fails on. */
  private RelayResult deliver(List<DomainEvent> events) {
    int delivered = 0;
    for (DomainEvent event : events) {
      try {
        target.publish(event);
        delivered++;
      } catch (RuntimeException e) {
        LOG.warn("Outbox relay: the publisher failed on event {} ({}); it stays pending",
            event.eventId(), event.getClass().getSimpleName(), e);
        return new RelayResult(delivered, Optional.of(e));
      }
    }
    return new RelayResult(delivered, Optional.empty());
  }

  /** Runs {@link #relayPending()} on {@code executor}. */
  public CompletableFuture<RelayResult> relayPendingAsync(Executor executor) {
    Objects.requireNonNull(executor, "executor");
    return CompletableFuture.supplyAsync(this::relayPending, executor);
  }

  /** How many events wait for delivery. */
  public long pendingCount() {
    return adapters.pendingOutboxEvents();
  }

  /**
   * Deletes published events older than {@code before}, to keep the outbox small; returns how many.
   *
   * @throws CrmStorageException if the database fails
   */
  public int purgePublishedBefore(Instant before) {
    return adapters.purgePublishedOutboxEvents(before);
  }
}
