package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.dedup.CustomersMerged;
import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.dedup.MergeUndone;
import io.crmkit.core.dedup.merge.Merge;
import io.crmkit.core.dedup.merge.Merger;
import io.crmkit.core.event.DomainEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Merges announce themselves through the outbox, in the merge's transaction. */
class H2DedupOutboxTest {

  @Test
  void aMergeAndItsUndoingReachTheOutboxAsDedupEvents() {
    JdbcCrmStore store = JdbcCrmStore.create(TestDatabases.h2("dedup-outbox"),
        JdbcDedup.options(JdbcOptions.builder()).build());
    DedupStore dedup = store.attach(JdbcDedup.extension());
    Customer survivor = store.customers().save(TestCustomers.fullPerson(1));
    Customer absorbed = store.customers().save(TestCustomers.fullPerson(2));
    Merger merger = Merger.builder().store(dedup).build();
    List<DomainEvent> delivered = new CopyOnWriteArrayList<>();

    Merge merge = merger.merge(survivor.id(), List.of(absorbed.id()), "steward").merge();
    merger.unmerge(merge.id(), "steward");
    store.outboxRelay(delivered::add).relayPending();

    assertThat(delivered).hasSize(2);
    assertThat(delivered.get(0)).isInstanceOfSatisfying(CustomersMerged.class, event -> {
      assertThat(event.mergeId()).isEqualTo(merge.id());
      assertThat(event.absorbed()).containsExactly(absorbed.id());
    });
    assertThat(delivered.get(1)).isInstanceOfSatisfying(MergeUndone.class,
        event -> assertThat(event.restored()).containsExactly(absorbed.id()));
  }

  @Test
  void attachingTheDedupExtensionToAStoreThatCannotCarryItsEventsFailsWithAdvice() {
    JdbcCrmStore store = JdbcCrmStore.create(TestDatabases.h2("dedup-no-family"));

    assertThatThrownBy(() -> store.attach(JdbcDedup.extension())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JdbcDedup.options");
  }

  @Test
  void optionsAddTheDedupFamilyOnce() {
    JdbcOptions once = JdbcDedup.options(JdbcOptions.builder()).build();
    JdbcOptions twice = JdbcDedup.options(once.toBuilder()).build();

    assertThat(twice.eventFamilies()).isEqualTo(once.eventFamilies()).hasSize(1);
  }
}
