package io.crmkit.core.imports;

import io.crmkit.core.common.IdGenerator;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.event.CustomerRegistered;
import io.crmkit.core.event.CustomerUpdated;
import io.crmkit.core.event.EventPublisher;
import java.time.Instant;
import java.util.List;

/**
 * Announces what an import wrote, inside its unit of work, so that the events commit with the
 * change (on a database, into the outbox) or not at all; or announces nothing, the default, since
 * a million-row migration rarely wants a million events.
 */
final class Announcer {
  private final EventPublisher events;
  private final IdGenerator ids;
  private final boolean enabled;

  Announcer(EventPublisher events, IdGenerator ids, boolean enabled) {
    this.events = events;
    this.ids = ids;
    this.enabled = enabled;
  }

  /** A {@link CustomerRegistered} for each new customer, at its creation time. */
  void registered(List<Customer> inserted) {
    if (enabled) {
      for (Customer customer : inserted) {
        events.publish(new CustomerRegistered(ids.newId(), customer.createdAt(), customer.id(), customer.kind()));
      }
    }
  }

  /** A {@link CustomerUpdated} for each written update, naming its changed attributes. */
  void updated(List<Planned> updated, Instant at) {
    if (enabled) {
      for (Planned update : updated) {
        Customer customer = update.customer();
        events.publish(new CustomerUpdated(ids.newId(), at, customer.id(), customer.version() + 1, update.changes()));
      }
    }
  }
}
