package io.crmkit.privacy.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.privacy.memory.InMemoryPrivacy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The state derived from a ledger is what a naive replay gives: sort the records by the instant the
 * customer decided (then by sequence), apply those at or before the instant one by one, and keep
 * the last per purpose. Histories are recorded out of order (backdated imports, ties on the
 * instant), so the two orders disagree often.
 */
class ConsentStateProperties {
  private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
  private static final List<Purpose> PURPOSES = List.of(Purpose.MARKETING_EMAIL, Purpose.MARKETING_SMS,
      Purpose.PROFILING);
  private static final List<CustomerId> CUSTOMERS = List.of(CustomerId.of(new UUID(0, 1)),
      CustomerId.of(new UUID(0, 2)), CustomerId.of(new UUID(0, 3)));

  /** What the naive replay of {@code records} says each purpose is at {@code at}. */
  private static Map<Purpose, ConsentRecord> replay(List<ConsentRecord> records, Instant at) {
    List<ConsentRecord> inTimeOrder = new ArrayList<>(records);
    inTimeOrder.sort(Comparator.comparing((ConsentRecord r) -> r.entry().occurredAt())
        .thenComparingLong(ConsentRecord::sequence));
    Map<Purpose, ConsentRecord> state = new HashMap<>();
    for (ConsentRecord record : inTimeOrder) {
      if (record.entry().occurredAt().isAfter(at)) {
        break;
      }
      state.put(record.entry().purpose(), record);
    }
    return state;
  }

  @Property(tries = 300)
  void theDerivedStateEqualsANaiveReplayWhateverOrderTheLedgerIsReadIn(
      @ForAll("histories") List<ConsentEntry> history, @ForAll("offsets") int atOffset, @ForAll long seed) {
    CustomerId customer = CUSTOMERS.get(0);
    List<ConsentRecord> ledger = new ArrayList<>();
    for (ConsentEntry entry : history) {
      ledger.add(new ConsentRecord(ledger.size() + 1, withCustomer(entry, customer)));
    }
    Instant at = BASE.plusSeconds(atOffset);
    List<ConsentRecord> shuffled = new ArrayList<>(ledger);
    Collections.shuffle(shuffled, new Random(seed));

    ConsentState state = ConsentState.of(customer, shuffled, at);

    Map<Purpose, ConsentRecord> expected = replay(ledger, at);
    assertThat(state.deciding()).isEqualTo(expected);
    for (Purpose purpose : PURPOSES) {
      assertThat(ConsentState.decidingRecord(shuffled, purpose, at)).isEqualTo(state.decidedBy(purpose));
      assertThat(state.isGranted(purpose)).isEqualTo(expected.containsKey(purpose)
          && expected.get(purpose).entry().status() == ConsentStatus.GRANTED);
    }
  }

  @Property(tries = 60)
  void theLedgerOfAStoreAnswersMayContactAsTheReplayDoes(@ForAll("histories") List<ConsentEntry> history,
      @ForAll("offsets") int atOffset) {
    ConsentLedger ledger = ConsentLedger.builder()
        .store(InMemoryCrmStore.create().attach(InMemoryPrivacy.extension())).build();
    history.forEach(ledger::record);
    Instant at = BASE.plusSeconds(atOffset);

    Map<CustomerId, ContactDecision> campaign = ledger.mayContact(CUSTOMERS, Purpose.MARKETING_EMAIL,
        ContactChannel.EMAIL, at);

    for (CustomerId customer : CUSTOMERS) {
      ConsentRecord expected = replay(ledger.history(customer), at).get(Purpose.MARKETING_EMAIL);
      ContactDecision decision = campaign.get(customer);
      assertThat(decision.decidedBy().orElse(null)).isEqualTo(expected);
      assertThat(decision.allowed()).isEqualTo(expected != null && expected.entry().grants());
      assertThat(ledger.mayContact(customer, Purpose.MARKETING_EMAIL, ContactChannel.EMAIL, at)).isEqualTo(decision);
      assertThat(ledger.stateOf(customer, at).deciding()).isEqualTo(replay(ledger.history(customer), at));
    }
  }

  private static ConsentEntry withCustomer(ConsentEntry entry, CustomerId customer) {
    return new ConsentEntry(customer, entry.purpose(), entry.status(), entry.source(), entry.evidence(),
        entry.occurredAt(), entry.actor());
  }

  @Provide
  Arbitrary<Integer> offsets() {
    return Arbitraries.integers().between(-1, 21);
  }

  /** Entries in recording order, at instants from a narrow range (ties) in random order (backdating). */
  @Provide
  Arbitrary<List<ConsentEntry>> histories() {
    Arbitrary<ConsentEntry> entries = Combinators.combine(Arbitraries.of(CUSTOMERS), Arbitraries.of(PURPOSES),
            Arbitraries.of(ConsentStatus.class), Arbitraries.of(ConsentSource.WEB_FORM, ConsentSource.IMPORT),
            Arbitraries.integers().between(0, 20))
        .as((customer, purpose, status, source, second) -> new ConsentEntry(customer, purpose, status, source,
            "evidence-" + second, BASE.plusSeconds(second), "actor"));
    return entries.list().ofMaxSize(25);
  }
}
