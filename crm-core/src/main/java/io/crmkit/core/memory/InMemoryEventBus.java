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
 * An {@link EventPublisher} that hands each event to its subscribers at once, on the publishing
 * thread. A subscriber that throws is logged and skipped: a listener's failure never undoes or
 * blocks the change that caused the event.
 */
public final class InMemoryEventBus implements EventPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(InMemoryEventBus.class);

  private final List<Consumer<? super DomainEvent>> subscribers = new CopyOnWriteArrayList<>();

  @Override
  public void publish(DomainEvent event) {
    Objects.requireNonNull(event, "event");
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
