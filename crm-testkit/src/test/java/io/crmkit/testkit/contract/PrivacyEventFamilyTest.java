package io.crmkit.testkit.contract;

import io.crmkit.core.event.EventFamily;
import io.crmkit.privacy.CustomerErased;
import io.crmkit.privacy.PrivacyEvent;
import io.crmkit.testkit.CrmArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** crm-privacy's event family meets the contract every module's family must meet. */
class PrivacyEventFamilyTest extends EventFamilyContract<PrivacyEvent> {
  @Override
  protected EventFamily<PrivacyEvent> family() {
    return PrivacyEvent.FAMILY;
  }

  @Override
  protected Arbitrary<? extends PrivacyEvent> events() {
    return Combinators.combine(CrmArbitraries.eventIds(), CrmArbitraries.instants(), CrmArbitraries.customerIds())
        .as(CustomerErased::new);
  }
}
