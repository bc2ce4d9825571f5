package io.crmkit.core.dedup;

import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.event.EventFamily;

/**
 * Deduplication's event family: what a merge or an unmerge changed about customers, for other
 * systems to follow (a data warehouse re-pointing the absorbed ids to the survivor). Events carry
 * ids only, never personal data. {@link #customerId()} is the survivor, so events about one
 * golden record stay in order with its customer events in the outbox.
 *
 * <p>Register {@link #FAMILY} with the JDBC store ({@code JdbcOptions.eventFamilies}) and with JSON
 * mappers ({@code CrmJson.newMapper(DedupEvent.FAMILY)}).
 */
public sealed interface DedupEvent extends DomainEvent permits CustomersMerged, MergeUndone {

  /** The family, named {@code dedup}. */
  EventFamily<DedupEvent> FAMILY = EventFamily.of("dedup", DedupEvent.class);
}
