package io.crmkit.privacy;

import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.event.EventFamily;

/**
 * crm-privacy's event family: what privacy changed about customers (erasures, consent), for other
 * systems to follow, so that a copy of a customer's data elsewhere can be erased too. Events carry
 * ids and times, never personal data: they outlive the data they are about.
 *
 * <p>Register {@link #FAMILY} with the JDBC store
 * ({@code JdbcOptions.builder().eventFamilies(PrivacyEvent.FAMILY)}) and with JSON mappers
 * ({@code CrmJson.newMapper(PrivacyEvent.FAMILY)}).
 */
public sealed interface PrivacyEvent extends DomainEvent permits CustomerErased {

  /** The family, named {@code privacy}. */
  EventFamily<PrivacyEvent> FAMILY = EventFamily.of("privacy", PrivacyEvent.class);
}
