package io.crmkit.privacy.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.privacy.consent.ContactDecision.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConsentValuesTest {
  private static final CustomerId ALICE = CustomerId.of(new UUID(0, 0xA));
  private static final Instant T1 = Instant.parse("2026-01-10T08:00:00Z");

  private static ConsentEntry entry(String evidence, String actor, Instant at) {
    return ConsentEntry.granted(ALICE, Purpose.MARKETING_EMAIL, ConsentSource.WEB_FORM, evidence, at, actor);
  }

  @Test
  void purposeAndSourceNamesAreLowerCaseIdentifiersUpToTheirLimit() {
    assertThat(Purpose.of("a".repeat(Purpose.MAX_NAME_LENGTH)).name()).hasSize(64);
    assertThatThrownBy(() -> Purpose.of("a".repeat(Purpose.MAX_NAME_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Purpose.of("Marketing")).hasMessageContaining("got 'Marketing'");
    assertThatThrownBy(() -> ConsentSource.of("1st_party")).isInstanceOf(IllegalArgumentException.class);
    assertThat(ConsentSource.of("a".repeat(ConsentSource.MAX_NAME_LENGTH)).toString()).hasSize(64);
  }

  @Test
  void anEntryNeedsEvidenceAndAnActorWithinTheirLimitsAndAStorableInstant() {
    assertThatCode(() -> entry("e".repeat(ConsentEntry.MAX_EVIDENCE_LENGTH), "a".repeat(ConsentEntry.MAX_ACTOR_LENGTH),
        ConsentEntry.MAX_OCCURRED_AT)).doesNotThrowAnyException();
    assertThatThrownBy(() -> entry("e".repeat(ConsentEntry.MAX_EVIDENCE_LENGTH + 1), "web", T1))
        .hasMessage("evidence must have at most 200 characters, got 201");
    assertThatThrownBy(() -> entry(" ", "web", T1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> entry("form", "a".repeat(ConsentEntry.MAX_ACTOR_LENGTH + 1), T1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> entry("form", "web", ConsentEntry.MIN_OCCURRED_AT.minusNanos(1)))
        .hasMessageContaining("years 1..9999");
    assertThatThrownBy(() -> new ConsentRecord(0, entry("form", "web", T1))).hasMessage("sequence must be positive, got 0");
  }

  @Test
  void aStateRefusesARecordOfAnotherCustomer() {
    ConsentRecord bobs = new ConsentRecord(1, ConsentEntry.granted(CustomerId.of(new UUID(0, 0xB)),
        Purpose.PROFILING, ConsentSource.IMPORT, "crm-export", T1, "migration"));

    assertThatThrownBy(() -> ConsentState.of(ALICE, List.of(bobs), T1)).hasMessageContaining("not of " + ALICE);
    assertThatThrownBy(() -> new ConsentState(ALICE, T1, Map.of(Purpose.PROFILING, bobs)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDecisionsRecordMustFitItsOutcome() {
    ConsentRecord granted = new ConsentRecord(1, entry("form", "web", T1));

    assertThatThrownBy(() -> new ContactDecision(ALICE, Purpose.MARKETING_EMAIL, ContactChannel.EMAIL, T1,
        Outcome.WITHDRAWN, Optional.of(granted))).hasMessageContaining("says GRANTED");
    assertThatThrownBy(() -> new ContactDecision(ALICE, Purpose.MARKETING_EMAIL, ContactChannel.EMAIL, T1,
        Outcome.NO_CONSENT, Optional.of(granted))).hasMessageContaining("has no deciding record");
    assertThatThrownBy(() -> new ContactDecision(ALICE, Purpose.MARKETING_EMAIL, ContactChannel.EMAIL,
        T1.minusNanos(1), Outcome.GRANTED, Optional.of(granted))).hasMessageContaining("took effect after");
  }

  @Test
  void rulesCoverExactlyTheChannelsNamed() {
    ContactRules rules = ContactRules.defaults().with(Purpose.MARKETING_SMS, ContactChannel.SMS,
        ContactChannel.MESSENGER);

    assertThat(rules.channelsOf(Purpose.MARKETING_SMS)).containsExactlyInAnyOrder(ContactChannel.SMS,
        ContactChannel.MESSENGER);
    assertThat(ContactRules.defaults().channelsOf(Purpose.MARKETING_SMS)).containsExactly(ContactChannel.SMS);
    assertThat(rules.channelsOf(Purpose.PROFILING)).isEmpty();
    assertThat(rules.covers(Purpose.MARKETING_EMAIL, ContactChannel.EMAIL)).isTrue();
    assertThat(rules.covers(Purpose.MARKETING_EMAIL, ContactChannel.POST)).isFalse();
  }
}
