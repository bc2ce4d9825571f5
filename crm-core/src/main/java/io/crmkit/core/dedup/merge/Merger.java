package io.crmkit.core.dedup.merge;

import io.crmkit.core.common.ConcurrentUpdateException;
import io.crmkit.core.common.CrmException;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.IdGenerator;
import io.crmkit.core.common.Require;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerNotFoundException;
import io.crmkit.core.customer.CustomerRules;
import io.crmkit.core.dedup.BlockingKeyIndex;
import io.crmkit.core.dedup.CustomersMerged;
import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.dedup.MergeUndone;
import io.crmkit.core.lifecycle.HistoryEntry;
import io.crmkit.core.lifecycle.LifecycleHistory;
import io.crmkit.core.lifecycle.LifecycleStore;
import io.crmkit.core.store.CrmStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Merges duplicate customers into one golden record, and undoes a merge.
 *
 * <p>A merge names a survivor and the customers it absorbs. The golden record keeps the survivor's
 * id and lifecycle stage and takes every other attribute by the {@link SurvivorshipRules}; the
 * absorbed customers are <em>removed</em> from the customers (not marked): their external
 * references move to the golden record, so an import by any of them updates the golden record
 * instead of creating a duplicate, and lookups and queries never find a customer that no longer
 * exists. {@link MergeLineage#involving} traces an absorbed id to its survivor.
 *
 * <p>{@link #merge} is one unit of work on the store's transactions: the absorbed customers'
 * purchases and interactions move to the survivor, the absorbed customers are removed (with an
 * optimistic version check against what was read), the golden record is saved over the survivor
 * (version check too), blocking keys are carried over, the lineage is written and one {@link
 * CustomersMerged} event is published. Any failure rolls all of it back.
 *
 * <p><b>Lifecycle history.</b> A merger built with the store's {@link Builder#lifecycle lifecycle
 * capability} also moves every {@link HistoryEntry} kept under an absorbed customer to the survivor
 * in the same unit of work, so that {@link LifecycleHistory#forCustomer} of the survivor tells the
 * whole story in time order. Each moved entry keeps its origin customer and version (a customer's
 * versions mean nothing under another id), so it never collides with the survivor's own entries
 * and never becomes the survivor's latest move: the golden record keeps the survivor's stage, and
 * the stage its history leads to stays that stage. The merger takes the capability explicitly
 * rather than discovering it, so that dedup does not depend on which capabilities a store carries
 * and a merge never runs the lifecycle's migrations as a side effect; a host that uses the
 * lifecycle passes its {@link LifecycleStore} to every merger it builds.
 *
 * <p><b>Churn signals are not moved.</b> A signal is a measurement of the absorbed customer's own
 * purchases at one time (a P(alive) of that record); moved under the survivor it would compete with
 * the survivor's own measurements as "newest". The absorbed customer's purchases move to the
 * survivor, so the next model run measures the survivor with them; until then its signals stay
 * under the absorbed id, reachable through the lineage. Dimension code assignments are attributes
 * of the customer and follow survivorship; code requests and code sequences are keyed by scheme and
 * code, not by customer, so nothing of the dimension capability is left under an absorbed id.
 *
 * <p>{@link #unmerge} restores the merged customers <em>exactly</em>: every attribute of every
 * merged customer (id, details, creation and update times, stage, references, codes) equals the
 * record as it was before the merge, only the versions move on as any save moves them (the
 * survivor's to one above the golden record's, an absorbed customer's to one above its version
 * before the merge); every activity the merge moved is back with its owner, unchanged; the
 * blocking keys are those before the merge; every history entry the merge moved is back under its
 * customer, so each customer's history equals what it was. Activities recorded on the golden record
 * after the merge stay with the survivor. An unmerge is refused if the golden record was changed
 * since the merge (its changes would be lost), the merge was undone already, or it moved history
 * and this merger has no lifecycle store to move it back.
 *
 * <p>Thread-safe; the store's transactions serialise or isolate concurrent merges.
 */
public final class Merger {
  /** Merges per transaction of {@link #mergeAll}. */
  static final int CHUNK = 200;

  private final DedupStore store;
  private final SurvivorshipRules rules;
  private final Clock clock;
  private final IdGenerator ids;
  private final LifecycleHistory history;

  private Merger(Builder builder) {
    this.store = Require.notNull(builder.store, "store");
    if (builder.lifecycle != null) {
      Require.argument(builder.lifecycle.base() == store.base(), "the lifecycle store must be attached to the"
          + " same base store as the dedup store, so that a merge is one transaction");
    }
    this.history = builder.lifecycle == null ? null : builder.lifecycle.lifecycleHistory();
    this.rules = builder.rules;
    this.clock = builder.clock;
    this.ids = builder.ids;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The golden record a merge of these customers would make now, with its provenance; changes
   * nothing.
   *
   * @throws CustomerNotFoundException if one of the customers does not exist
   * @throws IllegalArgumentException if no customer is absorbed, or one is named twice
   */
  public GoldenRecord preview(CustomerId survivor, Collection<CustomerId> absorbed) {
    List<CustomerId> ranked = ranked(survivor, absorbed);
    return GoldenRecords.build(load(ranked), rules, clock.instant());
  }

  /**
   * Merges {@code absorbed} into {@code survivor}, in one transaction.
   *
   * @param actor who merges: a user or system name, recorded in the lineage
   * @return the merge as recorded, and the golden record as stored
   * @throws CustomerNotFoundException if one of the customers does not exist
   * @throws io.crmkit.core.common.ConcurrentUpdateException if one of them changed while merging
   * @throws IllegalArgumentException if no customer is absorbed, one is named twice, or the actor is blank
   * @throws CrmValidationException if the golden record would break a {@link CustomerRules} rule
   *     (a person's name merged onto an organisation by the rules chosen); nothing is changed
   */
  public Result merge(CustomerId survivor, Collection<CustomerId> absorbed, String actor) {
    List<CustomerId> ranked = ranked(survivor, absorbed);
    Require.notBlank(actor, "actor");
    CrmStore base = store.base();
    return base.transactions().inTransaction(() -> {
      GoldenRecord golden = GoldenRecords.build(load(ranked), rules, clock.instant());
      List<Violation> violations = CustomerRules.check(golden.customer());
      if (!violations.isEmpty()) {
        throw new CrmValidationException("golden record of " + ranked, violations);
      }
      BlockingKeyIndex keys = store.blockingKeys();
      List<MergedRecord> records = new ArrayList<>();
      Set<String> goldenKeys = new LinkedHashSet<>();
      for (Customer before : golden.merged()) {
        Set<String> keysBefore = keys.keysOf(before.id());
        goldenKeys.addAll(keysBefore);
        MergedRecord.Builder record = new MergedRecord.Builder();
        record.before(before).blockingKeys(keysBefore);
        if (!before.id().equals(survivor)) {
          record.movedActivities(store.mergeWrites().moveActivities(before.id(), survivor));
          if (history != null) {
            record.movedHistory(history.move(before.id(), survivor));
          }
          store.mergeWrites().remove(before);
          keys.replace(before.id(), Set.of());
        }
        records.add(record.build());
      }
      Customer stored = base.customers().save(golden.customer());
      keys.replace(survivor, goldenKeys);
      Merge merge = new Merge.Builder().id(ids.newId()).actor(actor).mergedAt(clock.instant()).records(records)
          .goldenVersion(stored.version()).provenance(golden.provenance()).build();
      store.mergeLineage().record(merge);
      base.events().publish(new CustomersMerged(ids.newId(), merge.mergedAt(), survivor, stored.version(), merge.id(),
          merge.absorbedIds()));
      return new Result(merge, stored);
    });
  }

  /**
   * Makes many merges, each as {@link #merge} would, a chunk of {@value #CHUNK} merges per
   * transaction: the customers of a chunk read at once, their activities, history, keys and lineage
   * written set at a time, as a batch deduplication run needs. If a chunk fails for another reason
   * than the storage (a customer missing or changed meanwhile, a golden record the rules refuse), it
   * rolls back and each of its merges is made alone, so that a failure is that merge's alone. Chunks
   * and lone merges run behind savepoints ({@link io.crmkit.core.common.TransactionRunner#inSavepoint}),
   * so this holds inside an enclosing transaction too, with crmkit's stores.
   *
   * @param requests the merges, no customer named by two of them (merging clusters, which share
   *     none)
   * @param actor who merges, recorded in every lineage entry
   * @return the merges made, in request order, and those that failed, with why
   * @throws IllegalArgumentException if a merge absorbs no customer or names one twice, two merges
   *     name one customer, or the actor is blank; nothing is merged
   * @throws CrmStorageException if the storage fails; merges made before stay made
   */
  public Outcome mergeAll(List<Request> requests, String actor) {
    Objects.requireNonNull(requests, "requests");
    Require.notBlank(actor, "actor");
    List<List<CustomerId>> ranked = new ArrayList<>(requests.size());
    Set<CustomerId> named = new HashSet<>();
    for (Request request : requests) {
      List<CustomerId> ids = ranked(Objects.requireNonNull(request, "request").survivor(), request.absorbed());
      ids.forEach(id -> Require.argument(named.add(id),
          "customer %s is named by two merges; merge each cluster once", id));
      ranked.add(ids);
    }
    List<Result> merged = new ArrayList<>(requests.size());
    List<Failure> failed = new ArrayList<>();
    for (int from = 0; from < requests.size(); from += CHUNK) {
      int to = Math.min(requests.size(), from + CHUNK);
      try {
        List<List<CustomerId>> chunk = ranked.subList(from, to);
        merged.addAll(store.base().transactions().inSavepoint(() -> mergeChunk(chunk, actor)));
      } catch (CrmStorageException e) {
        throw e;
      } catch (RuntimeException e) {
        // One merge of the chunk failed it: each merge alone tells which.
        for (Request request : requests.subList(from, to)) {
          try {
            merged.add(store.base().transactions().inSavepoint(
                () -> merge(request.survivor(), request.absorbed(), actor)));
          } catch (CrmStorageException storage) {
            throw storage;
          } catch (RuntimeException failure) {
            failed.add(new Failure(request, failure));
          }
        }
      }
    }
    return new Outcome(merged, failed);
  }

  /** The merges of one chunk of {@link #mergeAll}, as {@link #merge} makes each, in the caller's transaction. */
  private List<Result> mergeChunk(List<List<CustomerId>> chunk, String actor) {
    CrmStore base = store.base();
    Map<CustomerId, Customer> loaded = base.customerBatches().load(chunk.stream().flatMap(List::stream).toList());
    List<GoldenRecord> goldens = new ArrayList<>(chunk.size());
    Map<CustomerId, CustomerId> moves = new LinkedHashMap<>();
    List<Customer> absorbed = new ArrayList<>();
    for (List<CustomerId> ranked : chunk) {
      GoldenRecord golden = GoldenRecords.build(found(ranked, loaded), rules, clock.instant());
      List<Violation> violations = new ArrayList<>(CustomerRules.check(golden.customer()));
      violations.addAll(base.customerBatches().storageViolations(golden.customer()));
      if (!violations.isEmpty()) {
        throw new CrmValidationException("golden record of " + ranked, violations);
      }
      goldens.add(golden);
      golden.merged().subList(1, golden.merged().size()).forEach(customer -> {
        moves.put(customer.id(), ranked.get(0));
        absorbed.add(customer);
      });
    }
    BlockingKeyIndex keys = store.blockingKeys();
    Map<CustomerId, Set<String>> keysBefore = keys.keysOf(List.copyOf(loaded.keySet()));
    Map<CustomerId, List<MovedActivity>> activities = store.mergeWrites().moveActivities(moves);
    Map<CustomerId, List<HistoryEntry>> histories = history == null ? Map.of() : history.move(moves);
    store.mergeWrites().removeAll(absorbed);
    List<Customer> goldenCustomers = goldens.stream().map(GoldenRecord::customer).toList();
    Set<CustomerId> saved = base.customerBatches().updateAll(goldenCustomers);
    for (Customer golden : goldenCustomers) {
      if (!saved.contains(golden.id())) {
        throw new ConcurrentUpdateException("Customer", golden.id().toString(), golden.version(),
            "changed while merging");
      }
    }
    Map<CustomerId, Set<String>> keysAfter = new LinkedHashMap<>();
    List<Merge> merges = new ArrayList<>(goldens.size());
    List<Result> results = new ArrayList<>(goldens.size());
    for (GoldenRecord golden : goldens) {
      Set<String> goldenKeys = new LinkedHashSet<>();
      List<MergedRecord> records = new ArrayList<>();
      for (Customer before : golden.merged()) {
        Set<String> keysOfBefore = keysBefore.getOrDefault(before.id(), Set.of());
        goldenKeys.addAll(keysOfBefore);
        MergedRecord.Builder record = new MergedRecord.Builder().before(before).blockingKeys(keysOfBefore);
        if (moves.containsKey(before.id())) {
          record.movedActivities(activities.getOrDefault(before.id(), List.of()))
              .movedHistory(histories.getOrDefault(before.id(), List.of()));
          if (!keysOfBefore.isEmpty()) {
            keysAfter.put(before.id(), Set.of());
          }
        }
        records.add(record.build());
      }
      CustomerId survivor = golden.customer().id();
      if (!goldenKeys.equals(keysBefore.getOrDefault(survivor, Set.of()))) {
        keysAfter.put(survivor, goldenKeys);
      }
      Customer stored = golden.customer().withVersion(golden.customer().version() + 1);
      Merge merge = new Merge.Builder().id(ids.newId()).actor(actor).mergedAt(clock.instant()).records(records)
          .goldenVersion(stored.version()).provenance(golden.provenance()).build();
      merges.add(merge);
      results.add(new Result(merge, stored));
    }
    keys.replaceAll(keysAfter);
    store.mergeLineage().recordAll(merges);
    for (Result result : results) {
      Merge merge = result.merge();
      base.events().publish(new CustomersMerged(ids.newId(), merge.mergedAt(), merge.survivorId(),
          result.golden().version(), merge.id(), merge.absorbedIds()));
    }
    return results;
  }

  /**
   * Undoes a merge, in one transaction: see the class comment for what is restored.
   *
   * @param actor who undoes it
   * @return the restored customers as stored, survivor first
   * @throws UnmergeRefusedException if no such merge was recorded, it was undone already, the
   *     golden record changed since the merge, the merge moved lifecycle history and this merger has
   *     no lifecycle store, or a moved activity or history entry is no longer with the survivor
   */
  public List<Customer> unmerge(UUID mergeId, String actor) {
    Objects.requireNonNull(mergeId, "mergeId");
    Require.notBlank(actor, "actor");
    CrmStore base = store.base();
    return base.transactions().inTransaction(() -> {
      Merge merge = store.mergeLineage().find(mergeId)
          .orElseThrow(() -> new UnmergeRefusedException(mergeId, "no such merge was recorded"));
      if (merge.undone().isPresent()) {
        throw new UnmergeRefusedException(mergeId, "it was undone at " + merge.undone().get().at() + " by "
            + merge.undone().get().actor());
      }
      CustomerId survivor = merge.survivorId();
      Customer golden = base.customers().findById(survivor)
          .orElseThrow(() -> new UnmergeRefusedException(mergeId, "its golden record " + survivor
              + " no longer exists (was it merged again? undo that merge first)"));
      if (golden.version() != merge.goldenVersion()) {
        throw new UnmergeRefusedException(mergeId, "its golden record " + survivor + " changed since: version "
            + golden.version() + ", the merge left version " + merge.goldenVersion());
      }
      int movedHistory = merge.records().stream().mapToInt(r -> r.movedHistory().size()).sum();
      if (movedHistory > 0 && history == null) {
        throw new UnmergeRefusedException(mergeId, "it moved " + movedHistory + " lifecycle history entries, and this"
            + " merger has no lifecycle store to move them back: build it with Merger.builder().lifecycle(...)");
      }
      List<Customer> restored = new ArrayList<>();
      MergedRecord survivorRecord = merge.records().get(0);
      restored.add(base.customers().save(survivorRecord.before().withVersion(golden.version())));
      for (MergedRecord record : merge.records().subList(1, merge.records().size())) {
        restored.add(store.mergeWrites().restore(record.before()));
        int moved = store.mergeWrites().moveActivities(record.movedActivities(), survivor, record.before().id());
        if (moved != record.movedActivities().size()) {
          throw new UnmergeRefusedException(mergeId, "only " + moved + " of the " + record.movedActivities().size()
              + " activities moved from " + record.before().id() + " are still with the survivor");
        }
        if (!record.movedHistory().isEmpty()) {
          int back = history.move(record.movedHistory(), survivor, record.before().id());
          if (back != record.movedHistory().size()) {
            throw new UnmergeRefusedException(mergeId, "only " + back + " of the " + record.movedHistory().size()
                + " lifecycle history entries moved from " + record.before().id() + " are still with the survivor");
          }
        }
      }
      for (MergedRecord record : merge.records()) {
        store.blockingKeys().replace(record.before().id(), record.blockingKeys());
      }
      Merge.Undo undo = new Merge.Undo(clock.instant(), actor, restored.get(0).version());
      store.mergeLineage().markUndone(mergeId, undo);
      base.events().publish(new MergeUndone(ids.newId(), undo.at(), survivor, restored.get(0).version(), mergeId,
          merge.absorbedIds()));
      return List.copyOf(restored);
    });
  }

  private static List<CustomerId> ranked(CustomerId survivor, Collection<CustomerId> absorbed) {
    Objects.requireNonNull(survivor, "survivor");
    Objects.requireNonNull(absorbed, "absorbed");
    List<CustomerId> ranked = new ArrayList<>();
    ranked.add(survivor);
    absorbed.forEach(id -> ranked.add(Objects.requireNonNull(id, "absorbed customer id")));
    Require.argument(ranked.size() >= 2, "a merge absorbs at least one customer into %s", survivor);
    Require.argument(new LinkedHashSet<>(ranked).size() == ranked.size(),
        "a merge names each customer once, got survivor %s and %s", survivor, absorbed);
    return ranked;
  }

  /** The customers, in rank order, read with one lookup. */
  private List<Customer> load(List<CustomerId> ranked) {
    return found(ranked, store.base().customerBatches().load(ranked));
  }

  /**
   * The customers of {@code ranked}, in rank order, from those {@code loaded}.
   *
   * @throws CustomerNotFoundException if one was not found
   */
  private static List<Customer> found(List<CustomerId> ranked, Map<CustomerId, Customer> loaded) {
    List<Customer> customers = new ArrayList<>(ranked.size());
    for (CustomerId id : ranked) {
      Customer customer = loaded.get(id);
      if (customer == null) {
        throw new CustomerNotFoundException(id);
      }
      customers.add(customer);
    }
    return customers;
  }

  /**
   * A merge done.
   *
   * @param merge what it did, as the lineage keeps it
   * @param golden the golden record as stored (the survivor at its new version)
   */
  public record Result(Merge merge, Customer golden) {
    public Result {
      Objects.requireNonNull(merge, "merge");
      Objects.requireNonNull(golden, "golden");
    }
  }

  /**
   * One merge for {@link #mergeAll}.
   *
   * @param survivor the customer whose id and stage the golden record keeps
   * @param absorbed the customers it absorbs, at least one
   */
  public record Request(CustomerId survivor, List<CustomerId> absorbed) {
    public Request {
      Objects.requireNonNull(survivor, "survivor");
      absorbed = List.copyOf(Objects.requireNonNull(absorbed, "absorbed"));
    }
  }

  /**
   * What {@link #mergeAll} did: every request is in exactly one list.
   *
   * @param merged the merges made, in request order
   * @param failed the merges not made, in request order
   */
  public record Outcome(List<Result> merged, List<Failure> failed) {
    public Outcome {
      merged = List.copyOf(merged);
      failed = List.copyOf(failed);
    }
  }

  /**
   * A merge of {@link #mergeAll} not made; nothing of it was written.
   *
   * @param request the merge
   * @param cause why, as {@link #merge} throws it: {@link CustomerNotFoundException}, {@link
   *     ConcurrentUpdateException}, {@link CrmValidationException}, ...
   */
  public record Failure(Request request, RuntimeException cause) {
    public Failure {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(cause, "cause");
    }
  }

  /** An unmerge that cannot be done; nothing was changed. */
  public static final class UnmergeRefusedException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final UUID mergeId;

    public UnmergeRefusedException(UUID mergeId, String reason) {
      super("Merge " + mergeId + " cannot be undone: " + reason);
      this.mergeId = mergeId;
    }

    /** The merge that was to be undone. */
    public UUID mergeId() {
      return mergeId;
    }
  }

  /** Configures a {@link Merger}; only the store is required. */
  public static final class Builder {
    private DedupStore store;
    private SurvivorshipRules rules = SurvivorshipRules.defaults();
    private Clock clock = Clock.systemUTC();
    private IdGenerator ids = IdGenerator.timeOrdered();
    private LifecycleStore lifecycle;

    private Builder() {}

    /**
     * The lifecycle capability of the same store: merges then move absorbed customers' lifecycle
     * history to the survivor and unmerges move it back (see the class comment). Without it history
     * stays under the absorbed ids; a merge that moved history can only be undone by a merger that
     * has it.
     *
     * @throws NullPointerException if {@code lifecycle} is null; {@link #build()} throws {@link
     *     IllegalArgumentException} if it is attached to another base store than {@link #store}
     */
    public Builder lifecycle(LifecycleStore lifecycle) {
      this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
      return this;
    }

    /** The dedup ports, attached to the store whose customers are merged. */
    public Builder store(DedupStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Survivorship rules; {@link SurvivorshipRules#defaults()} unless set. */
    public Builder rules(SurvivorshipRules rules) {
      this.rules = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /** The clock of merge times and golden records' update times; UTC system clock unless set. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Ids of merges and events; time-ordered UUIDs unless set. */
    public Builder ids(IdGenerator ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /**
     * @throws NullPointerException if no store was given
     * @throws IllegalArgumentException if the lifecycle store is attached to another base store
     */
    public Merger build() {
      return new Merger(this);
    }
  }
}
