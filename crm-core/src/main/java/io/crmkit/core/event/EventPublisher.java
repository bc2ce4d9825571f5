package io.crmkit.core.event;

/**
 * Port: where domain events go. Called inside the transaction of the change, so a transactional
 * adapter can store the event atomically with it (an outbox) and deliver it after commit.
 */
@FunctionalInterface
public interface EventPublisher {

  /**
   * Publishes an event of any family. An adapter that has to write events down (the JDBC outbox)
   * knows only the families it was given, and rejects an event of another family here, inside the
   * transaction, so that the change that caused it rolls back instead of its event being lost.
   *
   * @throws IllegalArgumentException if this publisher cannot carry events of the event's family
   */
  void publish(DomainEvent event);

  /** A publisher that drops every event, for hosts that do not listen. */
  static EventPublisher discarding() {
    return event -> { };
  }
}
