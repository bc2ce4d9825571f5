package io.crmkit.testkit.contract;

import io.crmkit.core.event.EventFamily;
import io.crmkit.privacy.ConsentChanged;
import io.crmkit.privacy.CustomerErased;
import io.crmkit.privacy.PrivacyEvent;
import io.crmkit.privacy.consent.ConsentSource;
import io.crmkit.privacy.consent.ConsentStatus;
import io.crmkit.privacy.consent.Purpose;
import io.crmkit.testkit.CrmArbitraries;
import net.jqwik.api.Arbitraries;
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
    return Arbitraries.oneOf(consentChanges(), erasures());
  }

  private static Arbitrary<ConsentChanged> consentChanges() {
    Arbitrary<Purpose> purposes = Arbitraries.oneOf(Arbitraries.of(Purpose.MARKETING_EMAIL, Purpose.PROFILING),
        Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('_').ofMaxLength(Purpose.MAX_NAME_LENGTH - 1)
            .map(rest -> Purpose.of("p" + rest)));
    Arbitrary<ConsentSource> sources = Arbitraries.of(ConsentSource.WEB_FORM, ConsentSource.IMPORT,
        ConsentSource.of("partner_portal"));
    return Combinators.combine(CrmArbitraries.eventIds(), CrmArbitraries.instants(), CrmArbitraries.customerIds(),
            purposes, Arbitraries.of(ConsentStatus.class), sources)
        .as(ConsentChanged::new);
  }

  private static Arbitrary<CustomerErased> erasures() {
    return Combinators.combine(CrmArbitraries.eventIds(), CrmArbitraries.instants(), CrmArbitraries.customerIds())
        .as(CustomerErased::new);
  }
}
