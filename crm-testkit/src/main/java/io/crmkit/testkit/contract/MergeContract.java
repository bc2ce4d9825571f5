package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.ConcurrentUpdateException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.CustomerNotFoundException;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.dedup.merge.GoldenRecord;
import io.crmkit.core.dedup.merge.Merge;
import io.crmkit.core.dedup.merge.MergedRecord;
import io.crmkit.core.dedup.merge.Merger;
import io.crmkit.core.dedup.merge.MovedActivity;
import io.crmkit.core.dedup.merge.SurvivorshipRules.Attribute;
import io.crmkit.core.lifecycle.HistoryEntry;
import io.crmkit.core.lifecycle.LifecycleHistory;
import io.crmkit.core.lifecycle.LifecycleStore;
import io.crmkit.core.lifecycle.Trigger;
import io.crmkit.core.store.CrmStore;
import io.crmkit.core.store.StoreExtension;
import io.crmkit.testkit.CrmArbitraries;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The contract of merging on a store: the {@link io.crmkit.core.dedup.merge.MergeWrites} and
 * {@link io.crmkit.core.dedup.merge.MergeLineage} ports of a dedup extension, and the moves of
 * {@link LifecycleHistory}, driven through a {@link Merger} built with the lifecycle capability.
 * Extend it with a store of your technology and its dedup and lifecycle extensions:
 *
 * <pre>{@code
 * class InMemoryMergeTest extends MergeContract {
 *   protected CrmStore newStore() { return InMemoryCrmStore.create(); }
 *   protected StoreExtension<DedupStore> dedup() { return InMemoryExtensions.dedup(); }
 *   protected StoreExtension<LifecycleStore> lifecycle() { return InMemoryExtensions.lifecycle(); }
 * }
 * }</pre>
 *
 * <p>The store must carry {@code DedupEvent.FAMILY}'s events (on JDBC: {@code
 * JdbcOptions.eventFamilies}). Each example uses customers of its own, so a shared database need
 * not be emptied between them. "Restored exactly" means every attribute equal to the record before
 * the merge but the version, which only moves forward.
 */
public abstract class MergeContract {
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");
  private static final AtomicLong IDS = new AtomicLong(System.nanoTime());
  private static final List<LifecycleStage> STAGES =
      List.of(LifecycleStage.PROSPECT, LifecycleStage.NEW, LifecycleStage.ACTIVE, LifecycleStage.AT_RISK);

  /** A store of the technology under test; called once per example or property try. */
  protected abstract CrmStore newStore();

  /** The dedup extension of the store's technology. */
  protected abstract StoreExtension<DedupStore> dedup();

  /** The lifecycle extension of the store's technology, whose history merges move. */
  protected abstract StoreExtension<LifecycleStore> lifecycle();

  private Merger merger(DedupStore dedup) {
    return Merger.builder().store(dedup).lifecycle(dedup.base().attach(lifecycle()))
        .clock(Clock.fixed(AT, ZoneOffset.UTC)).build();
  }

  @Property(tries = 15)
  public void unmergeOfAMergeRestoresEveryRecordWithItsActivitiesAndLifecycleHistory(
      @ForAll("scenarios") Scenario scenario) {
    CrmStore store = newStore();
    DedupStore dedup = store.attach(dedup());
    LifecycleHistory history = store.attach(lifecycle()).lifecycleHistory();
    List<Customer> saved = scenario.customers().stream().map(store.customers()::save).toList();
    store.purchases().recordAll(scenario.purchases());
    store.interactions().recordAll(scenario.interactions());
    scenario.history().forEach(history::append);
    Map<CustomerId, Set<Purchase>> purchasesBefore = byOwner(store, saved, this::purchasesOf);
    Map<CustomerId, Set<Interaction>> interactionsBefore = byOwner(store, saved, this::interactionsOf);
    Map<CustomerId, List<HistoryEntry>> historyBefore = historyOf(history, saved);
    List<CustomerId> ids = saved.stream().map(Customer::id).toList();
    CustomerId survivor = ids.get(0);
    Optional<HistoryEntry> survivorsLatest = history.latest(survivor);

    Merger.Result merged = merger(dedup).merge(survivor, ids.subList(1, ids.size()), "contract");

    assertThat(history.forCustomer(survivor)).as("the survivor's history tells the whole story, in time order")
        .containsExactlyInAnyOrderElementsOf(
            scenario.history().stream().map(entry -> entry.keptUnder(survivor)).toList())
        .isSortedAccordingTo(Comparator.comparing(HistoryEntry::at));
    assertThat(history.latest(survivor)).as("moved entries never become the survivor's latest move")
        .isEqualTo(survivorsLatest);
    ids.subList(1, ids.size()).forEach(absorbed -> assertThat(history.forCustomer(absorbed)).isEmpty());

    List<Customer> restored = merger(dedup).unmerge(merged.merge().id(), "contract");

    assertThat(restored).hasSameSizeAs(saved);
    for (int i = 0; i < saved.size(); i++) {
      Customer before = saved.get(i);
      Customer now = store.customers().findById(before.id()).orElseThrow();
      assertThat(now).isEqualTo(restored.get(i));
      assertThat(now.withVersion(0)).isEqualTo(before.withVersion(0));
      assertThat(now.version()).isGreaterThan(before.version());
    }
    assertThat(byOwner(store, saved, this::purchasesOf)).isEqualTo(purchasesBefore);
    assertThat(byOwner(store, saved, this::interactionsOf)).isEqualTo(interactionsBefore);
    assertThat(historyOf(history, saved)).isEqualTo(historyBefore);
  }

  @Property(tries = 10)
  public void mergingManyClustersAtOnceMergesEachAsItsOwnMergeWouldAndEachUnmergesBack(
      @ForAll("clusters") List<Scenario> clusters) {
    CrmStore store = newStore();
    DedupStore dedup = store.attach(dedup());
    LifecycleHistory history = store.attach(lifecycle()).lifecycleHistory();
    List<List<Customer>> saved = new ArrayList<>();
    List<Merger.Request> requests = new ArrayList<>();
    for (Scenario cluster : clusters) {
      List<Customer> members = cluster.customers().stream().map(store.customers()::save).toList();
      store.purchases().recordAll(cluster.purchases());
      store.interactions().recordAll(cluster.interactions());
      cluster.history().forEach(history::append);
      CustomerId last = members.get(members.size() - 1).id();
      dedup.blockingKeys().replace(last, Set.of("contract:" + last));
      saved.add(members);
      requests.add(new Merger.Request(members.get(0).id(), members.subList(1, members.size()).stream()
          .map(Customer::id).toList()));
    }
    List<Customer> everyone = saved.stream().flatMap(List::stream).toList();
    Map<CustomerId, Set<Purchase>> purchasesBefore = byOwner(store, everyone, this::purchasesOf);
    Map<CustomerId, Set<Interaction>> interactionsBefore = byOwner(store, everyone, this::interactionsOf);
    Map<CustomerId, List<HistoryEntry>> historyBefore = historyOf(history, everyone);
    List<GoldenRecord> previews = requests.stream()
        .map(request -> merger(dedup).preview(request.survivor(), request.absorbed())).toList();

    Merger.Outcome outcome = merger(dedup).mergeAll(requests, "contract");

    assertThat(outcome.failed()).isEmpty();
    assertThat(outcome.merged()).hasSameSizeAs(requests);
    for (int i = 0; i < clusters.size(); i++) {
      Merger.Result result = outcome.merged().get(i);
      List<Customer> members = saved.get(i);
      CustomerId survivor = members.get(0).id();
      assertThat(result.golden()).isEqualTo(previews.get(i).customer().withVersion(members.get(0).version() + 1));
      assertThat(store.customers().findById(survivor)).contains(result.golden());
      assertThat(dedup.mergeLineage().find(result.merge().id())).contains(result.merge());
      assertThat(result.merge().records()).extracting(MergedRecord::before).containsExactlyElementsOf(members);
      assertThat(new HashSet<>(purchasesOf(store, survivor))).extracting(Purchase::id).containsExactlyInAnyOrderElementsOf(
          clusters.get(i).purchases().stream().map(Purchase::id).toList());
      assertThat(new HashSet<>(interactionsOf(store, survivor))).extracting(Interaction::id)
          .containsExactlyInAnyOrderElementsOf(clusters.get(i).interactions().stream().map(Interaction::id).toList());
      assertThat(history.forCustomer(survivor)).containsExactlyInAnyOrderElementsOf(
          clusters.get(i).history().stream().map(entry -> entry.keptUnder(survivor)).toList());
      assertThat(dedup.blockingKeys().keysOf(survivor)).containsExactly("contract:" + members.get(members.size() - 1).id());
      for (Customer absorbed : members.subList(1, members.size())) {
        assertThat(store.customers().findById(absorbed.id())).isEmpty();
        assertThat(dedup.blockingKeys().keysOf(absorbed.id())).isEmpty();
        assertThat(dedup.mergeLineage().involving(absorbed.id())).containsExactly(result.merge());
      }
    }

    outcome.merged().forEach(result -> merger(dedup).unmerge(result.merge().id(), "contract"));

    for (Customer before : everyone) {
      assertThat(store.customers().findById(before.id()).orElseThrow().withVersion(0)).isEqualTo(before.withVersion(0));
    }
    assertThat(byOwner(store, everyone, this::purchasesOf)).isEqualTo(purchasesBefore);
    assertThat(byOwner(store, everyone, this::interactionsOf)).isEqualTo(interactionsBefore);
    assertThat(historyOf(history, everyone)).isEqualTo(historyBefore);
  }

  @Example
  void aMergeOfManyThatCannotBeMadeFailsAloneAndTheOthersAreMade() {
    CrmStore store = newStore();
    DedupStore dedup = store.attach(dedup());
    Customer first = store.customers().save(person("Zhao", "Lei", "erp"));
    Customer firstDuplicate = store.customers().save(person("Zhao", "Lei", "shop"));
    Customer lonely = store.customers().save(person("Qian", "Yu", "erp"));
    CustomerId missing = person("Qian", "Yu", "shop").id();
    Customer last = store.customers().save(person("Sun", "Mei", "erp"));
    Customer lastDuplicate = store.customers().save(person("Sun", "Mei", "shop"));
    Merger.Request failing = new Merger.Request(lonely.id(), List.of(missing));

    Merger.Outcome outcome = merger(dedup).mergeAll(List.of(new Merger.Request(first.id(), List.of(firstDuplicate.id())),
        failing, new Merger.Request(last.id(), List.of(lastDuplicate.id()))), "steward");

    assertThat(outcome.merged()).extracting(result -> result.golden().id()).containsExactly(first.id(), last.id());
    assertThat(outcome.failed()).singleElement().satisfies(failure -> {
      assertThat(failure.request()).isEqualTo(failing);
      assertThat(failure.cause()).isInstanceOf(CustomerNotFoundException.class).hasMessageContaining(missing.toString());
    });
    assertThat(store.customers().findById(lonely.id())).contains(lonely);
    assertThat(dedup.mergeLineage().involving(lonely.id())).isEmpty();
    assertThat(store.customers().findById(firstDuplicate.id())).isEmpty();
    assertThat(store.customers().findById(lastDuplicate.id())).isEmpty();
  }

  @Example
  void mergingMoreClustersThanOneChunkRecordsEveryMergeWithEveryMember() {
    CrmStore store = newStore();
    DedupStore dedup = store.attach(dedup());
    List<Merger.Request> requests = new ArrayList<>();
    List<Customer> everyone = new ArrayList<>();
    for (int cluster = 0; cluster < 210; cluster++) {
      List<Customer> members = new ArrayList<>();
      for (int member = 0; member < 5; member++) {
        members.add(person("Chunk" + cluster, "Member", "src" + member));
      }
      everyone.addAll(members);
      requests.add(new Merger.Request(members.get(0).id(), members.subList(1, 5).stream().map(Customer::id).toList()));
    }
    store.customerBatches().insertAll(everyone);

    Merger.Outcome outcome = merger(dedup).mergeAll(requests, "steward");

    assertThat(outcome.failed()).isEmpty();
    assertThat(outcome.merged()).hasSize(210);
    for (Merger.Result result : outcome.merged()) {
      assertThat(dedup.mergeLineage().find(result.merge().id())).contains(result.merge());
      result.merge().absorbedIds().forEach(id -> assertThat(dedup.mergeLineage().involving(id))
          .containsExactly(result.merge()));
    }
  }

  @Example
  void aFailedChunkInsideTheCallersTransactionLeavesNothingOfTheFailingMergeAndMakesTheOthers() {
    CrmStore store = newStore();
    DedupStore dedup = store.attach(dedup());
    LifecycleHistory history = store.attach(lifecycle()).lifecycleHistory();
    Customer survivor = store.customers().save(person("Kong", "Li", "erp"));
    Customer absorbed = store.customers().save(person("Kong", "Li", "shop"));
    Customer other = store.customers().save(person("He", "Jun", "erp"));
    Customer otherDuplicate = store.customers().save(person("He", "Jun", "shop"));
    Purchase purchase = purchase(absorbed.id());
    Purchase otherPurchase = purchase(otherDuplicate.id());
    store.purchases().recordAll(List.of(purchase, otherPurchase));
    // The survivor already keeps the absorbed customer's entry: moving it again clashes after the activities moved.
    HistoryEntry entry = new HistoryEntry(absorbed.id(), 1, LifecycleStage.PROSPECT, LifecycleStage.DECIDING,
        Trigger.EVALUATION_STARTED, AT.minusSeconds(90), "contract", Optional.empty());
    history.append(entry);
    history.move(absorbed.id(), survivor.id());
    history.append(entry);
    Merger.Request failing = new Merger.Request(survivor.id(), List.of(absorbed.id()));

    Merger.Outcome outcome = store.transactions().inTransaction(() -> merger(dedup).mergeAll(
        List.of(failing, new Merger.Request(other.id(), List.of(otherDuplicate.id()))), "steward"));

    assertThat(outcome.failed()).singleElement().satisfies(failure -> {
      assertThat(failure.request()).isEqualTo(failing);
      assertThat(failure.cause()).isInstanceOf(DuplicateKeyException.class);
    });
    assertThat(outcome.merged()).extracting(result -> result.golden().id()).containsExactly(other.id());
    assertThat(store.customers().findById(survivor.id())).contains(survivor);
    assertThat(store.customers().findById(absorbed.id())).contains(absorbed);
    assertThat(purchasesOf(store, absorbed.id())).containsExactly(purchase);
    assertThat(purchasesOf(store, survivor.id())).isEmpty();
    assertThat(history.forCustomer(absorbed.id())).containsExactly(entry);
    assertThat(dedup.mergeLineage().involving(absorbed.id())).isEmpty();
    assertThat(store.customers().findById(otherDuplicate.id())).isEmpty();
    assertThat(purchasesOf(store, other.id())).extracting(Purchase::id).containsExactly(otherPurchase.id());
  }

  @Example
  void mergesNamingOneCustomerTwiceAreRefusedAndNothingIsMerged() {
    CrmStore store = newStore();
    DedupStore dedup = store.attach(dedup());
    Customer survivor = store.customers().save(person("Zhou", "Xun", "erp"));
    Customer duplicate = store.customers().save(person("Zhou", "Xun", "shop"));
    Customer other = store.customers().save(person("Wu", "Di", "erp"));
    List<Merger.Request> overlapping = List.of(new Merger.Request(survivor.id(), List.of(duplicate.id())),
        new Merger.Request(other.id(), List.of(duplicate.id())));

    assertThatThrownBy(() -> merger(dedup).mergeAll(overlapping, "steward"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(duplicate.id().toString());

    assertThat(store.customers().findById(duplicate.id())).contains(duplicate);
    assertThat(store.customers().findById(survivor.id())).contains(survivor);
  }

  @Example
  void removingManyWithOneStaleCopyRemovesNoneOfThem() {
    CrmStore store = newStore();
    DedupStore dedup = store.attach(dedup());
    Customer current = store.customers().save(person("Zheng", "He", "erp"));
    Customer stale = store.customers().save(person("Zheng", "He", "shop"));
    store.customers().save(stale);

    assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
      dedup.mergeWrites().removeAll(List.of(current, stale));
      return null;
    })).isInstanceOf(ConcurrentUpdateException.class);

    assertThat(store.customers().findById(current.id())).contains(current);
    assertThat(store.customers().findById(stale.id())).isPresent();
  }

  @Example
  void movingManyCustomersActivitiesMovesEachAsMovingThemAloneWould() {
    CrmStore store = newStore();
    DedupStore dedup = store.attach(dedup());
    Customer survivor = store.customers().save(person("Feng", "Yi", "erp"));
    Customer one = store.customers().save(person("Feng", "Yi", "shop"));
    Customer two = store.customers().save(person("Feng", "Yi", "app"));
    Customer none = store.customers().save(person("Feng", "Yi", "web"));
    Purchase purchase = purchase(one.id());
    store.purchases().record(purchase);
    Interaction interaction = new Interaction.Builder().id(io.crmkit.core.activity.ActivityId.of(new UUID(0xDED2,
        IDS.incrementAndGet()))).customerId(two.id()).occurredAt(AT.minusSeconds(60)).channel(Interaction.Channel.PHONE)
        .direction(Interaction.Direction.INBOUND).build();
    store.interactions().record(interaction);
    Map<CustomerId, CustomerId> moves = new LinkedHashMap<>();
    moves.put(one.id(), survivor.id());
    moves.put(two.id(), survivor.id());
    moves.put(none.id(), survivor.id());

    Map<CustomerId, List<MovedActivity>> moved = dedup.mergeWrites().moveActivities(moves);

    assertThat(moved).isEqualTo(Map.of(one.id(), List.of(new MovedActivity(MovedActivity.Kind.PURCHASE, purchase.id())),
        two.id(), List.of(new MovedActivity(MovedActivity.Kind.INTERACTION, interaction.id())), none.id(), List.of()));
    assertThat(purchasesOf(store, survivor.id())).extracting(Purchase::id).containsExactly(purchase.id());
    assertThat(interactionsOf(store, survivor.id())).extracting(Interaction::id).containsExactly(interaction.id());
    assertThatThrownBy(() -> dedup.mergeWrites().moveActivities(Map.of(one.id(), two.id(), two.id(), survivor.id())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Example
  void aMergeLeavesOneGoldenRecordThatOwnsEveryActivityAndReference() {
    CrmStore store = newStore();
    DedupStore dedup = store.attach(dedup());
    Customer survivor = store.customers().save(person("Wang", "Wei", "erp"));
    Customer duplicate = store.customers().save(person("Wang", "Wei", "shop"));
    Purchase purchase = purchase(duplicate.id());
    store.purchases().record(purchase);

    Merger.Result result = merger(dedup).merge(survivor.id(), List.of(duplicate.id()), "steward");

    assertThat(store.customers().findById(duplicate.id())).isEmpty();
    Customer golden = store.customers().findById(survivor.id()).orElseThrow();
    assertThat(golden).isEqualTo(result.golden());
    assertThat(golden.version()).isEqualTo(survivor.version() + 1);
    assertThat(golden.externalReferences()).containsAll(duplicate.externalReferences())
        .containsAll(survivor.externalReferences());
    ExternalReference absorbedReference = duplicate.externalReferences().iterator().next();
    assertThat(store.customers().findByExternalReference(absorbedReference).map(Customer::id)).contains(survivor.id());
    assertThat(purchasesOf(store, survivor.id())).extracting(Purchase::id).containsExactly(purchase.id());
    assertThat(purchasesOf(store, duplicate.id())).isEmpty();
  }

  @Example
  void theLineageKeepsTheMergedRecordsTheMovedActivitiesAndHistoryAndTheProvenance() {
    CrmStore store = newStore();
    DedupStore dedup = store.attach(dedup());
    Customer survivor = store.customers().save(person("Li", "Na", "erp"));
    Customer duplicate = store.customers().save(person("Li", "Na", "shop"));
    Purchase purchase = purchase(duplicate.id());
    store.purchases().record(purchase);
    HistoryEntry move = new HistoryEntry(duplicate.id(), 1, LifecycleStage.PROSPECT, LifecycleStage.DECIDING,
        Trigger.EVALUATION_STARTED, AT.minusSeconds(90).plusNanos(123_456_789), "contract", Optional.of("met twice"));
    store.attach(lifecycle()).lifecycleHistory().append(move);

    Merge merge = merger(dedup).merge(survivor.id(), List.of(duplicate.id()), "steward").merge();

    Merge stored = dedup.mergeLineage().find(merge.id()).orElseThrow();
    assertThat(stored).isEqualTo(merge);
    assertThat(stored.records()).extracting(r -> r.before()).containsExactly(survivor, duplicate);
    assertThat(stored.records().get(1).movedActivities())
        .containsExactly(new MovedActivity(MovedActivity.Kind.PURCHASE, purchase.id()));
    assertThat(stored.records().get(1).movedHistory()).containsExactly(move);
    assertThat(stored.provenance()).containsKeys(Attribute.values());
    assertThat(stored.provenance().get(Attribute.EXTERNAL_REFERENCES).from())
        .containsExactly(survivor.id(), duplicate.id());
    assertThat(dedup.mergeLineage().involving(duplicate.id())).containsExactly(merge);
    assertThat(dedup.mergeLineage().involving(survivor.id())).containsExactly(merge);
  }

  @Example
  void theLineageKeepsDecimalAttributesDigitForDigit() {
    CrmStore store = newStore();
    DedupStore dedup = store.attach(dedup());
    Customer survivor = store.customers().save(person("Smith", "Mary", "erp"));
    Customer duplicate = store.customers().save(new Customer.Builder().from(person("Smith", "Mary", "shop"))
        .putAttribute("industry", AttributeValue.number(new BigDecimal("8388608.007121568"))).build());

    Merge merge = merger(dedup).merge(survivor.id(), List.of(duplicate.id()), "steward").merge();

    assertThat(dedup.mergeLineage().find(merge.id()).orElseThrow().records().get(1).before()).isEqualTo(duplicate);
  }

  @Example
  public void oneRollbackUndoesAMergeEntirely() {
    CrmStore store = newStore();
    DedupStore dedup = store.attach(dedup());
    Customer survivor = store.customers().save(person("Zhang", "San", "erp"));
    Customer duplicate = store.customers().save(person("Zhang", "San", "shop"));
    Purchase purchase = purchase(duplicate.id());
    store.purchases().record(purchase);
    dedup.blockingKeys().replace(duplicate.id(), Set.of("name:zhang san"));
    LifecycleHistory history = store.attach(lifecycle()).lifecycleHistory();
    HistoryEntry move = new HistoryEntry(duplicate.id(), 1, LifecycleStage.PROSPECT, LifecycleStage.DECIDING,
        Trigger.EVALUATION_STARTED, AT.minusSeconds(60), "contract", Optional.empty());
    history.append(move);
    UUID[] mergeId = new UUID[1];

    assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
      mergeId[0] = merger(dedup).merge(survivor.id(), List.of(duplicate.id()), "steward").merge().id();
      throw new IllegalStateException("the host's work failed after the merge");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(store.customers().findById(survivor.id())).contains(survivor);
    assertThat(store.customers().findById(duplicate.id())).contains(duplicate);
    assertThat(purchasesOf(store, duplicate.id())).containsExactly(purchase);
    assertThat(purchasesOf(store, survivor.id())).isEmpty();
    assertThat(dedup.mergeLineage().find(mergeId[0])).isEmpty();
    assertThat(dedup.blockingKeys().keysOf(duplicate.id())).containsExactly("name:zhang san");
    assertThat(dedup.blockingKeys().keysOf(survivor.id())).isEmpty();
    assertThat(history.forCustomer(duplicate.id())).containsExactly(move);
    assertThat(history.forCustomer(survivor.id())).isEmpty();
  }

  @Example
  void blockingKeysFollowTheMergeAndComeBackWithTheUnmerge() {
    CrmStore store = newStore();
    DedupStore dedup = store.attach(dedup());
    Customer survivor = store.customers().save(person("Chen", "Jie", "erp"));
    Customer duplicate = store.customers().save(person("Chen", "Jie", "shop"));
    dedup.blockingKeys().replace(survivor.id(), Set.of("phone:+8613800138000"));
    dedup.blockingKeys().replace(duplicate.id(), Set.of("email:chen@example.com"));

    Merge merge = merger(dedup).merge(survivor.id(), List.of(duplicate.id()), "steward").merge();

    assertThat(dedup.blockingKeys().keysOf(survivor.id()))
        .containsExactlyInAnyOrder("phone:+8613800138000", "email:chen@example.com");
    assertThat(dedup.blockingKeys().keysOf(duplicate.id())).isEmpty();

    merger(dedup).unmerge(merge.id(), "steward");

    assertThat(dedup.blockingKeys().keysOf(survivor.id())).containsExactly("phone:+8613800138000");
    assertThat(dedup.blockingKeys().keysOf(duplicate.id())).containsExactly("email:chen@example.com");
  }

  @Example
  void redactingAMergeReplacesItsSnapshotsButNeverItsCustomers() {
    CrmStore store = newStore();
    DedupStore dedup = store.attach(dedup());
    Customer survivor = store.customers().save(person("Qian", "Yu", "erp"));
    Customer duplicate = store.customers().save(person("Qian", "Yu", "shop"));
    Customer stranger = store.customers().save(person("Kong", "Ming", "erp"));
    Merge merge = merger(dedup).merge(survivor.id(), List.of(duplicate.id()), "steward").merge();
    Merge redacted = new Merge.Builder().from(merge).records(merge.records().stream()
        .map(r -> new MergedRecord.Builder().from(r).before(r.before().withDisplayName("Erased customer"))
            .blockingKeys(Set.of()).build())
        .toList()).build();
    Merge otherCustomers = new Merge.Builder().from(merge).records(List.of(merge.records().get(0),
        new MergedRecord.Builder().from(merge.records().get(1)).before(stranger).build())).build();
    Merge unknown = new Merge.Builder().from(merge).id(UUID.randomUUID()).build();

    dedup.mergeLineage().redact(redacted);

    assertThat(dedup.mergeLineage().find(merge.id())).contains(redacted);
    assertThat(dedup.mergeLineage().involving(duplicate.id())).containsExactly(redacted);
    assertThatThrownBy(() -> dedup.mergeLineage().redact(otherCustomers))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same customers");
    assertThatThrownBy(() -> dedup.mergeLineage().redact(unknown))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no merge");
    assertThat(dedup.mergeLineage().find(merge.id())).contains(redacted);
  }

  @Example
  void aPreviewShowsTheGoldenRecordAndChangesNothing() {
    CrmStore store = newStore();
    DedupStore dedup = store.attach(dedup());
    Customer survivor = store.customers().save(person("Zhao", "Lei", "erp"));
    Customer duplicate = store.customers().save(person("Zhao", "Lei", "shop"));

    GoldenRecord preview = merger(dedup).preview(survivor.id(), List.of(duplicate.id()));

    assertThat(preview.customer().id()).isEqualTo(survivor.id());
    assertThat(preview.merged()).containsExactly(survivor, duplicate);
    assertThat(store.customers().findById(survivor.id())).contains(survivor);
    assertThat(store.customers().findById(duplicate.id())).contains(duplicate);
    assertThat(dedup.mergeLineage().involving(survivor.id())).isEmpty();
  }

  @Example
  void anUnmergeIsRefusedOnceDoneAndWhenTheGoldenRecordChangedSince() {
    CrmStore store = newStore();
    DedupStore dedup = store.attach(dedup());
    Customer survivor = store.customers().save(person("Sun", "Li", "erp"));
    Customer duplicate = store.customers().save(person("Sun", "Li", "shop"));
    Merger merger = merger(dedup);
    Merge merge = merger.merge(survivor.id(), List.of(duplicate.id()), "steward").merge();
    merger.unmerge(merge.id(), "steward");

    assertThatThrownBy(() -> merger.unmerge(merge.id(), "steward")).isInstanceOf(Merger.UnmergeRefusedException.class)
        .hasMessageContaining("undone");
    assertThat(dedup.mergeLineage().find(merge.id()).orElseThrow().undone()).isPresent();

    Merge again = merger.merge(survivor.id(), List.of(duplicate.id()), "steward").merge();
    Customer golden = store.customers().findById(survivor.id()).orElseThrow();
    store.customers().save(golden.withOwner("someone-else"));

    assertThatThrownBy(() -> merger.unmerge(again.id(), "steward")).isInstanceOf(Merger.UnmergeRefusedException.class)
        .hasMessageContaining("changed since");
    assertThat(store.customers().findById(duplicate.id())).isEmpty();
  }

  @Example
  void removingAStaleCopyFailsAndRemovesNothing() {
    CrmStore store = newStore();
    DedupStore dedup = store.attach(dedup());
    Customer saved = store.customers().save(person("Zhou", "Min", "erp"));
    Customer newer = store.customers().save(saved.withOwner("owner"));

    assertThatThrownBy(() -> dedup.mergeWrites().remove(saved)).isInstanceOf(ConcurrentUpdateException.class);
    assertThat(store.customers().findById(saved.id())).contains(newer);
  }

  @Example
  void restoringAnExistingCustomerFailsAndARestoredOneIsOneVersionOn() {
    CrmStore store = newStore();
    DedupStore dedup = store.attach(dedup());
    Customer saved = store.customers().save(person("Wu", "Fang", "erp"));

    assertThatThrownBy(() -> dedup.mergeWrites().restore(saved)).isInstanceOf(ConcurrentUpdateException.class);

    dedup.mergeWrites().remove(saved);
    Customer restored = dedup.mergeWrites().restore(saved);

    assertThat(restored).isEqualTo(saved.withVersion(saved.version() + 1));
    assertThat(store.customers().findById(saved.id())).contains(restored);
    assertThat(store.customers().findByExternalReference(saved.externalReferences().iterator().next()))
        .contains(restored);
  }

  @Example
  void theLineageKeepsAMergeOnceAndItsUndoingOnce() {
    CrmStore store = newStore();
    DedupStore dedup = store.attach(dedup());
    Customer survivor = store.customers().save(person("He", "Ping", "erp"));
    Customer duplicate = store.customers().save(person("He", "Ping", "shop"));
    Merge merge = merger(dedup).merge(survivor.id(), List.of(duplicate.id()), "steward").merge();

    dedup.mergeLineage().record(merge);
    assertThatThrownBy(() -> dedup.mergeLineage().record(new Merge.Builder().from(merge).actor("other").build()))
        .isInstanceOf(DuplicateKeyException.class);

    Merge.Undo undo = new Merge.Undo(AT.plusSeconds(60), "steward", 9);
    assertThat(dedup.mergeLineage().markUndone(merge.id(), undo).undone()).contains(undo);
    assertThatThrownBy(() -> dedup.mergeLineage().markUndone(merge.id(), undo)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> dedup.mergeLineage().markUndone(UUID.randomUUID(), undo))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(dedup.mergeLineage().find(merge.id()).orElseThrow().undone()).contains(undo);
  }

  @Example
  void movingActivitiesBackMovesOnlyThoseListedThatTheOwnerHas() {
    CrmStore store = newStore();
    DedupStore dedup = store.attach(dedup());
    Customer one = store.customers().save(person("Ma", "Lin", "erp"));
    Customer other = store.customers().save(person("Ma", "Lin", "shop"));
    Purchase purchase = purchase(one.id());
    Interaction interaction = CrmArbitraries.interactions(Arbitraries.just(one.id()), Arbitraries.just(AT)).sample();
    store.purchases().record(purchase);
    store.interactions().record(interaction);

    List<MovedActivity> moved = dedup.mergeWrites().moveActivities(one.id(), other.id());

    assertThat(moved).containsExactly(new MovedActivity(MovedActivity.Kind.PURCHASE, purchase.id()),
        new MovedActivity(MovedActivity.Kind.INTERACTION, interaction.id()));
    assertThat(interactionsOf(store, other.id())).extracting(Interaction::id).containsExactly(interaction.id());
    MovedActivity stranger = new MovedActivity(MovedActivity.Kind.PURCHASE, purchase(one.id()).id());
    int back = dedup.mergeWrites().moveActivities(List.of(moved.get(0), stranger), other.id(), one.id());

    assertThat(back).isEqualTo(1);
    assertThat(purchasesOf(store, one.id())).containsExactly(purchase);
    assertThat(interactionsOf(store, other.id())).hasSize(1);
  }

  /** Two or three scenarios whose customers, references and activities are all distinct: clusters to merge at once. */
  @Provide
  Arbitrary<List<Scenario>> clusters() {
    return scenarios().list().ofMinSize(2).ofMaxSize(3).filter(MergeContract::disjoint);
  }

  private static boolean disjoint(List<Scenario> scenarios) {
    List<Customer> customers = scenarios.stream().flatMap(scenario -> scenario.customers().stream()).toList();
    List<Object> keys = new ArrayList<>();
    customers.forEach(customer -> {
      keys.add(customer.id());
      keys.addAll(customer.externalReferences());
    });
    scenarios.forEach(scenario -> {
      scenario.purchases().forEach(purchase -> keys.add(purchase.id()));
      scenario.interactions().forEach(interaction -> keys.add(List.of("interaction", interaction.id())));
    });
    return new HashSet<>(keys).size() == keys.size();
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return CrmArbitraries.customerLists(2, 4).flatMap(customers -> {
      Arbitrary<CustomerId> owners = Arbitraries.of(customers.stream().map(Customer::id).toList());
      return Combinators.combine(
              CrmArbitraries.purchases(owners, CrmArbitraries.instants()).list().ofMaxSize(6)
                  .uniqueElements(Purchase::id),
              CrmArbitraries.interactions(owners, CrmArbitraries.instants()).list().ofMaxSize(6)
                  .uniqueElements(Interaction::id),
              CrmArbitraries.instants().list().ofMaxSize(3).list().ofSize(customers.size()))
          .as((purchases, interactions, times) -> new Scenario(customers, purchases, interactions,
              history(customers, times)));
    });
  }

  /**
   * Each customer's own history: one entry per instant, at versions 1, 2, ... in time order, so
   * that the customers' versions collide as real customers' do.
   */
  private static List<HistoryEntry> history(List<Customer> customers, List<List<Instant>> times) {
    List<HistoryEntry> entries = new ArrayList<>();
    for (int c = 0; c < customers.size(); c++) {
      List<Instant> sorted = times.get(c).stream().sorted().toList();
      for (int v = 0; v < sorted.size(); v++) {
        LifecycleStage from = STAGES.get(v % STAGES.size());
        LifecycleStage to = STAGES.get((v + 1) % STAGES.size());
        entries.add(new HistoryEntry(customers.get(c).id(), v + 1L, from, to, Trigger.MANUAL, sorted.get(v), "contract",
            Optional.of("move " + (v + 1))));
      }
    }
    return List.copyOf(entries);
  }

  /**
   * Customers to save, with purchases and interactions among them, and lifecycle history.
   *
   * @param customers customers at version 0 that can be saved together
   * @param purchases purchases of those customers
   * @param interactions interactions with those customers
   * @param history own lifecycle history entries of those customers
   */
  public record Scenario(List<Customer> customers, List<Purchase> purchases, List<Interaction> interactions,
      List<HistoryEntry> history) {
    /** A scenario without lifecycle history. */
    public Scenario(List<Customer> customers, List<Purchase> purchases, List<Interaction> interactions) {
      this(customers, purchases, interactions, List.of());
    }
  }

  private static Map<CustomerId, List<HistoryEntry>> historyOf(LifecycleHistory history, List<Customer> customers) {
    return customers.stream().collect(Collectors.toMap(Customer::id, c -> history.forCustomer(c.id())));
  }

  private <A> Map<CustomerId, Set<A>> byOwner(CrmStore store, List<Customer> customers,
      java.util.function.BiFunction<CrmStore, CustomerId, List<A>> read) {
    return customers.stream().collect(Collectors.toMap(Customer::id, c -> new HashSet<>(read.apply(store, c.id()))));
  }

  private List<Purchase> purchasesOf(CrmStore store, CustomerId id) {
    return store.purchases().forCustomer(id, TimeRange.all());
  }

  private List<Interaction> interactionsOf(CrmStore store, CustomerId id) {
    return store.interactions().forCustomer(id, TimeRange.all());
  }

  private static Customer person(String family, String given, String system) {
    long n = IDS.incrementAndGet();
    return new Customer.Builder()
        .id(CustomerId.of(new UUID(0xDED0, n)))
        .version(0)
        .kind(CustomerKind.PERSON)
        .personName(PersonName.of(family, given))
        .displayName(given + " " + family)
        .stage(LifecycleStage.PROSPECT)
        .addExternalReference(new ExternalReference(system, "C-" + n))
        .addTag(system)
        .createdAt(AT.minusSeconds(n % 1000))
        .updatedAt(AT.minusSeconds(n % 100))
        .build();
  }

  private static Purchase purchase(CustomerId customer) {
    return new Purchase.Builder()
        .id(io.crmkit.core.activity.ActivityId.of(new UUID(0xDED1, IDS.incrementAndGet())))
        .customerId(customer)
        .occurredAt(AT.minusSeconds(3600))
        .amount(Money.of(CurrencyUnit.EUR, 10))
        .channel("online")
        .build();
  }

  @Example
  void allListsEveryMergeWithItsUndoing() {
    CrmStore store = newStore();
    DedupStore dedup = store.attach(dedup());
    Customer survivor = store.customers().save(person("Lu", "Wen", "erp"));
    Customer duplicate = store.customers().save(person("Lu", "Wen", "shop"));
    Merge merge = merger(dedup).merge(survivor.id(), List.of(duplicate.id()), "steward").merge();
    dedup.mergeLineage().record(merge);
    Merge.Undo undo = new Merge.Undo(AT.plusSeconds(60), "steward", 9);
    Merge undone = dedup.mergeLineage().markUndone(merge.id(), undo);

    assertThat(dedup.mergeLineage().all()).contains(undone).doesNotContain(merge);
  }

  /**
   * Ids with the highest bit set or not: databases order UUIDs as unsigned numbers, so an adapter
   * that compares them as Java does would page wrongly.
   */
  @Example
  void streamGivesEveryMergeInIdOrderAcrossPages() {
    CrmStore store = newStore();
    DedupStore dedup = store.attach(dedup());
    Customer survivor = store.customers().save(person("Ma", "Lin", "erp"));
    Customer duplicate = store.customers().save(person("Ma", "Lin", "shop"));
    Merge merge = merger(dedup).merge(survivor.id(), List.of(duplicate.id()), "steward").merge();
    List<Merge> copies = LongStream.range(0, 1_100).<Merge>mapToObj(i -> new Merge.Builder().from(merge)
        .id(new UUID(i % 2 == 0 ? i : Long.MIN_VALUE | i, i)).build()).toList();
    dedup.mergeLineage().recordAll(copies);

    List<Merge> expected = new ArrayList<>(dedup.mergeLineage().all());
    expected.sort(Merge.ID_ORDER);
    assertThat(expected).hasSize(copies.size() + 1);
    try (Stream<Merge> streamed = dedup.mergeLineage().stream()) {
      assertThat(streamed.toList()).containsExactlyElementsOf(expected);
    }
    assertThat(dedup.mergeLineage().involving(survivor.id())).as("one instant: by id, as stream orders them")
        .containsExactlyElementsOf(expected);
  }
}
