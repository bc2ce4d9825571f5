package io.crmkit.testkit.contract;

import io.crmkit.core.event.EventFamily;
import net.jqwik.api.Arbitrary;

/** A family declared outside crm-core, as another module's would be, meets the contract. */
class TestEventFamilyTest extends EventFamilyContract<TestEvents> {
  @Override
  protected EventFamily<TestEvents> family() {
    return TestEvents.FAMILY;
  }

  @Override
  protected Arbitrary<TestEvents> events() {
    return TestEvents.events();
  }
}
