package io.crmkit.testkit.contract;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.dedup.CustomersMerged;
import io.crmkit.core.dedup.DedupEvent;
import io.crmkit.core.dedup.MergeUndone;
import io.crmkit.core.event.EventFamily;
import io.crmkit.testkit.CrmArbitraries;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Deduplication's event family meets the contract every module's family must meet. */
class DedupEventFamilyTest extends EventFamilyContract<DedupEvent> {
  @Override
  protected EventFamily<DedupEvent> family() {
    return DedupEvent.FAMILY;
  }

  @Override
  protected Arbitrary<? extends DedupEvent> events() {
    Arbitrary<List<CustomerId>> others = CrmArbitraries.customerIds().list().ofMinSize(1).ofMaxSize(5).uniqueElements();
    Arbitrary<CustomersMerged> merged = Combinators.combine(CrmArbitraries.eventIds(), CrmArbitraries.instants(),
            CrmArbitraries.customerIds(), Arbitraries.longs().between(1, Long.MAX_VALUE), CrmArbitraries.eventIds(),
            others)
        .filter((e, t, c, v, m, o) -> !o.contains(c))
        .as(CustomersMerged::new);
    Arbitrary<MergeUndone> undone = Combinators.combine(CrmArbitraries.eventIds(), CrmArbitraries.instants(),
            CrmArbitraries.customerIds(), Arbitraries.longs().between(1, Long.MAX_VALUE), CrmArbitraries.eventIds(),
            others)
        .filter((e, t, c, v, m, o) -> !o.contains(c))
        .as(MergeUndone::new);
    return Arbitraries.oneOf(merged, undone);
  }
}
