package io.crmkit.privacy;

import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.event.EventFamily;

/**
 * crm-privacy's event family: what privacy work changed about a customer (consent, erasure), for
 * other systems to follow (a mailing tool dropping a customer who withdrew consent, a copy elsewhere
 * erased too). Events carry ids and names, never personal data, so they may travel anywhere and
 * outlive an erasure.
 *
 * <p>Register {@link #FAMILY} with the JDBC store ({@code
 * JdbcOptions.builder().eventFamilies(PrivacyEvent.FAMILY)}) and with JSON mappers ({@code
 * CrmJson.newMapper(PrivacyEvent.FAMILY)}).
 */
public sealed interface PrivacyEvent extends DomainEvent permits ConsentChanged, CustomerErased {

  /** The family, named {@code privacy}. */
  EventFamily<PrivacyEvent> FAMILY = EventFamily.of("privacy", PrivacyEvent.class);
}
