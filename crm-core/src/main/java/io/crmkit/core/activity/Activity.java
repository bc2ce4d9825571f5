package io.crmkit.core.activity;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;

/** Something a customer did at a point in time. */
public interface Activity {
  ActivityId id();

  CustomerId customerId();

  Instant occurredAt();
}
