package io.crmkit.segmentation;

import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.event.EventFamily;

/**
 * crm-segmentation's event family: what segmentation changed about customers, for other systems to
 * follow (a campaign tool reacting to a customer becoming VIP). Events carry ids and tier names,
 * never personal data; {@link #customerId()} is the customer changed, so its events stay in order
 * with its customer events in the outbox.
 *
 * <p>Register {@link #FAMILY} with the JDBC store
 * ({@code JdbcOptions.builder().eventFamilies(SegmentationEvent.FAMILY)}) and with JSON mappers
 * ({@code CrmJson.newMapper(SegmentationEvent.FAMILY)}).
 */
public sealed interface SegmentationEvent extends DomainEvent permits TierChanged, TierRemoved {

  /** The family, named {@code segmentation}. */
  EventFamily<SegmentationEvent> FAMILY = EventFamily.of("segmentation", SegmentationEvent.class);
}
