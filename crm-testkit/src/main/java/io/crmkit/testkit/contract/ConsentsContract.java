package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.audit.AuditAction;
import io.crmkit.privacy.audit.AuditRecord;
import io.crmkit.privacy.consent.ConsentEntry;
import io.crmkit.privacy.consent.ConsentLedger;
import io.crmkit.privacy.consent.ConsentRecord;
import io.crmkit.privacy.consent.ConsentSource;
import io.crmkit.privacy.consent.ConsentState;
import io.crmkit.privacy.consent.ConsentStatus;
import io.crmkit.privacy.consent.Consents;
import io.crmkit.privacy.consent.ContactChannel;
import io.crmkit.privacy.consent.ContactDecision;
import io.crmkit.privacy.consent.Purpose;
import io.crmkit.testkit.CrmArbitraries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The contract of crm-privacy's {@link Consents}: records come back exactly as appended, in append
 * order per customer, with sequences increasing in append order (also across threads); {@link
 * Consents#deciding} picks, for many customers at once, the record {@link ConsentState} derives;
 * appends join the caller's transaction. Through {@link ConsentLedger} a change also writes its
 * audit entry in the same transaction. Extend it with a factory of a fresh, empty store with the
 * privacy capability attached, whose events can carry {@code PrivacyEvent.FAMILY}:
 *
 * <pre>{@code
 * class JdbcConsentsTest extends ConsentsContract {
 *   protected PrivacyStore newStore() {
 *     return emptyStore().attach(JdbcPrivacy.extension());
 *   }
 * }
 * }</pre>
 */
public abstract class ConsentsContract {
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123456789Z");
  private static final List<CustomerId> CUSTOMERS = List.of(customer(1), customer(2), customer(3));
  private static final List<Purpose> PURPOSES = List.of(Purpose.MARKETING_EMAIL, Purpose.MARKETING_SMS,
      Purpose.of("host_purpose_" + "x".repeat(Purpose.MAX_NAME_LENGTH - 13)));
  /** More than one chunk of the JDBC adapters' bulk reads. */
  private static final int CAMPAIGN_SIZE = 10_050;

  /** Called once per example or property try. */
  protected abstract PrivacyStore newStore();

  private static CustomerId customer(long n) {
    return CustomerId.of(new UUID(0xC0, n));
  }

  @Example
  void anEmptyLedgerHasNoHistoryAndDecidesNothing() {
    Consents consents = newStore().consents();

    assertThat(consents.history(CUSTOMERS.get(0))).isEmpty();
    assertThat(consents.deciding(CUSTOMERS, Purpose.MARKETING_EMAIL, T0)).isEmpty();
    assertThat(consents.deciding(List.of(), Purpose.MARKETING_EMAIL, T0)).isEmpty();
  }

  @Property(tries = 15)
  public void appendedRecordsComeBackExactlyInAppendOrderWithIncreasingSequences(
      @ForAll("exactEntries") List<ConsentEntry> entries) {
    Consents consents = newStore().consents();

    List<ConsentRecord> appended = entries.stream().map(consents::append).toList();

    assertThat(appended).extracting(ConsentRecord::entry).containsExactlyElementsOf(entries);
    for (int i = 1; i < appended.size(); i++) {
      assertThat(appended.get(i).sequence()).isGreaterThan(appended.get(i - 1).sequence());
    }
    for (CustomerId customer : CUSTOMERS) {
      assertThat(consents.history(customer))
          .containsExactlyElementsOf(appended.stream().filter(r -> r.entry().customer().equals(customer)).toList());
    }
  }

  @Property(tries = 15)
  public void decidingPicksTheRecordTheDerivedStatePicksForEveryCustomer(
      @ForAll("outOfOrderEntries") List<ConsentEntry> entries, @ForAll("offsets") List<Integer> offsets) {
    Consents consents = newStore().consents();
    entries.forEach(consents::append);
    List<CustomerId> asked = new ArrayList<>(CUSTOMERS);
    asked.add(customer(99));

    for (int offset : offsets) {
      Instant at = T0.plusSeconds(offset);
      for (Purpose purpose : PURPOSES) {
        Map<CustomerId, ConsentRecord> expected = new HashMap<>();
        for (CustomerId customer : asked) {
          ConsentState.decidingRecord(consents.history(customer), purpose, at)
              .ifPresent(record -> expected.put(customer, record));
        }
        assertThat(consents.deciding(asked, purpose, at)).as("%s at %s", purpose, at).isEqualTo(expected);
      }
    }
  }

  @Example
  void decidingIsExactToTheNanosecondAndPrefersTheLaterRecordOnATie() {
    Consents consents = newStore().consents();
    CustomerId alice = CUSTOMERS.get(0);
    ConsentRecord granted = consents.append(entry(alice, ConsentStatus.GRANTED, T0));
    ConsentRecord withdrawn = consents.append(entry(alice, ConsentStatus.WITHDRAWN, T0.plusNanos(1)));
    ConsentRecord regranted = consents.append(entry(alice, ConsentStatus.GRANTED, T0.plusNanos(1)));

    assertThat(consents.deciding(List.of(alice), Purpose.MARKETING_EMAIL, T0.minusNanos(1))).isEmpty();
    assertThat(consents.deciding(List.of(alice), Purpose.MARKETING_EMAIL, T0)).containsEntry(alice, granted);
    assertThat(consents.deciding(List.of(alice), Purpose.MARKETING_EMAIL, T0.plusNanos(1)))
        .containsEntry(alice, regranted).doesNotContainValue(withdrawn);
    assertThat(consents.deciding(List.of(alice), Purpose.MARKETING_SMS, T0.plusSeconds(1))).isEmpty();
  }

  @Example
  void aCampaignOfMoreThanOneChunkOfCustomersIsAnsweredWhole() {
    Consents consents = newStore().consents();
    List<CustomerId> campaign = IntStream.range(0, CAMPAIGN_SIZE).mapToObj(ConsentsContract::customer).toList();
    Set<CustomerId> consented = new LinkedHashSet<>(List.of(campaign.get(0), campaign.get(CAMPAIGN_SIZE / 2),
        campaign.get(CAMPAIGN_SIZE - 1)));
    Map<CustomerId, ConsentRecord> expected = new HashMap<>();
    consented.forEach(id -> expected.put(id, consents.append(entry(id, ConsentStatus.GRANTED, T0))));

    assertThat(consents.deciding(campaign, Purpose.MARKETING_EMAIL, T0)).isEqualTo(expected);
  }

  @Example
  void concurrentAppendsGetDistinctSequencesAndAllKeepTheirRecords() {
    PrivacyStore store = newStore();
    Consents consents = store.consents();

    List<List<ConsentRecord>> perThread = Concurrently.run(4, thread -> () -> {
      List<ConsentRecord> mine = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        mine.add(consents.append(entry(CUSTOMERS.get(thread % 2), ConsentStatus.values()[i % 2],
            T0.plusSeconds(i))));
      }
      return mine;
    });

    List<ConsentRecord> all = perThread.stream().flatMap(List::stream).toList();
    assertThat(all).extracting(ConsentRecord::sequence).doesNotHaveDuplicates();
    List<ConsentRecord> stored = new ArrayList<>(consents.history(CUSTOMERS.get(0)));
    stored.addAll(consents.history(CUSTOMERS.get(1)));
    assertThat(stored).containsExactlyInAnyOrderElementsOf(all);
  }

  @Example
  void aRolledBackTransactionLeavesNoRecord() {
    PrivacyStore store = newStore();
    CustomerId alice = CUSTOMERS.get(0);
    ConsentRecord kept = store.consents().append(entry(alice, ConsentStatus.GRANTED, T0));

    assertThatThrownBy(() -> store.base().transactions().inTransaction(() -> {
      store.consents().append(entry(alice, ConsentStatus.WITHDRAWN, T0.plusSeconds(1)));
      throw new IllegalStateException("unsubscribe failed");
    })).isInstanceOf(IllegalStateException.class).hasMessage("unsubscribe failed");

    assertThat(store.consents().history(alice)).containsExactly(kept);
    assertThat(store.consents().deciding(List.of(alice), Purpose.MARKETING_EMAIL, T0.plusSeconds(2)))
        .containsEntry(alice, kept);
  }

  @Example
  void theLedgerRecordsAChangeWithItsAuditEntryOrNeither() {
    PrivacyStore store = newStore();
    ConsentLedger ledger = ConsentLedger.builder().store(store).build();
    CustomerId alice = CUSTOMERS.get(0);

    ConsentRecord granted = ledger.record(entry(alice, ConsentStatus.GRANTED, T0));
    assertThatThrownBy(() -> store.base().transactions().inTransaction(() -> {
      ledger.record(entry(alice, ConsentStatus.WITHDRAWN, T0.plusSeconds(1)));
      throw new IllegalStateException("rolled back");
    })).hasMessage("rolled back");

    assertThat(ledger.history(alice)).containsExactly(granted);
    assertThat(store.auditLog().forCustomer(alice, TimeRange.all())).singleElement()
        .extracting(AuditRecord::entry).satisfies(audit -> {
          assertThat(audit.action()).isEqualTo(AuditAction.CONSENT_CHANGE);
          assertThat(audit.target()).isEqualTo("consent.marketing_email");
        });
    ContactDecision decision = ledger.mayContact(alice, Purpose.MARKETING_EMAIL, ContactChannel.EMAIL,
        T0.plusSeconds(5));
    assertThat(decision.allowed()).isTrue();
    assertThat(decision.decidedBy()).contains(granted);
  }

  private static ConsentEntry entry(CustomerId customer, ConsentStatus status, Instant at) {
    return new ConsentEntry(customer, Purpose.MARKETING_EMAIL, status, ConsentSource.WEB_FORM, "form-v3", at,
        "contract");
  }

  @Provide
  Arbitrary<List<Integer>> offsets() {
    return Arbitraries.integers().between(-1, 11).list().ofMinSize(1).ofMaxSize(4);
  }

  /** Entries with every awkward value a column must keep: any script, limits, years 1 and 9999, nanoseconds. */
  @Provide
  Arbitrary<List<ConsentEntry>> exactEntries() {
    Arbitrary<Instant> instants = Arbitraries.oneOf(CrmArbitraries.instants(),
        Arbitraries.of(ConsentEntry.MIN_OCCURRED_AT, ConsentEntry.MAX_OCCURRED_AT, T0));
    Arbitrary<ConsentSource> sources = Arbitraries.oneOf(Arbitraries.of(ConsentSource.WEB_FORM, ConsentSource.IMPORT),
        Arbitraries.just(ConsentSource.of("s".repeat(ConsentSource.MAX_NAME_LENGTH))));
    return Combinators.combine(Arbitraries.of(CUSTOMERS), Arbitraries.of(PURPOSES), Arbitraries.of(ConsentStatus.class),
            sources, CrmArbitraries.text(ConsentEntry.MAX_EVIDENCE_LENGTH), instants,
            CrmArbitraries.text(ConsentEntry.MAX_ACTOR_LENGTH))
        .as(ConsentEntry::new).list().ofMinSize(1).ofMaxSize(10);
  }

  /** Entries at a few instants, appended in random order, so that backdating and ties are common. */
  @Provide
  Arbitrary<List<ConsentEntry>> outOfOrderEntries() {
    return Combinators.combine(Arbitraries.of(CUSTOMERS), Arbitraries.of(PURPOSES), Arbitraries.of(ConsentStatus.class),
            Arbitraries.integers().between(0, 10), Arbitraries.integers().between(0, 2))
        .as((customer, purpose, status, second, nanos) -> new ConsentEntry(customer, purpose, status,
            ConsentSource.IMPORT, "batch-" + second, T0.plusSeconds(second).plusNanos(nanos), "import"))
        .list().ofMaxSize(30);
  }
}
