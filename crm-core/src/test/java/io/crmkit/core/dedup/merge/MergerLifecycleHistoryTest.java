package io.crmkit.core.dedup.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.lifecycle.ChurnSignal;
import io.crmkit.core.lifecycle.HistoryEntry;
import io.crmkit.core.lifecycle.LifecycleEngine;
import io.crmkit.core.lifecycle.LifecycleHistory;
import io.crmkit.core.lifecycle.LifecycleStore;
import io.crmkit.core.lifecycle.Trigger;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.memory.InMemoryExtensions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a merge and an unmerge do with lifecycle history and churn signals, in memory. */
class MergerLifecycleHistoryTest {
  private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

  private final InMemoryCrmStore store = InMemoryCrmStore.create();
  private final DedupStore dedup = store.attach(InMemoryExtensions.dedup());
  private final LifecycleStore lifecycle = store.attach(InMemoryExtensions.lifecycle());
  private final LifecycleHistory history = lifecycle.lifecycleHistory();
  private final Merger merger =
      Merger.builder().store(dedup).lifecycle(lifecycle).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  @Test
  void aMergeMovesTheAbsorbedHistoryToTheSurvivorInTimeOrderAndTheSurvivorKeepsItsStageAndLatestMove() {
    Customer survivor = save(customer(1, "erp"));
    Customer duplicate = save(customer(2, "shop"));
    engineAt(NOW.minusSeconds(500)).fire(duplicate.id(), Trigger.EVALUATION_STARTED, "alice", null);
    engineAt(NOW.minusSeconds(300)).fire(survivor.id(), Trigger.EVALUATION_STARTED, "bob", null);
    HistoryEntry survivorsMove = history.latest(survivor.id()).orElseThrow();
    HistoryEntry duplicatesMove = history.latest(duplicate.id()).orElseThrow();
    assertThat(duplicatesMove.customerVersion()).as("same version, different customers")
        .isEqualTo(survivorsMove.customerVersion());

    Merge merge = merger.merge(survivor.id(), List.of(duplicate.id()), "steward").merge();

    HistoryEntry moved = duplicatesMove.keptUnder(survivor.id());
    assertThat(moved.moved()).isTrue();
    assertThat(moved.origin()).isEqualTo(duplicate.id());
    assertThat(history.forCustomer(survivor.id())).containsExactly(moved, survivorsMove);
    assertThat(history.forCustomer(duplicate.id())).isEmpty();
    assertThat(history.latest(survivor.id())).contains(survivorsMove);
    assertThat(history.latest(List.of(survivor.id(), duplicate.id()))).containsOnlyKeys(survivor.id())
        .containsValue(survivorsMove);
    assertThat(engineAt(NOW).replay(survivor.id())).isEqualTo(LifecycleStage.DECIDING);
    assertThat(merge.records().get(1).movedHistory()).containsExactly(duplicatesMove);
    assertThat(merge.records().get(0).movedHistory()).isEmpty();
  }

  @Test
  void anUnmergeMovesEveryEntryBackUnderItsCustomer() {
    Customer survivor = save(customer(1, "erp"));
    Customer duplicate = save(customer(2, "shop"));
    Customer third = save(customer(3, "web"));
    HistoryEntry survivors = entry(survivor.id(), 2, 10);
    List<HistoryEntry> duplicates = List.of(entry(duplicate.id(), 2, 5), entry(duplicate.id(), 3, 20));
    HistoryEntry thirds = entry(third.id(), 2, 15);
    history.append(survivors);
    duplicates.forEach(history::append);
    history.append(thirds);

    Merge merge = merger.merge(survivor.id(), List.of(duplicate.id(), third.id()), "steward").merge();

    assertThat(history.forCustomer(survivor.id())).extracting(HistoryEntry::origin)
        .containsExactly(duplicate.id(), survivor.id(), third.id(), duplicate.id());

    merger.unmerge(merge.id(), "steward");

    assertThat(history.forCustomer(survivor.id())).containsExactly(survivors);
    assertThat(history.forCustomer(duplicate.id())).containsExactlyElementsOf(duplicates);
    assertThat(history.forCustomer(third.id())).containsExactly(thirds);
  }

  @Test
  void historyMovedByAnEarlierMergeMovesOnWithTheNextAndComesBackToWhereThatMergeLeftIt() {
    Customer first = save(customer(1, "erp"));
    Customer second = save(customer(2, "shop"));
    Customer third = save(customer(3, "web"));
    HistoryEntry firsts = entry(first.id(), 2, 1);
    HistoryEntry seconds = entry(second.id(), 2, 2);
    HistoryEntry thirds = entry(third.id(), 2, 3);
    List.of(firsts, seconds, thirds).forEach(history::append);

    Merge inner = merger.merge(second.id(), List.of(first.id()), "steward").merge();
    Merge outer = merger.merge(third.id(), List.of(second.id()), "steward").merge();

    assertThat(history.forCustomer(third.id()))
        .containsExactly(firsts.keptUnder(third.id()), seconds.keptUnder(third.id()), thirds);
    assertThat(history.latest(third.id())).contains(thirds);

    merger.unmerge(outer.id(), "steward");

    assertThat(history.forCustomer(second.id())).containsExactly(firsts.keptUnder(second.id()), seconds);
    assertThat(history.forCustomer(third.id())).containsExactly(thirds);
    assertThat(history.forCustomer(first.id())).isEmpty();
    assertThat(inner.records().get(1).movedHistory()).containsExactly(firsts);
  }

  @Test
  void aRolledBackMergeLeavesTheHistoryWhereItWas() {
    Customer survivor = save(customer(1, "erp"));
    Customer duplicate = save(customer(2, "shop"));
    HistoryEntry duplicates = entry(duplicate.id(), 2, 5);
    history.append(duplicates);

    assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
      merger.merge(survivor.id(), List.of(duplicate.id()), "steward");
      throw new IllegalStateException("the host's work failed after the merge");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(history.forCustomer(duplicate.id())).containsExactly(duplicates);
    assertThat(history.forCustomer(survivor.id())).isEmpty();
  }

  @Test
  void churnSignalsStayWithTheAbsorbedCustomer() {
    Customer survivor = save(customer(1, "erp"));
    Customer duplicate = save(customer(2, "shop"));
    ChurnSignal signal = new ChurnSignal(duplicate.id(), 0.2, NOW.minusSeconds(60), "pareto-nbd");
    lifecycle.churnSignals().record(signal);

    merger.merge(survivor.id(), List.of(duplicate.id()), "steward");

    assertThat(lifecycle.churnSignals().latest(survivor.id(), NOW)).isEmpty();
    assertThat(lifecycle.churnSignals().latest(duplicate.id(), NOW)).contains(signal);
  }

  @Test
  void aMergerWithoutTheLifecycleLeavesHistoryAndCannotUndoAMergeThatMovedSome() {
    Customer survivor = save(customer(1, "erp"));
    Customer duplicate = save(customer(2, "shop"));
    HistoryEntry duplicates = entry(duplicate.id(), 2, 5);
    history.append(duplicates);
    Merger withoutLifecycle = Merger.builder().store(dedup).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    Merge kept = withoutLifecycle.merge(survivor.id(), List.of(duplicate.id()), "steward").merge();
    assertThat(history.forCustomer(duplicate.id())).containsExactly(duplicates);
    assertThat(kept.records().get(1).movedHistory()).isEmpty();
    withoutLifecycle.unmerge(kept.id(), "steward");

    Merge moved = merger.merge(survivor.id(), List.of(duplicate.id()), "steward").merge();
    assertThatThrownBy(() -> withoutLifecycle.unmerge(moved.id(), "steward"))
        .isInstanceOf(Merger.UnmergeRefusedException.class).hasMessageContaining("1 lifecycle history entries")
        .hasMessageContaining("lifecycle(...)");
    assertThat(store.customers().findById(duplicate.id())).isEmpty();
    assertThat(history.forCustomer(survivor.id())).containsExactly(duplicates.keptUnder(survivor.id()));
  }

  @Test
  void anUnmergeIsRefusedWhenAMovedEntryIsNoLongerWithTheSurvivor() {
    Customer survivor = save(customer(1, "erp"));
    Customer duplicate = save(customer(2, "shop"));
    Customer elsewhere = save(customer(3, "web"));
    HistoryEntry duplicates = entry(duplicate.id(), 2, 5);
    history.append(duplicates);
    Merge merge = merger.merge(survivor.id(), List.of(duplicate.id()), "steward").merge();
    history.move(survivor.id(), elsewhere.id());

    assertThatThrownBy(() -> merger.unmerge(merge.id(), "steward"))
        .isInstanceOf(Merger.UnmergeRefusedException.class)
        .hasMessageContaining("only 0 of the 1 lifecycle history entries");
    assertThat(store.customers().findById(duplicate.id())).as("rolled back").isEmpty();
    assertThat(history.forCustomer(elsewhere.id())).containsExactly(duplicates.keptUnder(elsewhere.id()));
  }

  @Test
  void aLifecycleStoreOfAnotherBaseStoreIsRefused() {
    LifecycleStore foreign = InMemoryCrmStore.create().attach(InMemoryExtensions.lifecycle());

    assertThatThrownBy(() -> Merger.builder().store(dedup).lifecycle(foreign).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same").hasMessageContaining("transaction");
  }

  private Customer save(Customer customer) {
    return store.customers().save(customer);
  }

  private LifecycleEngine engineAt(Instant at) {
    return LifecycleEngine.builder().store(lifecycle).clock(Clock.fixed(at, ZoneOffset.UTC)).build();
  }

  /** An own entry of {@code customer}, dated {@code minute} minutes into the 100 minutes before now. */
  private static HistoryEntry entry(CustomerId customer, long version, long minute) {
    return new HistoryEntry(customer, version, LifecycleStage.PROSPECT, LifecycleStage.DECIDING,
        Trigger.EVALUATION_STARTED, NOW.minusSeconds(60 * (100 - minute)), "alice", Optional.empty());
  }

  private static Customer customer(int n, String system) {
    return new Customer.Builder().id(CustomerId.of(new UUID(0xC1, n))).version(0).kind(CustomerKind.PERSON)
        .personName(PersonName.of("Wang", "Wei")).displayName("Wei Wang").stage(LifecycleStage.PROSPECT)
        .addExternalReference(new ExternalReference(system, "C-" + n))
        .createdAt(NOW.minusSeconds(10_000)).updatedAt(NOW.minusSeconds(10_000 - n)).build();
  }
}
