package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.audit.AuditAction;
import io.crmkit.privacy.audit.AuditChain;
import io.crmkit.privacy.audit.AuditEntry;
import io.crmkit.privacy.audit.AuditLog;
import io.crmkit.privacy.audit.AuditRecord;
import io.crmkit.privacy.audit.AuditVerification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The contract of crm-privacy's {@link AuditLog}: records come back exactly as appended and chained
 * as {@link AuditChain} says, reads select by customer and half-open time range in chain order,
 * concurrent appends from several threads (each in its own transactions) form one intact chain,
 * and a rolled-back transaction leaves no entry. Extend it with a factory of a fresh, empty store
 * with the privacy capability attached:
 *
 * <pre>{@code
 * class JdbcAuditLogTest extends AuditLogContract {
 *   protected PrivacyStore newStore() {
 *     return emptyStore().attach(JdbcPrivacy.extension());
 *   }
 * }
 * }</pre>
 */
public abstract class AuditLogContract {
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123456789Z");
  private static final CustomerId ALICE = CustomerId.of(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
  private static final CustomerId BOB = CustomerId.of(UUID.fromString("00000000-0000-0000-0000-00000000000b"));
  private static final int THREADS = 4;
  private static final int PER_THREAD = 15;

  /** Called once per example or property try. */
  protected abstract PrivacyStore newStore();

  @Example
  void anEmptyLogHasNoHeadAndVerifies() {
    AuditLog log = newStore().auditLog();

    assertThat(log.head()).isEmpty();
    assertThat(log.verify()).isEqualTo(new AuditVerification(0, Optional.empty()));
  }

  @Property(tries = 15)
  void appendedEntriesComeBackExactlyInOneVerifiedChain(@ForAll("entryLists") List<AuditEntry> entries) {
    AuditLog log = newStore().auditLog();

    List<AuditRecord> appended = entries.stream().map(log::append).toList();

    assertThat(appended).extracting(AuditRecord::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, entries.size()).boxed().toList());
    assertThat(AuditChain.verify(appended).intact()).isTrue();
    assertThat(log.inRange(TimeRange.all())).containsExactlyElementsOf(appended);
    assertThat(log.head()).contains(appended.get(appended.size() - 1));
    assertThat(log.verify()).isEqualTo(new AuditVerification(entries.size(), Optional.empty()));
  }

  @Example
  void readsSelectByCustomerAndHalfOpenTimeRangeInChainOrder() {
    AuditLog log = newStore().auditLog();
    AuditRecord late = log.append(entry(ALICE, AuditAction.CLEAR_TEXT_READ, 30));
    AuditRecord bob = log.append(entry(BOB, AuditAction.CHANGE, 10));
    AuditRecord early = log.append(entry(ALICE, AuditAction.EXPORT, 10));
    AuditRecord general = log.append(AuditEntry.general("dpo", AuditAction.ACCESS_CHANGE, "roles", T0.plusSeconds(20),
        "yearly review"));
    AuditRecord atEnd = log.append(entry(ALICE, AuditAction.ERASURE, 40));

    TimeRange range = TimeRange.between(T0.plusSeconds(10), T0.plusSeconds(40));
    assertThat(log.forCustomer(ALICE, range)).containsExactly(late, early);
    assertThat(log.forCustomer(ALICE, TimeRange.all())).containsExactly(late, early, atEnd);
    assertThat(log.forCustomer(CustomerId.of(new UUID(7, 7)), TimeRange.all())).isEmpty();
    assertThat(log.inRange(range)).containsExactly(late, bob, early, general);
    assertThat(log.inRange(TimeRange.between(T0.plusSeconds(10), T0.plusSeconds(10).plusNanos(1))))
        .containsExactly(bob, early);
  }

  @Example
  void concurrentAppendsFormOneIntactChain() {
    PrivacyStore store = newStore();
    AuditLog log = store.auditLog();

    List<List<AuditRecord>> perThread = Concurrently.run(THREADS, thread -> () -> {
      List<AuditRecord> mine = new ArrayList<>();
      for (int i = 0; i < PER_THREAD; i++) {
        int n = i;
        if (i % 3 == 0) {
          mine.addAll(store.base().transactions().inTransaction(() -> List.of(
              log.append(entry(ALICE, AuditAction.CHANGE, n)), log.append(entry(BOB, AuditAction.CHANGE, n)))));
        } else {
          mine.add(log.append(entry(thread % 2 == 0 ? ALICE : BOB, AuditAction.CLEAR_TEXT_READ, n)));
        }
      }
      return mine;
    });

    long total = perThread.stream().mapToLong(List::size).sum();
    assertThat(perThread.stream().flatMap(List::stream).map(AuditRecord::sequence).sorted().toList())
        .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
    assertThat(log.verify()).isEqualTo(new AuditVerification(total, Optional.empty()));
    assertThat(log.head()).get().extracting(AuditRecord::sequence).isEqualTo(total);
  }

  @Example
  void aRolledBackTransactionLeavesNoEntryAndNoGap() {
    PrivacyStore store = newStore();
    AuditLog log = store.auditLog();
    AuditRecord kept = log.append(entry(ALICE, AuditAction.CHANGE, 0));

    assertThatThrownBy(() -> store.base().transactions().inTransaction(() -> {
      log.append(entry(ALICE, AuditAction.EXPORT, 1));
      log.append(entry(BOB, AuditAction.EXPORT, 1));
      throw new IllegalStateException("export failed");
    })).isInstanceOf(IllegalStateException.class).hasMessage("export failed");

    assertThat(log.head()).contains(kept);
    assertThat(log.inRange(TimeRange.all())).containsExactly(kept);
    AuditRecord next = log.append(entry(BOB, AuditAction.MERGE, 2));
    assertThat(next.sequence()).isEqualTo(2);
    assertThat(next.previousHash()).isEqualTo(kept.hash());
    assertThat(log.verify().intact()).isTrue();
  }

  @Provide
  Arbitrary<List<AuditEntry>> entryLists() {
    Arbitrary<String> texts = Arbitraries.strings().withCharRange(' ', '~').withChars('张', '伟', 'é', '\n')
        .ofMinLength(1).ofMaxLength(AuditEntry.MAX_ACTOR_LENGTH).filter(s -> !s.isBlank());
    Arbitrary<Optional<CustomerId>> customers = Arbitraries.of(ALICE, BOB).optional(0.8);
    Arbitrary<Instant> instants = Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L)
        .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
    return Combinators.combine(texts, Arbitraries.of(AuditAction.class), customers, texts, instants, texts)
        .as(AuditEntry::new).list().ofMinSize(1).ofMaxSize(12);
  }

  @Example
  void streamGivesTheWholeChainInOrderPastAThousandRecords() {
    AuditLog log = newStore().auditLog();
    List<AuditRecord> appended = IntStream.range(0, 1_030)
        .mapToObj(i -> log.append(entry(i % 2 == 0 ? ALICE : BOB, AuditAction.EXPORT, i % 50))).toList();

    try (Stream<AuditRecord> streamed = log.stream()) {
      assertThat(streamed.toList()).containsExactlyElementsOf(appended);
    }
  }

  private static AuditEntry entry(CustomerId customer, AuditAction action, int secondsAfterT0) {
    return AuditEntry.about(customer, "rep-" + customer.value().getLeastSignificantBits(), action, "customer.phone",
        T0.plusSeconds(secondsAfterT0), "ticket " + secondsAfterT0);
  }
}
