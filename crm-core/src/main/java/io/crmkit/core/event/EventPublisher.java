package io.crmkit.core.event;

/**
 * Port: where domain events go. Called inside the transaction of the change, so a transactional
 * adapter can store the event atomically with it (an outbox) and deliver it after commit.
 */
@FunctionalInterface
public interface EventPublisher {

  void publish(DomainEvent event);

  /** A publisher that drops every event, for hosts that do not listen. */
  static EventPublisher discarding() {
    return event -> { };
  }
}
