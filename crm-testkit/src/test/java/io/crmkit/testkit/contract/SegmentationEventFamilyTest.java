package io.crmkit.testkit.contract;

import io.crmkit.core.event.EventFamily;
import io.crmkit.segmentation.SegmentationEvent;
import io.crmkit.segmentation.TierChanged;
import io.crmkit.segmentation.TierRemoved;
import io.crmkit.testkit.CrmArbitraries;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** crm-segmentation's event family meets the contract every module's family must meet. */
class SegmentationEventFamilyTest extends EventFamilyContract<SegmentationEvent> {
  @Override
  protected EventFamily<SegmentationEvent> family() {
    return SegmentationEvent.FAMILY;
  }

  @Override
  protected Arbitrary<? extends SegmentationEvent> events() {
    Arbitrary<TierChanged> changed = Combinators.combine(CrmArbitraries.eventIds(), CrmArbitraries.instants(),
            CrmArbitraries.customerIds(), Arbitraries.longs().between(1, Long.MAX_VALUE),
            CrmArbitraries.valueTiers().optional(), CrmArbitraries.valueTiers(),
            CrmArbitraries.text(TierChanged.MAX_REASON_LENGTH))
        .filter((e, t, c, v, from, to, reason) -> !from.equals(Optional.of(to)))
        .as(TierChanged::new);
    Arbitrary<TierRemoved> removed = Combinators.combine(CrmArbitraries.eventIds(), CrmArbitraries.instants(),
            CrmArbitraries.customerIds(), Arbitraries.longs().between(1, Long.MAX_VALUE), CrmArbitraries.valueTiers(),
            CrmArbitraries.text(TierChanged.MAX_REASON_LENGTH))
        .as(TierRemoved::new);
    return Arbitraries.oneOf(changed, removed);
  }
}
