package io.crmkit.testkit.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.event.EventFamily;
import io.crmkit.core.json.CrmJson;
import net.jqwik.api.Arbitrary;

/**
 * Runs of {@link EventFamilyContract} with one realistic mistake each, for {@link
 * ContractsCatchBrokenAdaptersTest}. Nested classes, so Surefire does not run them itself.
 */
final class BrokenEventFamilies {
  private BrokenEventFamilies() {}

  /** The host's mapper was never given the family: its events write but do not read back. */
  static class UnregisteredFamilyRun extends EventFamilyContract<TestEvents> {
    @Override
    protected EventFamily<TestEvents> family() {
      return TestEvents.FAMILY;
    }

    @Override
    protected Arbitrary<TestEvents> events() {
      return TestEvents.events();
    }

    @Override
    protected ObjectMapper mapper() {
      return CrmJson.newMapper();
    }
  }

  /** The arbitrary forgot a type that was added to the family later. */
  static class ForgottenTypeRun extends EventFamilyContract<TestEvents> {
    @Override
    protected EventFamily<TestEvents> family() {
      return TestEvents.FAMILY;
    }

    @Override
    protected Arbitrary<TestEvents.TagAdded> events() {
      return TestEvents.tagsAdded();
    }
  }
}
