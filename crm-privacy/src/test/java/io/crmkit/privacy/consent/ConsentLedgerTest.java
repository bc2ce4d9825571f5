package io.crmkit.privacy.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.privacy.ConsentChanged;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.audit.AuditAction;
import io.crmkit.privacy.audit.AuditRecord;
import io.crmkit.privacy.consent.ContactDecision.Outcome;
import io.crmkit.privacy.memory.InMemoryPrivacy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsentLedgerTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-10T08:00:00Z");
  private static final Instant T2 = Instant.parse("2026-03-10T08:00:00Z");
  private static final CustomerId ALICE = CustomerId.of(new UUID(0, 0xA));
  private static final CustomerId BOB = CustomerId.of(new UUID(0, 0xB));

  private InMemoryCrmStore base;
  private PrivacyStore privacy;
  private ConsentLedger ledger;
  private final List<DomainEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    base = InMemoryCrmStore.create();
    privacy = base.attach(InMemoryPrivacy.extension());
    ledger = ConsentLedger.builder().store(privacy).clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .ids(() -> new UUID(1, events.size() + 1)).build();
    base.events().subscribe(events::add);
  }

  private static ConsentEntry grant(CustomerId customer, Purpose purpose, Instant at) {
    return ConsentEntry.granted(customer, purpose, ConsentSource.WEB_FORM, "signup-form-v3", at, "web");
  }

  private static ConsentEntry withdraw(CustomerId customer, Purpose purpose, Instant at) {
    return ConsentEntry.withdrawn(customer, purpose, ConsentSource.MESSAGE_LINK, "unsubscribe-link", at, "mailer");
  }

  @Test
  void withoutAnyRecordNobodyMayBeContactedBecauseConsentIsOptIn() {
    ContactDecision decision = ledger.mayContact(ALICE, Purpose.MARKETING_EMAIL, ContactChannel.EMAIL);

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.outcome()).isEqualTo(Outcome.NO_CONSENT);
    assertThat(decision.decidedBy()).isEmpty();
    assertThat(decision.at()).isEqualTo(NOW);
    assertThat(decision.explanation()).contains("no consent to marketing_email").contains("opt-in");
    assertThat(ledger.stateOf(ALICE).granted()).isEmpty();
  }

  @Test
  void aGrantAllowsContactOnItsChannelAndNamesTheRecordThatDecided() {
    ConsentRecord granted = ledger.record(grant(ALICE, Purpose.MARKETING_EMAIL, T1));

    ContactDecision decision = ledger.mayContact(ALICE, Purpose.MARKETING_EMAIL, ContactChannel.EMAIL);

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.outcome()).isEqualTo(Outcome.GRANTED);
    assertThat(decision.decidedBy()).contains(granted);
    assertThat(decision.explanation()).startsWith("Yes: marketing_email granted at " + T1)
        .contains("web_form").contains("signup-form-v3").contains("record " + granted.sequence());
  }

  @Test
  void aMarketingEmailConsentDoesNotCoverAnSmsOrACall() {
    ledger.record(grant(ALICE, Purpose.MARKETING_EMAIL, T1));

    ContactDecision sms = ledger.mayContact(ALICE, Purpose.MARKETING_EMAIL, ContactChannel.SMS);
    ContactDecision smsPurpose = ledger.mayContact(ALICE, Purpose.MARKETING_SMS, ContactChannel.SMS);

    assertThat(sms.outcome()).isEqualTo(Outcome.CHANNEL_NOT_COVERED);
    assertThat(sms.explanation()).isEqualTo("No: consent to marketing_email does not cover contact by SMS.");
    assertThat(smsPurpose.outcome()).isEqualTo(Outcome.NO_CONSENT);
    assertThat(ledger.mayContact(ALICE, Purpose.MARKETING_PHONE, ContactChannel.PHONE).allowed()).isFalse();
  }

  @Test
  void profilingAndSharingCoverNoChannelEvenWhenGranted() {
    ledger.record(grant(ALICE, Purpose.PROFILING, T1));
    ledger.record(grant(ALICE, Purpose.THIRD_PARTY_SHARING, T1));

    assertThat(ledger.stateOf(ALICE).granted()).containsExactlyInAnyOrder(Purpose.PROFILING,
        Purpose.THIRD_PARTY_SHARING);
    for (ContactChannel channel : ContactChannel.values()) {
      assertThat(ledger.mayContact(ALICE, Purpose.PROFILING, channel).outcome())
          .isEqualTo(Outcome.CHANNEL_NOT_COVERED);
      assertThat(ledger.mayContact(ALICE, Purpose.THIRD_PARTY_SHARING, channel).outcome())
          .isEqualTo(Outcome.CHANNEL_NOT_COVERED);
    }
  }

  @Test
  void aLaterWithdrawalWinsButTheGrantStillDecidesTheTimeBeforeIt() {
    ConsentRecord granted = ledger.record(grant(ALICE, Purpose.MARKETING_SMS, T1));
    ConsentRecord withdrawn = ledger.record(withdraw(ALICE, Purpose.MARKETING_SMS, T2));

    ContactDecision now = ledger.mayContact(ALICE, Purpose.MARKETING_SMS, ContactChannel.SMS);
    ContactDecision between = ledger.mayContact(ALICE, Purpose.MARKETING_SMS, ContactChannel.SMS, T2.minusNanos(1));
    ContactDecision before = ledger.mayContact(ALICE, Purpose.MARKETING_SMS, ContactChannel.SMS, T1.minusNanos(1));

    assertThat(now.outcome()).isEqualTo(Outcome.WITHDRAWN);
    assertThat(now.decidedBy()).contains(withdrawn);
    assertThat(now.explanation()).startsWith("No: marketing_sms withdrawn at " + T2)
        .contains("unsubscribe-link").doesNotContain("mailer");
    assertThat(between.decidedBy()).contains(granted);
    assertThat(between.allowed()).isTrue();
    assertThat(before.outcome()).isEqualTo(Outcome.NO_CONSENT);
  }

  @Test
  void aBackdatedImportDoesNotOverrideANewerDecisionButFillsInThePast() {
    ConsentRecord withdrawn = ledger.record(withdraw(ALICE, Purpose.MARKETING_EMAIL, T2));
    ConsentRecord imported = ledger.record(ConsentEntry.granted(ALICE, Purpose.MARKETING_EMAIL, ConsentSource.IMPORT,
        "paper-archive-2026-01", T1, "migration"));

    assertThat(ledger.stateOf(ALICE).decidedBy(Purpose.MARKETING_EMAIL)).contains(withdrawn);
    assertThat(ledger.stateOf(ALICE, T1).decidedBy(Purpose.MARKETING_EMAIL)).contains(imported);
    assertThat(ledger.history(ALICE)).containsExactly(withdrawn, imported);
  }

  @Test
  void ofTwoRecordsAtTheSameInstantTheOneRecordedLaterDecides() {
    ledger.record(grant(ALICE, Purpose.MARKETING_EMAIL, T1));
    ConsentRecord later = ledger.record(withdraw(ALICE, Purpose.MARKETING_EMAIL, T1));

    assertThat(ledger.mayContact(ALICE, Purpose.MARKETING_EMAIL, ContactChannel.EMAIL, T1).decidedBy())
        .contains(later);
  }

  @Test
  void recordingAuditsTheChangeAndPublishesAnEventWithoutPersonalData() {
    ConsentRecord record = ledger.record(grant(ALICE, Purpose.MARKETING_EMAIL, T1));

    List<AuditRecord> audit = privacy.auditLog().forCustomer(ALICE, TimeRange.all());
    assertThat(audit).singleElement().satisfies(entry -> {
      assertThat(entry.entry().action()).isEqualTo(AuditAction.CONSENT_CHANGE);
      assertThat(entry.entry().actor()).isEqualTo("web");
      assertThat(entry.entry().target()).isEqualTo("consent.marketing_email");
      assertThat(entry.entry().occurredAt()).isEqualTo(NOW);
      assertThat(entry.entry().reason()).contains("granted via web_form at " + T1)
          .contains("signup-form-v3").contains("ledger record " + record.sequence());
    });
    assertThat(events).containsExactly(new ConsentChanged(new UUID(1, 1), T1, ALICE, Purpose.MARKETING_EMAIL,
        ConsentStatus.GRANTED, ConsentSource.WEB_FORM));
  }

  @Test
  void aRolledBackTransactionLeavesNoRecordNoAuditEntryAndNoEvent() {
    assertThatThrownBy(() -> base.transactions().inTransaction(() -> {
      ledger.record(grant(ALICE, Purpose.MARKETING_EMAIL, T1));
      throw new IllegalStateException("signup failed");
    })).hasMessage("signup failed");

    assertThat(ledger.history(ALICE)).isEmpty();
    assertThat(privacy.auditLog().inRange(TimeRange.all())).isEmpty();
    assertThat(events).isEmpty();
    assertThat(ledger.mayContact(ALICE, Purpose.MARKETING_EMAIL, ContactChannel.EMAIL).allowed()).isFalse();
  }

  @Test
  void hostRulesLetAPurposeOfTheirOwnCoverTheChannelsTheyName() {
    Purpose wechat = Purpose.of("wechat_marketing");
    ConsentLedger hostLedger = ConsentLedger.builder().store(privacy).clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .rules(ContactRules.defaults().with(wechat, ContactChannel.MESSENGER)).build();
    hostLedger.record(grant(ALICE, wechat, T1));

    assertThat(hostLedger.mayContact(ALICE, wechat, ContactChannel.MESSENGER).allowed()).isTrue();
    assertThat(hostLedger.mayContact(ALICE, wechat, ContactChannel.SMS).outcome())
        .isEqualTo(Outcome.CHANNEL_NOT_COVERED);
    assertThat(ledger.mayContact(ALICE, wechat, ContactChannel.MESSENGER).outcome())
        .isEqualTo(Outcome.CHANNEL_NOT_COVERED);
  }

  @Test
  void aCampaignGetsOneDecisionPerDistinctCustomerInTheOrderAsked() {
    CustomerId carol = CustomerId.of(new UUID(0, 0xC));
    ledger.record(grant(ALICE, Purpose.MARKETING_EMAIL, T1));
    ledger.record(grant(BOB, Purpose.MARKETING_EMAIL, T1));
    ledger.record(withdraw(BOB, Purpose.MARKETING_EMAIL, T2));

    Map<CustomerId, ContactDecision> decisions = ledger.mayContact(List.of(carol, BOB, ALICE, BOB),
        Purpose.MARKETING_EMAIL, ContactChannel.EMAIL, NOW);

    assertThat(decisions.keySet()).containsExactly(carol, BOB, ALICE);
    assertThat(decisions.values()).extracting(ContactDecision::outcome)
        .containsExactly(Outcome.NO_CONSENT, Outcome.WITHDRAWN, Outcome.GRANTED);
    decisions.forEach((id, decision) -> assertThat(decision)
        .isEqualTo(ledger.mayContact(id, Purpose.MARKETING_EMAIL, ContactChannel.EMAIL, NOW)));
  }
}
