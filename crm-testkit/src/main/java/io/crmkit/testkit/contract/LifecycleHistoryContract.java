package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.lifecycle.LifecycleHistory;
import io.crmkit.core.lifecycle.HistoryEntry;
import io.crmkit.core.lifecycle.Trigger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

/**
 * The contract of the {@link LifecycleHistory} port. Extend it with a factory for your adapter;
 * every example and property then runs against it:
 *
 * <pre>{@code
 * class JdbcLifecycleHistoryTest extends LifecycleHistoryContract {
 *   protected LifecycleHistory newHistory() { return store.lifecycleHistory(); }
 *   protected void ensureCustomer(CustomerId id) { insertCustomerRow(id); }  // if entries need one
 * }
 * }</pre>
 *
 * <p>The tests do not assume an empty store: each uses customers of its own and filters what it
 * reads to them, so an adapter over a shared database passes too. Instants are whole
 * microseconds, the finest precision PostgreSQL and H2 keep.
 */
public abstract class LifecycleHistoryContract {
  private static final Instant FIRST = Instant.parse("2005-01-01T00:00:00Z");
  private static final Instant LAST = Instant.parse("2030-12-31T23:59:59.999999Z");
  /** How {@link LifecycleHistory#stream} orders entries: customer, origin, version. */
  private static final Comparator<HistoryEntry> STREAM_ORDER = Comparator.comparing(HistoryEntry::customerId)
      .thenComparing(HistoryEntry::origin).thenComparingLong(HistoryEntry::customerVersion);

  /** The adapter under test; called once per example or property try. */
  protected abstract LifecycleHistory newHistory();

  /**
   * Makes sure the adapter may record history for a customer with this id. Does nothing unless
   * overridden: an adapter whose history references a customers table inserts the customer here.
   */
  protected void ensureCustomer(CustomerId id) {}

  @Property(tries = 50)
  void everyFieldOfAnEntryComesBackAsAppended(@ForAll("entryContents") EntryContent content) {
    LifecycleHistory history = newHistory();
    HistoryEntry entry = content.forCustomer(existingCustomer(), 1);

    history.append(entry);

    assertThat(history.forCustomer(entry.customerId())).containsExactly(entry);
    assertThat(history.latest(entry.customerId())).contains(entry);
  }

  @Property(tries = 30)
  void aCustomersEntriesComeBackInVersionOrderWhateverTheAppendOrder(
      @ForAll @Size(min = 1, max = 8) @UniqueElements List<@LongRange(min = 1, max = 1_000_000) Long> versions) {
    LifecycleHistory history = newHistory();
    CustomerId customer = existingCustomer();
    List<HistoryEntry> entries = versions.stream().map(v -> entry(customer, v, at(v))).collect(Collectors.toList());
    Collections.shuffle(entries);

    entries.forEach(history::append);

    List<HistoryEntry> expected = new ArrayList<>(entries);
    expected.sort(Comparator.comparingLong(HistoryEntry::customerVersion));
    assertThat(history.forCustomer(customer)).containsExactlyElementsOf(expected);
    assertThat(history.latest(customer)).contains(expected.get(expected.size() - 1));
  }

  @Example
  void redactReasonsDropsTheReasonsOfTheCustomersEntriesAlsoWhereAMergeMovedThemAndNothingElse() {
    LifecycleHistory history = newHistory();
    CustomerId erased = existingCustomer();
    CustomerId survivor = existingCustomer();
    HistoryEntry own = entry(erased, 2, at(2));
    HistoryEntry moving = entry(erased, 3, at(3));
    HistoryEntry survivors = entry(survivor, 2, at(4));
    history.append(own);
    history.append(moving);
    history.append(survivors);
    history.move(List.of(moving), erased, survivor);

    int redacted = history.redactReasons(erased);

    assertThat(redacted).isEqualTo(2);
    assertThat(history.forCustomer(erased)).containsExactly(withoutReason(own));
    assertThat(history.forCustomer(survivor))
        .containsExactlyInAnyOrder(survivors, withoutReason(moving.keptUnder(survivor)));
    assertThat(history.redactReasons(erased)).as("nothing left to redact").isZero();
  }

  private static HistoryEntry withoutReason(HistoryEntry entry) {
    return new HistoryEntry(entry.customerId(), entry.customerVersion(), entry.from(), entry.to(), entry.trigger(),
        entry.at(), entry.actor(), Optional.empty(), entry.origin());
  }

  @Example
  void appendingTheSameEntryAgainChangesNothing() {
    LifecycleHistory history = newHistory();
    HistoryEntry entry = entry(existingCustomer(), 2, at(2));

    history.append(entry);
    history.append(entry);

    assertThat(history.forCustomer(entry.customerId())).containsExactly(entry);
  }

  @Example
  void aDifferentEntryForTheSameCustomerVersionIsADuplicateKeyAndTheFirstIsKept() {
    LifecycleHistory history = newHistory();
    CustomerId customer = existingCustomer();
    HistoryEntry first = entry(customer, 2, at(2));
    HistoryEntry rival = new HistoryEntry(customer, 2, LifecycleStage.PROSPECT, LifecycleStage.DISQUALIFIED,
        Trigger.MANUAL, at(3), "someone-else", Optional.of("spam"));
    history.append(first);

    assertThatThrownBy(() -> history.append(rival)).isInstanceOf(DuplicateKeyException.class);
    assertThat(history.forCustomer(customer)).containsExactly(first);
  }

  @Example
  void appendAllStoresEveryEntryAndLeavesAnIdenticalStoredOneAlone() {
    LifecycleHistory history = newHistory();
    CustomerId one = existingCustomer();
    CustomerId other = existingCustomer();
    HistoryEntry stored = entry(one, 2, at(2));
    HistoryEntry next = entry(one, 3, at(3));
    HistoryEntry others = entry(other, 2, at(2));
    history.append(stored);

    history.appendAll(List.of(stored, next, others));

    assertThat(history.forCustomer(one)).containsExactly(stored, next);
    assertThat(history.forCustomer(other)).containsExactly(others);
    assertThat(history.latest(List.of(one, other))).containsOnly(Map.entry(one, next), Map.entry(other, others));
  }

  @Example
  void appendAllWithAnEntryClashingWithAStoredOneIsADuplicateKeyAndWritesNoneOfThem() {
    LifecycleHistory history = newHistory();
    CustomerId customer = existingCustomer();
    CustomerId other = existingCustomer();
    HistoryEntry first = entry(customer, 2, at(2));
    HistoryEntry rival = new HistoryEntry(customer, 2, LifecycleStage.PROSPECT, LifecycleStage.DISQUALIFIED,
        Trigger.MANUAL, at(3), "someone-else", Optional.of("spam"));
    history.append(first);

    assertThatThrownBy(() -> history.appendAll(List.of(entry(other, 2, at(2)), rival)))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(history.forCustomer(customer)).containsExactly(first);
    assertThat(history.forCustomer(other)).isEmpty();
  }

  @Example
  void aCustomerWithoutHistoryHasNoEntriesAndNoLatest() {
    LifecycleHistory history = newHistory();
    CustomerId nobody = existingCustomer();

    assertThat(history.forCustomer(nobody)).isEmpty();
    assertThat(history.latest(nobody)).isEmpty();
    assertThat(history.latest(List.of(nobody))).isEmpty();
    assertThat(history.latest(List.of())).isEmpty();
  }

  @Example
  void customersDoNotSeeEachOthersEntries() {
    LifecycleHistory history = newHistory();
    CustomerId one = existingCustomer();
    CustomerId other = existingCustomer();
    HistoryEntry mine = entry(one, 2, at(1));
    HistoryEntry theirs = entry(other, 2, at(1));

    history.append(mine);
    history.append(theirs);

    assertThat(history.forCustomer(one)).containsExactly(mine);
    assertThat(history.forCustomer(other)).containsExactly(theirs);
  }

  @Example
  void bulkLatestGivesTheNewestEntryOfEachCustomerThatHasOne() {
    LifecycleHistory history = newHistory();
    CustomerId one = existingCustomer();
    CustomerId two = existingCustomer();
    CustomerId none = existingCustomer();
    history.append(entry(one, 2, at(1)));
    history.append(entry(one, 7, at(5)));
    history.append(entry(two, 3, at(2)));

    Map<CustomerId, HistoryEntry> latest = history.latest(List.of(one, two, none));

    assertThat(latest).containsOnlyKeys(one, two);
    assertThat(latest.get(one).customerVersion()).isEqualTo(7);
    assertThat(latest.get(two).customerVersion()).isEqualTo(3);
  }

  @Example
  void streamingARangeGivesTheEntriesAtOrAfterItsStartAndBeforeItsEndByCustomerThenVersion() {
    LifecycleHistory history = newHistory();
    UUID random = UUID.randomUUID();
    // Ids on both sides of the sign bit: databases order UUIDs as unsigned bytes.
    List<CustomerId> mine = List.of(
        existingCustomer(CustomerId.of(new UUID(random.getMostSignificantBits() & Long.MAX_VALUE, random.getLeastSignificantBits()))),
        existingCustomer(CustomerId.of(new UUID(random.getMostSignificantBits() | Long.MIN_VALUE, random.getLeastSignificantBits()))),
        existingCustomer());
    for (CustomerId customer : mine) {
      history.append(entry(customer, 2, at(10)));
      history.append(entry(customer, 3, at(20)));
      history.append(entry(customer, 4, at(30)));
      history.append(entry(customer, 5, at(40)));
    }

    List<HistoryEntry> streamed;
    try (Stream<HistoryEntry> all = history.stream(TimeRange.between(at(20), at(40)))) {
      streamed = all.collect(Collectors.toList());
    }

    Set<CustomerId> ours = Set.copyOf(mine);
    List<HistoryEntry> ownEntries = streamed.stream().filter(m -> ours.contains(m.customerId())).collect(Collectors.toList());
    assertThat(ownEntries).extracting(HistoryEntry::customerVersion).containsOnly(3L, 4L).hasSize(2 * mine.size());
    assertThat(streamed).isSortedAccordingTo(STREAM_ORDER);
    assertThat(streamed).allSatisfy(m -> assertThat(m.at()).isBetween(at(20), at(39)));
    assertThat(ownVersions(history, TimeRange.all(), ours)).containsOnly(2L, 3L, 4L, 5L).hasSize(4 * mine.size());
    assertThat(ownVersions(history, TimeRange.since(at(20)), ours)).containsOnly(3L, 4L, 5L).hasSize(3 * mine.size());
    assertThat(ownVersions(history, TimeRange.until(at(20)), ours)).containsOnly(2L).hasSize(mine.size());
  }

  @Example
  void movingACustomersHistoryKeepsEachEntrysOriginAndVersionAndNeverMakesItTheTargetsLatest() {
    LifecycleHistory history = newHistory();
    CustomerId absorbed = existingCustomer();
    CustomerId survivor = existingCustomer();
    HistoryEntry early = entry(absorbed, 2, at(1));
    HistoryEntry late = entry(absorbed, 3, at(30));
    HistoryEntry own = entry(survivor, 2, at(10));
    List.of(early, late, own).forEach(history::append);

    List<HistoryEntry> moved = history.move(absorbed, survivor);

    assertThat(moved).containsExactly(early, late);
    assertThat(history.forCustomer(survivor))
        .containsExactly(early.keptUnder(survivor), own, late.keptUnder(survivor))
        .filteredOn(HistoryEntry::moved).extracting(HistoryEntry::origin).containsOnly(absorbed);
    assertThat(history.forCustomer(absorbed)).isEmpty();
    assertThat(history.latest(survivor)).contains(own);
    assertThat(history.latest(absorbed)).isEmpty();
    assertThat(history.latest(List.of(survivor, absorbed))).containsOnlyKeys(survivor).containsValue(own);
  }

  @Example
  void aCustomerWithOnlyMovedEntriesHasNoLatest() {
    LifecycleHistory history = newHistory();
    CustomerId absorbed = existingCustomer();
    CustomerId survivor = existingCustomer();
    history.append(entry(absorbed, 2, at(1)));

    history.move(absorbed, survivor);

    assertThat(history.forCustomer(survivor)).hasSize(1);
    assertThat(history.latest(survivor)).isEmpty();
    assertThat(history.latest(List.of(survivor))).isEmpty();
  }

  @Example
  void movedEntriesMoveOnWithTheirOriginAndTheListedOnesComeBack() {
    LifecycleHistory history = newHistory();
    CustomerId first = existingCustomer();
    CustomerId second = existingCustomer();
    CustomerId third = existingCustomer();
    HistoryEntry firsts = entry(first, 2, at(1));
    HistoryEntry seconds = entry(second, 2, at(2));
    history.append(firsts);
    history.append(seconds);
    history.move(first, second);

    List<HistoryEntry> moved = history.move(second, third);

    assertThat(moved).containsExactly(firsts.keptUnder(second), seconds);
    assertThat(history.forCustomer(third)).containsExactly(firsts.keptUnder(third), seconds.keptUnder(third));
    assertThat(history.move(List.of(seconds, entry(first, 9, at(9))), third, second))
        .as("only the listed entries kept under the source move").isEqualTo(1);
    assertThat(history.forCustomer(second)).containsExactly(seconds);
    assertThat(history.forCustomer(third)).containsExactly(firsts.keptUnder(third));
    assertThat(history.move(List.of(firsts), third, first)).isEqualTo(1);
    assertThat(history.forCustomer(first)).containsExactly(firsts);
    assertThat(history.latest(first)).contains(firsts);
    assertThat(history.forCustomer(third)).isEmpty();
  }

  @Example
  void streamingGivesMovedEntriesUnderTheirNewCustomerByOriginThenVersion() {
    LifecycleHistory history = newHistory();
    CustomerId absorbed = existingCustomer();
    CustomerId survivor = existingCustomer();
    List.of(entry(absorbed, 2, at(1)), entry(absorbed, 3, at(2)), entry(survivor, 2, at(3)), entry(survivor, 3, at(4)))
        .forEach(history::append);
    history.move(absorbed, survivor);

    List<HistoryEntry> ours;
    try (Stream<HistoryEntry> all = history.stream(TimeRange.all())) {
      ours = all.filter(e -> e.customerId().equals(survivor) || e.customerId().equals(absorbed)).toList();
    }

    assertThat(ours).hasSize(4).allSatisfy(e -> assertThat(e.customerId()).isEqualTo(survivor))
        .isSortedAccordingTo(STREAM_ORDER);
    assertThat(ours).filteredOn(e -> !e.moved()).extracting(HistoryEntry::customerVersion).containsExactly(2L, 3L);
  }

  @Example
  void movingAnEntryOntoACustomerThatKeepsItAlreadyIsADuplicateKeyAndMovesNothing() {
    LifecycleHistory history = newHistory();
    CustomerId absorbed = existingCustomer();
    CustomerId survivor = existingCustomer();
    HistoryEntry entry = entry(absorbed, 2, at(1));
    HistoryEntry other = entry(absorbed, 3, at(2));
    history.append(entry);
    history.move(absorbed, survivor);
    history.append(entry);
    history.append(other);

    assertThatThrownBy(() -> history.move(absorbed, survivor)).isInstanceOf(DuplicateKeyException.class);
    assertThatThrownBy(() -> history.move(List.of(entry), absorbed, survivor))
        .isInstanceOf(DuplicateKeyException.class);

    assertThat(history.forCustomer(absorbed)).containsExactly(entry, other);
    assertThat(history.forCustomer(survivor)).containsExactly(entry.keptUnder(survivor));
  }

  @Example
  void movingManyCustomersHistoryMovesEachAsMovingItAloneWould() {
    LifecycleHistory history = newHistory();
    CustomerId firstAbsorbed = existingCustomer();
    CustomerId secondAbsorbed = existingCustomer();
    CustomerId withoutHistory = existingCustomer();
    CustomerId survivor = existingCustomer();
    CustomerId otherSurvivor = existingCustomer();
    HistoryEntry first = entry(firstAbsorbed, 2, at(1));
    HistoryEntry second = entry(secondAbsorbed, 2, at(5));
    HistoryEntry secondLater = entry(secondAbsorbed, 3, at(9));
    HistoryEntry own = entry(survivor, 2, at(3));
    List.of(first, second, secondLater, own).forEach(history::append);
    Map<CustomerId, CustomerId> moves = new LinkedHashMap<>();
    moves.put(firstAbsorbed, survivor);
    moves.put(secondAbsorbed, survivor);
    moves.put(withoutHistory, otherSurvivor);

    Map<CustomerId, List<HistoryEntry>> moved = history.move(moves);

    assertThat(moved).isEqualTo(Map.of(firstAbsorbed, List.of(first), secondAbsorbed, List.of(second, secondLater),
        withoutHistory, List.of()));
    assertThat(history.forCustomer(survivor)).containsExactly(first.keptUnder(survivor), own,
        second.keptUnder(survivor), secondLater.keptUnder(survivor));
    assertThat(history.forCustomer(otherSurvivor)).isEmpty();
    moves.keySet().forEach(absorbed -> assertThat(history.forCustomer(absorbed)).isEmpty());
    assertThat(history.latest(survivor)).contains(own);
  }

  @Example
  void movingManyCustomersHistoryRefusesACustomerBothMovedFromAndTo() {
    LifecycleHistory history = newHistory();
    CustomerId first = existingCustomer();
    CustomerId second = existingCustomer();
    CustomerId third = existingCustomer();
    HistoryEntry entry = entry(first, 2, at(1));
    history.append(entry);
    Map<CustomerId, CustomerId> chain = new LinkedHashMap<>();
    chain.put(first, second);
    chain.put(second, third);

    assertThatThrownBy(() -> history.move(chain)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> history.move(Map.of(first, first))).isInstanceOf(IllegalArgumentException.class);

    assertThat(history.forCustomer(first)).containsExactly(entry);
  }

  @Example
  void movingHistoryToTheSameCustomerIsRefused() {
    LifecycleHistory history = newHistory();
    CustomerId customer = existingCustomer();

    assertThatThrownBy(() -> history.move(customer, customer)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> history.move(List.of(), customer, customer)).isInstanceOf(IllegalArgumentException.class);
  }

  /** The versions of {@code ours}' entries in {@code range}, which may be open at either end. */
  private static List<Long> ownVersions(LifecycleHistory history, TimeRange range, Set<CustomerId> ours) {
    try (Stream<HistoryEntry> entries = history.stream(range)) {
      return entries.filter(m -> ours.contains(m.customerId())).map(HistoryEntry::customerVersion).toList();
    }
  }

  private CustomerId existingCustomer() {
    return existingCustomer(CustomerId.of(UUID.randomUUID()));
  }

  private CustomerId existingCustomer(CustomerId id) {
    ensureCustomer(id);
    return id;
  }

  /** The parts of an entry other than customer and version. */
  record EntryContent(LifecycleStage from, LifecycleStage to, Trigger trigger, Instant at, String actor,
      Optional<String> reason) {
    HistoryEntry forCustomer(CustomerId customer, long version) {
      return new HistoryEntry(customer, version, from, to, trigger, at, actor, reason);
    }
  }

  @Provide
  Arbitrary<EntryContent> entryContents() {
    Arbitrary<LifecycleStage> stages = Arbitraries.oneOf(
        Arbitraries.of(LifecycleStage.PROSPECT, LifecycleStage.NEW, LifecycleStage.AT_RISK, LifecycleStage.WON_BACK),
        names().map(LifecycleStage::of));
    Arbitrary<Trigger> triggers = Arbitraries.oneOf(
        Arbitraries.of(Trigger.FIRST_PURCHASE, Trigger.MANUAL, Trigger.RECONCILED), names().map(Trigger::of));
    Arbitrary<String> actors = Arbitraries.oneOf(
        Arbitraries.of("alice", "lifecycle-evaluator", "张伟", "Zoë O'Brien"),
        Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(HistoryEntry.MAX_ACTOR_LENGTH));
    Arbitrary<Optional<String>> reasons = Arbitraries.oneOf(
        Arbitraries.of("客户要求停止联系", "duplicate of C-00042\nmerged by hand", "no purchase for 97 days"),
        Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(300)
            .filter(s -> !s.isBlank()))
        .optional(0.8);
    Arbitrary<Instant> instants = Arbitraries.longs()
        .between(ChronoUnit.MICROS.between(Instant.EPOCH, FIRST), ChronoUnit.MICROS.between(Instant.EPOCH, LAST))
        .map(micros -> Instant.EPOCH.plus(micros, ChronoUnit.MICROS));
    return Combinators.combine(stages, stages, triggers, instants, actors, reasons).as(EntryContent::new);
  }

  private static Arbitrary<String> names() {
    return Combinators.combine(Arbitraries.chars().range('A', 'Z'),
            Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_").ofMaxLength(39))
        .as((first, rest) -> first + rest);
  }

  private static HistoryEntry entry(CustomerId customer, long version, Instant at) {
    return new HistoryEntry(customer, version, LifecycleStage.NEW, LifecycleStage.ACTIVE, Trigger.REPEAT_PURCHASE, at,
        "contract", Optional.of("entry " + version));
  }

  private static Instant at(long day) {
    return Instant.parse("2025-01-01T00:00:00Z").plus(day, ChronoUnit.DAYS);
  }
}
