package io.crmkit.testkit;

import io.crmkit.core.customer.CustomerChanges;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.event.CustomerRegistered;
import io.crmkit.core.event.CustomerEvent;
import io.crmkit.core.event.CustomerUpdated;
import io.crmkit.core.event.StageChanged;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Every kind of {@link CustomerEvent}, with the attribute changes that two real customers differ by. */
final class EventArbitraries {
  private EventArbitraries() {}

  static Arbitrary<CustomerEvent> customerEvents() {
    return Arbitraries.oneOf(customerRegistered(), customerUpdated(), stageChanged());
  }

  static Arbitrary<CustomerRegistered> customerRegistered() {
    return Combinators.combine(IdentifierArbitraries.uuids(), TimeArbitraries.instants(),
            IdentifierArbitraries.customerIds(), Arbitraries.of(CustomerKind.class))
        .as(CustomerRegistered::new);
  }

  static Arbitrary<CustomerUpdated> customerUpdated() {
    return Combinators.combine(IdentifierArbitraries.uuids(), TimeArbitraries.instants(),
            IdentifierArbitraries.customerIds(), Arbitraries.longs().between(2, 10_000),
            Combinators.combine(CustomerArbitraries.newCustomers(), CustomerArbitraries.newCustomers())
                .as(CustomerChanges::between))
        .as(CustomerUpdated::new);
  }

  static Arbitrary<StageChanged> stageChanged() {
    return Combinators.combine(IdentifierArbitraries.uuids(), TimeArbitraries.instants(),
            IdentifierArbitraries.customerIds(), Arbitraries.longs().between(2, 10_000),
            CrmArbitraries.lifecycleStages(), CrmArbitraries.lifecycleStages(),
            Arbitraries.of("FIRST_PURCHASE", "REPEAT_PURCHASE", "INACTIVITY", "COMPLAINT", "MANUAL"))
        .as(StageChanged::new);
  }
}
