package io.crmkit.testkit.memory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.dedup.BlockingKeyIndex;
import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.dedup.merge.MergeLineage;
import io.crmkit.core.dedup.merge.MergeWrites;
import io.crmkit.core.dedup.merge.MovedActivity;
import io.crmkit.core.dedup.review.ReviewDecision;
import io.crmkit.core.dedup.review.ReviewItem;
import io.crmkit.core.dedup.review.ReviewQueue;
import io.crmkit.core.lifecycle.ChurnSignals;
import io.crmkit.core.lifecycle.HistoryEntry;
import io.crmkit.core.lifecycle.LifecycleHistory;
import io.crmkit.core.lifecycle.LifecycleStore;
import io.crmkit.core.lifecycle.Trigger;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.testkit.CrmArbitraries;
import io.crmkit.testkit.contract.MergeContract;
import io.crmkit.testkit.contract.ReviewQueueContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import org.junit.jupiter.api.Test;

/** The dedup contracts fail for adapters that break the ports' promises. */
class DedupContractsCatchBrokenAdaptersTest {

  @Test
  void mergeWritesThatNeverMoveActivitiesBackBreakTheUnmergeProperty() {
    MergeContract contract = new MergeContract() {
      @Override
      protected CrmStore newStore() {
        return InMemoryCrmStore.create();
      }

      @Override
      protected StoreExtension<LifecycleStore> lifecycle() {
        return InMemoryExtensions.lifecycle();
      }

      @Override
      protected StoreExtension<DedupStore> dedup() {
        return broken(InMemoryExtensions.dedup(), (store, writes) -> new ForwardingWrites(writes) {
          @Override
          public int moveActivities(Collection<MovedActivity> activities, CustomerId from, CustomerId to) {
            return activities.size();
          }
        });
      }
    };
    List<Customer> customers = CrmArbitraries.customerLists(2, 2).sample();
    MergeContract.Scenario scenario = new MergeContract.Scenario(customers,
        List.of(CrmArbitraries.purchases(Arbitraries.just(customers.get(1).id()), CrmArbitraries.instants()).sample()),
        List.of());

    assertThatThrownBy(() -> contract.unmergeOfAMergeRestoresEveryRecordWithItsActivitiesAndLifecycleHistory(scenario))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aHistoryThatClaimsToMoveEntriesBackButKeepsThemBreaksTheUnmergeProperty() {
    MergeContract contract = new MergeContract() {
      @Override
      protected CrmStore newStore() {
        return InMemoryCrmStore.create();
      }

      @Override
      protected StoreExtension<DedupStore> dedup() {
        return InMemoryExtensions.dedup();
      }

      @Override
      protected StoreExtension<LifecycleStore> lifecycle() {
        StoreExtension<LifecycleStore> real = InMemoryExtensions.lifecycle();
        return new StoreExtension<>() {
          @Override
          public String key() {
            return real.key();
          }

          @Override
          public LifecycleStore create(CrmStore store) {
            LifecycleStore ports = real.create(store);
            return new Lifecycle(store, new NeverMovesBack(ports.lifecycleHistory()), ports.churnSignals());
          }
        };
      }
    };
    List<Customer> customers = CrmArbitraries.customerLists(2, 2).sample();
    HistoryEntry absorbedMove = new HistoryEntry(customers.get(1).id(), 1, LifecycleStage.PROSPECT,
        LifecycleStage.DECIDING, Trigger.EVALUATION_STARTED, Instant.parse("2026-01-01T00:00:00Z"), "test",
        Optional.empty());
    MergeContract.Scenario scenario =
        new MergeContract.Scenario(customers, List.of(), List.of(), List.of(absorbedMove));

    assertThatThrownBy(() -> contract.unmergeOfAMergeRestoresEveryRecordWithItsActivitiesAndLifecycleHistory(scenario))
        .isInstanceOf(AssertionError.class);
  }

  private record Lifecycle(CrmStore base, LifecycleHistory lifecycleHistory, ChurnSignals churnSignals)
      implements LifecycleStore {}

  /** Moves entries to a survivor, but only says it moves them back. */
  private record NeverMovesBack(LifecycleHistory real) implements LifecycleHistory {
    @Override
    public void append(HistoryEntry entry) {
      real.append(entry);
    }

    @Override
    public List<HistoryEntry> forCustomer(CustomerId customerId) {
      return real.forCustomer(customerId);
    }

    @Override
    public Optional<HistoryEntry> latest(CustomerId customerId) {
      return real.latest(customerId);
    }

    @Override
    public Map<CustomerId, HistoryEntry> latest(Collection<CustomerId> customerIds) {
      return real.latest(customerIds);
    }

    @Override
    public Stream<HistoryEntry> stream(TimeRange range) {
      return real.stream(range);
    }

    @Override
    public List<HistoryEntry> move(CustomerId from, CustomerId to) {
      return real.move(from, to);
    }

    @Override
    public int move(Collection<HistoryEntry> entries, CustomerId from, CustomerId to) {
      return entries.size();
    }

    @Override
    public int redactReasons(CustomerId customerId) {
      return real.redactReasons(customerId);
    }
  }

  @Test
  void mergeWritesThatRestoreAsANewCustomerPutVersionsBackAndAreCaught() {
    MergeContract contract = new MergeContract() {
      @Override
      protected CrmStore newStore() {
        return InMemoryCrmStore.create();
      }

      @Override
      protected StoreExtension<LifecycleStore> lifecycle() {
        return InMemoryExtensions.lifecycle();
      }

      @Override
      protected StoreExtension<DedupStore> dedup() {
        return broken(InMemoryExtensions.dedup(), (store, writes) -> new ForwardingWrites(writes) {
          @Override
          public Customer restore(Customer snapshot) {
            return store.customers().save(snapshot.withVersion(0));
          }
        });
      }
    };
    List<Customer> customers = CrmArbitraries.customerLists(2, 2).sample();
    MergeContract.Scenario scenario = new MergeContract.Scenario(customers, List.of(), List.of());

    assertThatThrownBy(() -> contract.unmergeOfAMergeRestoresEveryRecordWithItsActivitiesAndLifecycleHistory(scenario))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aQueueThatForgetsDecisionsWhenAPairComesBackIsCaught() {
    ReviewQueueContract contract = new ReviewQueueContract() {
      @Override
      protected ReviewQueue newQueue() {
        ReviewQueue real = InMemoryCrmStore.create().attach(InMemoryExtensions.dedup()).reviewQueue();
        return new ReviewQueue() {
          private final ReviewQueue fresh = InMemoryCrmStore.create().attach(InMemoryExtensions.dedup()).reviewQueue();

          @Override
          public boolean enqueue(ReviewItem item) {
            return real.decision(item.leftId(), item.rightId()).isPresent() ? fresh.enqueue(item) : real.enqueue(item);
          }

          @Override
          public List<ReviewItem> pending(int limit) {
            List<ReviewItem> all = new ArrayList<>(real.pending(limit));
            all.addAll(fresh.pending(limit));
            return all;
          }

          @Override
          public long pendingCount() {
            return real.pendingCount() + fresh.pendingCount();
          }

          @Override
          public Optional<ReviewItem> pending(String oneId, String otherId) {
            return real.pending(oneId, otherId).or(() -> fresh.pending(oneId, otherId));
          }

          @Override
          public void decide(ReviewDecision decision) {
            real.decide(decision);
          }

          @Override
          public Optional<ReviewDecision> decision(String oneId, String otherId) {
            return real.decision(oneId, otherId);
          }
        };
      }
    };

    assertThatThrownBy(contract::aDecidedPairLeavesTheQueueAndIsNeverQueuedAgainWhicheverOrderItsIdsComeIn)
        .isInstanceOf(AssertionError.class);
  }

  /** The extension with its merge writes replaced by {@code wrap} of the real ones. */
  private static StoreExtension<DedupStore> broken(StoreExtension<DedupStore> real,
      BiFunction<CrmStore, MergeWrites, MergeWrites> wrap) {
    return new StoreExtension<>() {
      @Override
      public String key() {
        return real.key();
      }

      @Override
      public DedupStore create(CrmStore store) {
        DedupStore ports = real.create(store);
        return new Ports(store, ports.mergeLineage(), wrap.apply(store, ports.mergeWrites()), ports.reviewQueue(),
            ports.blockingKeys());
      }
    };
  }

  private record Ports(CrmStore base, MergeLineage mergeLineage, MergeWrites mergeWrites, ReviewQueue reviewQueue,
      BlockingKeyIndex blockingKeys) implements DedupStore {}

  /** Merge writes that forward to real ones, for a test to break one method. */
  private static class ForwardingWrites implements MergeWrites {
    private final MergeWrites real;

    ForwardingWrites(MergeWrites real) {
      this.real = real;
    }

    @Override
    public void remove(Customer expected) {
      real.remove(expected);
    }

    @Override
    public Customer restore(Customer snapshot) {
      return real.restore(snapshot);
    }

    @Override
    public List<MovedActivity> moveActivities(CustomerId from, CustomerId to) {
      return real.moveActivities(from, to);
    }

    @Override
    public int moveActivities(Collection<MovedActivity> activities, CustomerId from, CustomerId to) {
      return real.moveActivities(activities, from, to);
    }
  }
}
