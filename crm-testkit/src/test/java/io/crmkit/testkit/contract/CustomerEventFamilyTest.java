package io.crmkit.testkit.contract;

import io.crmkit.core.event.CustomerEvent;
import io.crmkit.core.event.EventFamily;
import io.crmkit.testkit.CrmArbitraries;
import net.jqwik.api.Arbitrary;

/** crm-core's own family meets the contract every module's family must meet. */
class CustomerEventFamilyTest extends EventFamilyContract<CustomerEvent> {
  @Override
  protected EventFamily<CustomerEvent> family() {
    return CustomerEvent.FAMILY;
  }

  @Override
  protected Arbitrary<CustomerEvent> events() {
    return CrmArbitraries.customerEvents();
  }
}
