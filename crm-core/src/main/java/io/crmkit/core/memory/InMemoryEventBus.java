package io.crmkit.core.memory;

import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.event.EventPublisher;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EventPublisher} that hands each event to its subscribers, on the publishing thread,
 * once the store's transaction that published it commits (at once outside a transaction): a
 * rolled-back change announces nothing. A subscriber that throws is logged and skipped: a
 * listener's failure never undoes or blocks the change that caused the event.
 */
public final class InMemoryEventBus implements EventPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(InMemoryEventBus.class);

  private final List<Consumer<? super DomainEvent>> subscribers = new CopyOnWriteArrayList<>();
  private final InMemoryTransactions transactions;

  InMemoryEventBus(InMemoryTransactions transactions) {
    this.transactions = transactions;
  }

  /** Hands {@code event} to the subscribers once the current transaction commits, or at once outside one. */
  @Override
  public void publish(DomainEvent event) {
    Objects.requireNonNull(event, "event");
    transactions.afterCommit(() -> deliver(event));
  }

  private void deliver(DomainEvent event) {
    for (Consumer<? super DomainEvent> subscriber : subscribers) {
      try {
        subscriber.accept(event);
      } catch (RuntimeException e) {
        LOG.warn("Event subscriber {} failed on {}", subscriber, event.getClass().getSimpleName(), e);
      }
    }
  }

  /** Adds a subscriber; close the returned handle to remove it. */
  public AutoCloseable subscribe(Consumer<? super DomainEvent> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }
}
