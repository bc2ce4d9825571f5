package io.crmkit.core.event;

/**
 * crm-core's family of events: what happens to the customer record itself. Sealed, so that a
 * {@code switch} over customer events is checked to be complete; a new kind joins this list with
 * the crm-core feature that publishes it. Other modules declare families of their own (see {@link
 * EventFamily}) instead of adding to this one.
 */
public sealed interface CustomerEvent extends DomainEvent
    permits CustomerRegistered, CustomerUpdated, StageChanged {

  /**
   * This family, which crmkit's JSON module and the JDBC outbox always register. Its type ids are
   * the simple class names ({@code CustomerRegistered}, {@code CustomerUpdated}, {@code
   * StageChanged}), as they have been since the first release, so stored events keep reading.
   */
  EventFamily<CustomerEvent> FAMILY = EventFamily.of("customer", CustomerEvent.class);
}
