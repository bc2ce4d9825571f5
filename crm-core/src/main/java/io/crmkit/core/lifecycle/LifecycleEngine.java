package io.crmkit.core.lifecycle;

import io.crmkit.core.activity.PurchaseSummary;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.common.ConcurrentUpdateException;
import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.CrmValidator;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.IdGenerator;
import io.crmkit.core.common.Rejection;
import io.crmkit.core.common.Require;
import io.crmkit.core.common.TransactionRunner;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerBatches;
import io.crmkit.core.customer.CustomerChanges;
import io.crmkit.core.customer.CustomerField;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerNotFoundException;
import io.crmkit.core.customer.CustomerRules;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.event.CustomerUpdated;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.event.EventPublisher;
import io.crmkit.core.event.StageChanged;
import io.crmkit.core.store.CrmStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Moves customers through a {@link Lifecycle}: fires triggers, records every move in the
 * {@link LifecycleHistory}, publishes {@link StageChanged}, and evaluates the automatic
 * {@link LifecycleRules rules} for one customer or all of them as of a date.
 *
 * <pre>{@code
 * LifecycleEngine lifecycle = LifecycleEngine.builder()
 *     .store(crm.store().attach(InMemoryExtensions.lifecycle())) // history and signals beside the customers

 *     .clock(crm.clock())
 *     .build();                           // Lifecycle.standard() with LifecycleRules.standard()
 * lifecycle.fire(customerId, Trigger.MANUAL, "alice", "duplicate lead");
 * LifecycleEngine.Report nightly = lifecycle.applyAll(clock.instant(), "lifecycle-evaluator");
 * }</pre>
 *
 * <p><b>One move, one transaction.</b> A move saves the customer with the new stage through
 * {@link Customers#save} (an optimistic version check), appends the history entry keyed by the
 * customer's new version, and publishes the event, all inside one
 * {@link TransactionRunner#inTransaction} so a transactional store commits them together.
 * Concurrent moves of one customer therefore cannot both succeed: the second fails with
 * {@link ConcurrentUpdateException} and writes nothing. {@link #applyAll} puts a chunk of
 * customers' moves in one transaction instead, written set at a time with the same version checks.
 *
 * <p><b>History and replay.</b> Inside crmkit a stage changes only here: {@code Crm.update}
 * refuses a changed stage, and every move the engine makes writes a history entry. Registering
 * a customer is not a move and writes none (a million fresh customers cost no history rows): a
 * customer without history is in the stage they were registered (or imported) in, usually the
 * lifecycle's initial stage. So {@link #replay} (the target of the newest entry, else the
 * registered stage) gives every customer's stored stage. Only a stage changed outside crmkit
 * (the host's SQL, say) after the engine moved the customer can disagree with history, until
 * {@link #reconcile} records it; on a customer the engine never moved, such a change cannot be
 * told from registering them in that stage.
 *
 * <p><b>When a customer entered their stage</b>, for stage time limits, is the time of their
 * newest history entry when it matches their stage; their creation time when they are still in
 * the initial stage without history; otherwise (registered in a later stage, or changed outside
 * crmkit) the time of their last save, the latest moment the stage can have been set, so time
 * limits never fire early. (A stage changed outside crmkit and then set back to the recorded one
 * is not detected: history still dates it from the engine's move.)
 *
 * <p>Thread-safe. Holds no per-customer state.
 */
public final class LifecycleEngine {
  /** Customers read per bulk lookup of history, churn signals and purchase summaries in batch evaluation. */
  static final int CHUNK = 1_000;

  private final Lifecycle lifecycle;
  private final LifecycleEvaluator evaluator;
  private final Customers customers;
  private final CustomerBatches batches;
  private final Purchases purchases;
  private final LifecycleHistory history;
  private final ChurnSignals churnSignals;
  private final TransactionRunner transactions;
  private final EventPublisher events;
  private final Clock clock;
  private final IdGenerator ids;
  private final CrmValidator validator;

  private LifecycleEngine(Builder builder) {
    this.lifecycle = builder.lifecycle;
    this.evaluator = new LifecycleEvaluator(builder.lifecycle, builder.rules);
    this.customers = Objects.requireNonNull(builder.customers, "customers (or store) must be set");
    this.batches = builder.batches;
    this.purchases = Objects.requireNonNull(builder.purchases, "purchases (or store) must be set");
    this.history = Objects.requireNonNull(
        builder.history != null ? builder.history : builder.store == null ? null : builder.store.lifecycleHistory(),
        "history (or store) must be set");
    this.churnSignals = builder.churnSignals != null ? builder.churnSignals
        : builder.store == null ? null : builder.store.churnSignals();
    this.transactions = builder.transactions;
    this.events = builder.events;
    this.clock = builder.clock;
    this.ids = builder.ids;
    boolean hasActions = lifecycle.transitions().stream().anyMatch(t -> !t.actions().isEmpty());
    this.validator = builder.validator != null ? builder.validator : hasActions ? CrmValidator.create(clock) : null;
  }

  /** A builder; set a store, or the customers, purchases and history one by one. */
  public static Builder builder() {
    return new Builder();
  }

  /** The definition customers move through. */
  public Lifecycle lifecycle() {
    return lifecycle;
  }

  /** The pure evaluator behind {@link #evaluate} and {@link #evaluateAll}. */
  public LifecycleEvaluator evaluator() {
    return evaluator;
  }

  /**
   * Fires {@code trigger} for the customer as currently stored.
   *
   * @param actor who fires it: a user name, or a system name; 1-128 printable characters
   * @param reason why, or {@code null}; required by transitions that {@link
   *     Transition#requiringReason() require a reason}, such as the standard manual moves
   * @return {@link FireResult.Moved} with the saved customer and history entry, or {@link
   *     FireResult.Blocked} if the transition's guard refused (nothing written)
   * @throws CustomerNotFoundException if there is no such customer
   * @throws IllegalTransitionException if the customer's stage has no transition for
   *     {@code trigger}, naming the stage and the triggers it allows; nothing written
   * @throws CrmValidationException if the actor or reason is malformed, a required reason is
   *     missing, or an action produced an invalid customer; nothing written
   * @throws ConcurrentUpdateException if the customer was saved by someone else meanwhile; nothing
   *     written
   */
  public FireResult fire(CustomerId customerId, Trigger trigger, String actor, String reason) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(trigger, "trigger");
    Optional<String> why = checkInput(actor, reason);
    return transactions.inTransaction(() -> fireOn(get(customerId), trigger, actor, why));
  }

  /**
   * Fires {@code trigger} for {@code customer} if it is still the stored version: for a caller
   * that decided on the move by looking at that copy.
   *
   * @throws ConcurrentUpdateException if the stored customer's version differs from
   *     {@code customer.version()}; nothing written
   * @throws CustomerNotFoundException if there is no such customer
   * @throws IllegalTransitionException as for {@link #fire(CustomerId, Trigger, String, String)}
   * @throws CrmValidationException as for {@link #fire(CustomerId, Trigger, String, String)}
   */
  public FireResult fire(Customer customer, Trigger trigger, String actor, String reason) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(trigger, "trigger");
    Optional<String> why = checkInput(actor, reason);
    return transactions.inTransaction(() -> {
      Customer current = get(customer.id());
      if (current.version() != customer.version()) {
        throw new ConcurrentUpdateException("Customer", customer.id().toString(), customer.version(),
            "found " + current.version());
      }
      return fireOn(current, trigger, actor, why);
    });
  }

  /**
   * The customer's history, oldest first: their own moves and those of customers merged into them
   * ({@link HistoryEntry#moved()}), see {@link LifecycleHistory#forCustomer}.
   */
  public List<HistoryEntry> history(CustomerId customerId) {
    return history.forCustomer(Objects.requireNonNull(customerId, "customerId"));
  }

  /**
   * The stage the customer's history leads to: the target of their newest entry, or, without
   * history, the stage they were registered in, which is their stored stage since nothing in
   * crmkit changes a stage without writing an entry. Equal to the stored stage for every customer
   * whose stage only crmkit changed (or whose outside change was {@link #reconcile reconciled}).
   *
   * @throws CustomerNotFoundException if the customer has no history and does not exist
   */
  public LifecycleStage replay(CustomerId customerId) {
    Objects.requireNonNull(customerId, "customerId");
    Optional<HistoryEntry> latest = history.latest(customerId);
    return latest.isPresent() ? latest.get().to() : get(customerId).stage();
  }

  /**
   * Records in history a stage that was changed outside crmkit (by the host's SQL, say) after
   * the engine last moved the customer, so that replay yields it again. The entry goes from the
   * stage history leads to, to the stored stage, with trigger {@link Trigger#RECONCILED}, keyed
   * by the customer's current version and dated at the customer's last save. It does not change
   * the customer and publishes no event: the change itself was already saved by whoever made it.
   * A customer without history has nothing to reconcile: they are in their registered stage.
   *
   * @param actor who reconciles, 1-128 printable characters
   * @return the entry written, or empty if history already agrees with the stored stage or the
   *     customer has no history
   * @throws CustomerNotFoundException if there is no such customer
   * @throws CrmValidationException if the actor is malformed
   * @throws DuplicateKeyException if someone else reconciled the same version differently meanwhile
   */
  public Optional<HistoryEntry> reconcile(CustomerId customerId, String actor) {
    Objects.requireNonNull(customerId, "customerId");
    checkInput(actor, null);
    return transactions.inTransaction(() -> {
      Customer customer = get(customerId);
      Optional<HistoryEntry> latest = history.latest(customerId);
      if (latest.isEmpty() || latest.get().to().equals(customer.stage())) {
        return Optional.empty();
      }
      LifecycleStage recorded = latest.get().to();
      Instant at = customer.updatedAt();
      if (at.isBefore(latest.get().at())) {
        at = latest.get().at();
      }
      Instant now = clock.instant();
      if (at.isAfter(now)) {
        at = now;
      }
      HistoryEntry entry = new HistoryEntry(customerId, customer.version(), recorded, customer.stage(),
          Trigger.RECONCILED, at, actor, Optional.of("stage " + customer.stage()
              + " was set outside crmkit (customer version " + customer.version() + ")"));
      history.append(entry);
      return Optional.of(entry);
    });
  }

  /**
   * The moves the rules make due for one customer as of {@code asOf}, with reasons, without
   * applying them.
   *
   * @throws CustomerNotFoundException if there is no such customer
   */
  public List<DueMove> evaluate(CustomerId customerId, Instant asOf) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(asOf, "asOf");
    Customer customer = get(customerId);
    Optional<ChurnSignal> signal =
        churnSignals == null ? Optional.empty() : churnSignals.latest(customerId, asOf);
    return evaluator.evaluate(new LifecycleEvaluator.Input(customer,
        stageEnteredAt(customer, history.latest(customerId)), activity(customerId, asOf), signal), asOf);
  }

  /**
   * The moves due for every customer as of {@code asOf}, each with its reason, without applying
   * them; customer by customer, in customer id order. Reads customers in the stages where some
   * rule can fire, lazily, with history, churn signals and purchase figures ({@link
   * Purchases#summaries}) looked up in bulk per chunk of customers, so memory stays constant.
   * Close the stream (try-with-resources).
   */
  public Stream<DueMove> evaluateAll(Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    // Closing the returned stream closes the customer stream: close handlers belong to the whole pipeline.
    return inputs(asOf).flatMap(input -> evaluator.evaluate(input, asOf).stream());
  }

  /**
   * Evaluates every customer as of {@code asOf} and makes the moves due. An engine built on a
   * {@link Builder#store store} writes them a chunk of {@value #CHUNK} customers at a time, each
   * chunk one transaction of batched writes through the store's {@link CustomerBatches}; without
   * one, or when a chunk fails for a reason other than the storage, each customer's moves are one
   * transaction ({@link #apply}). A customer whose evaluation or moves fail (a rule or guard that
   * throws, changed concurrently, an action producing an invalid customer, ...) is reported as a
   * {@link io.crmkit.core.common.Rejection} and skipped; the batch goes on.
   *
   * @param actor recorded as the actor of every move, for example {@code lifecycle-evaluator}
   * @throws IllegalArgumentException if {@code asOf} is after the clock's current instant: moves
   *     are not dated in the future
   * @throws CrmValidationException if the actor is malformed
   * @throws CrmStorageException if the storage fails; moves applied before stay applied
   */
  public Report applyAll(Instant asOf, String actor) {
    Objects.requireNonNull(asOf, "asOf");
    checkInput(actor, null);
    Instant now = clock.instant();
    Require.argument(!asOf.isAfter(now),
        "cannot apply moves as of %s, after now (%s); evaluate the future with evaluateAll instead", asOf, now);
    List<DueMove> applied = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    List<Pending> pending = new ArrayList<>();
    long evaluated = 0;
    try (Stream<LifecycleEvaluator.Input> inputs = inputs(asOf)) {
      for (Iterator<LifecycleEvaluator.Input> it = inputs.iterator(); it.hasNext(); ) {
        LifecycleEvaluator.Input input = it.next();
        evaluated++;
        try {
          List<DueMove> due = evaluator.evaluate(input, asOf);
          if (!due.isEmpty()) {
            pending.add(new Pending(input.customer(), due));
          }
        } catch (CrmStorageException e) {
          throw e;
        } catch (RuntimeException e) {
          // Rules, guards and actions are caller code: whatever one throws is this customer's failure.
          rejected.add(Rejection.of(input.customer().id().toString(), failure(Report.EVALUATION_FAILED, e)));
        }
        if (pending.size() == CHUNK || !it.hasNext() && !pending.isEmpty()) {
          applyPending(pending, actor, applied, rejected);
          pending.clear();
        }
      }
    }
    return new Report(asOf, evaluated, applied, rejected);
  }

  /**
   * Makes the due moves of a chunk of customers. With the store's {@link CustomerBatches} (an
   * engine built on a {@link #builder() store}) the chunk is one transaction: every moved customer
   * written once per move in one batch, every history entry in another; a customer changed since
   * evaluation is left out and rejected. If the batch fails otherwise, or without batches, each
   * customer's moves are made alone ({@link #apply}), so that one customer's failure is theirs. The
   * chunk and each lone customer run behind a savepoint ({@link TransactionRunner#inSavepoint}), so
   * a failure leaves nothing of theirs inside an enclosing transaction either.
   */
  private void applyPending(List<Pending> pending, String actor, List<DueMove> applied, List<Rejection> rejected) {
    if (batches != null) {
      try {
        applyBatch(pending, actor, applied, rejected);
        return;
      } catch (CrmStorageException e) {
        throw e;
      } catch (RuntimeException e) {
        // One customer's moves (an action, a history clash) failed the batch: each customer alone tells whose.
      }
    }
    for (Pending customer : pending) {
      String subject = customer.evaluated().id().toString();
      try {
        transactions.inSavepoint(() -> apply(customer.due(), actor));
        applied.addAll(customer.due());
      } catch (CrmStorageException e) {
        throw e;
      } catch (ConcurrentUpdateException e) {
        rejected.add(Rejection.of(subject, failure(Report.CONCURRENT_UPDATE, e)));
      } catch (CrmValidationException e) {
        rejected.add(Rejection.of(subject, e.violations()));
      } catch (RuntimeException e) {
        rejected.add(Rejection.of(subject, failure(Report.MOVE_FAILED, e)));
      }
    }
  }

  /** {@link #applyPending} in one transaction; adds to the outcome only once it committed. */
  private void applyBatch(List<Pending> pending, String actor, List<DueMove> applied, List<Rejection> rejected) {
    Instant at = clock.instant();
    List<Customer> copies = new ArrayList<>();
    List<List<Move>> planned = new ArrayList<>(pending.size());
    for (Pending customer : pending) {
      List<Move> moves = plan(customer.evaluated(), customer.due(), actor, at);
      moves.forEach(move -> copies.add(move.changed()));
      planned.add(moves);
    }
    List<Pending> changed = new ArrayList<>();
    List<DueMove> made = transactions.inSavepoint(() -> {
      changed.clear();
      Set<CustomerId> written = batches.updateAll(copies);
      List<HistoryEntry> entries = new ArrayList<>();
      List<DueMove> done = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        if (written.contains(pending.get(i).evaluated().id())) {
          planned.get(i).forEach(move -> entries.add(move.entry()));
          done.addAll(pending.get(i).due());
        } else {
          changed.add(pending.get(i));
        }
      }
      history.appendAll(entries);
      for (int i = 0; i < pending.size(); i++) {
        if (written.contains(pending.get(i).evaluated().id())) {
          planned.get(i).forEach(move -> move.events().forEach(events::publish));
        }
      }
      return done;
    });
    applied.addAll(made);
    if (!changed.isEmpty()) {
      Map<CustomerId, Customer> now = batches.load(changed.stream().map(customer -> customer.evaluated().id()).toList());
      for (Pending customer : changed) {
        Customer found = now.get(customer.evaluated().id());
        rejected.add(Rejection.of(customer.evaluated().id().toString(), new Violation("", Report.CONCURRENT_UPDATE,
            "customer " + customer.evaluated().id() + " changed after it was evaluated at version "
                + customer.evaluated().version() + ": " + (found == null ? "it no longer exists"
                : "found version " + found.version() + " in stage " + found.stage()))));
      }
    }
  }

  /** A customer as evaluated, with the moves found due. */
  private record Pending(Customer evaluated, List<DueMove> due) {}

  /** One move as planned: the customer to save (at the version it was read at), its history entry, its events. */
  private record Move(Customer changed, HistoryEntry entry, List<DomainEvent> events) {}

  /** The moves of one customer's due chain, planned from the customer as evaluated; writes nothing. */
  private List<Move> plan(Customer customer, List<DueMove> due, String actor, Instant now) {
    checkChain(due);
    List<Move> moves = new ArrayList<>(due.size());
    Customer current = customer;
    for (DueMove move : due) {
      Move planned = planMove(current, transitionOf(move), move.at(), actor, Optional.of(move.reason()), now);
      moves.add(planned);
      current = planned.changed().withVersion(current.version() + 1);
    }
    return moves;
  }

  /** One customer's failure as a violation of the whole customer under {@code rule}. */
  private static Violation failure(String rule, RuntimeException e) {
    return new Violation("", rule, Objects.toString(e.getMessage(), e.toString()));
  }

  /**
   * Makes the consecutive due moves of one customer, as {@link #evaluate} or {@link #evaluateAll}
   * found them, in one transaction. Guards were checked when the moves were evaluated and are not
   * asked again; the customer must still be as evaluated.
   *
   * @param moves the due moves, in order
   * @param actor recorded as the actor of every move
   * @return the history entries written, in order
   * @throws IllegalArgumentException if {@code moves} is empty, not one customer's consecutive
   *     chain, or any is dated after the clock's current instant (evaluated as of a future instant)
   * @throws ConcurrentUpdateException if the customer's version or stage is no longer the one
   *     evaluated
   * @throws CustomerNotFoundException if there is no such customer
   * @throws IllegalTransitionException if the lifecycle has no such transition
   * @throws CrmValidationException if the actor is malformed or an action produced an invalid customer
   */
  public List<HistoryEntry> apply(List<DueMove> moves, String actor) {
    Objects.requireNonNull(moves, "moves");
    checkInput(actor, null);
    checkChain(moves);
    Instant now = clock.instant();
    for (DueMove move : moves) {
      Require.argument(!move.at().isAfter(now),
          "cannot apply %s, dated after now (%s); moves are not dated in the future", move, now);
    }
    DueMove first = moves.get(0);
    return transactions.inTransaction(() -> {
      Customer current = get(first.customerId());
      if (current.version() != first.expectedVersion() || !current.stage().equals(first.from())) {
        throw new ConcurrentUpdateException("Customer", first.customerId().toString(), first.expectedVersion(),
            "found version " + current.version() + " in stage " + current.stage() + " (evaluated in "
                + first.from() + ")");
      }
      List<HistoryEntry> entries = new ArrayList<>(moves.size());
      for (DueMove move : moves) {
        FireResult.Moved moved = makeMove(current, transitionOf(move), move.at(), actor, Optional.of(move.reason()));
        entries.add(moved.entry());
        current = moved.customer();
      }
      return entries;
    });
  }

  /** The transition a due move takes. */
  private Transition transitionOf(DueMove move) {
    Transition transition = lifecycle.find(move.from(), move.trigger());
    if (transition == null || !transition.to().equals(move.to())) {
      throw new IllegalTransitionException(move.customerId(), move.from(), move.trigger(),
          lifecycle.triggersFrom(move.from()), lifecycle);
    }
    return transition;
  }

  private FireResult fireOn(Customer customer, Trigger trigger, String actor, Optional<String> reason) {
    Transition transition = lifecycle.find(customer.stage(), trigger);
    if (transition == null) {
      throw new IllegalTransitionException(customer.id(), customer.stage(), trigger,
          lifecycle.triggersFrom(customer.stage()), lifecycle);
    }
    if (transition.reasonRequired() && reason.isEmpty()) {
      throw CrmValidationException.of("HistoryEntry", "reason", "reason-required",
          "moving from " + transition.from() + " on " + trigger + " needs a reason");
    }
    Instant now = clock.instant();
    if (transition.isGuarded()) {
      if (!transition.guard().allows(customer, activity(customer.id(), now))) {
        return new FireResult.Blocked(customer, transition);
      }
    }
    return makeMove(customer, transition, now, actor, reason);
  }

  /** Saves the moved customer, appends the entry and publishes the events: one move. */
  private FireResult.Moved makeMove(Customer customer, Transition transition, Instant at, String actor,
      Optional<String> reason) {
    Move move = planMove(customer, transition, at, actor, reason, clock.instant());
    Customer saved = customers.save(move.changed());
    history.append(move.entry());
    move.events().forEach(events::publish);
    return new FireResult.Moved(saved, move.entry());
  }

  /** One move of {@code customer}: the moved copy to save, its history entry and its events; writes nothing. */
  private Move planMove(Customer customer, Transition transition, Instant at, String actor, Optional<String> reason,
      Instant now) {
    HistoryEntry entry = new HistoryEntry(customer.id(), customer.version() + 1, transition.from(), transition.to(),
        transition.trigger(), at, actor, reason);
    Customer changed = customer.withStage(transition.to()).touchedAt(now);
    if (!transition.actions().isEmpty()) {
      changed = transition.applyActions(changed, entry);
      validator.validate("Customer", changed, CustomerRules.ALL);
      // Batched writes skip the storage's own checks: an action may make a customer the store cannot hold.
      List<Violation> unstorable = batches == null ? List.of() : batches.storageViolations(changed);
      if (!unstorable.isEmpty()) {
        throw new CrmValidationException("Customer", unstorable);
      }
    }
    Customer saved = changed.withVersion(customer.version() + 1);
    List<DomainEvent> announced = new ArrayList<>(2);
    announced.add(new StageChanged(ids.newId(), at, saved.id(), saved.version(), transition.from(), transition.to(),
        transition.trigger().name()));
    Set<String> otherChanges = new LinkedHashSet<>(CustomerChanges.between(customer, saved));
    otherChanges.remove("stage");
    if (!otherChanges.isEmpty()) {
      announced.add(new CustomerUpdated(ids.newId(), now, saved.id(), saved.version(), otherChanges));
    }
    return new Move(changed, entry, announced);
  }

  private Customer get(CustomerId customerId) {
    return customers.findById(customerId).orElseThrow(() -> new CustomerNotFoundException(customerId));
  }

  /** Every customer that a rule could move, with what evaluation needs, read in bulk per chunk. */
  private Stream<LifecycleEvaluator.Input> inputs(Instant asOf) {
    Set<LifecycleStage> stages = evaluator.evaluatedStages();
    if (stages.isEmpty()) {
      return Stream.empty();
    }
    Stream<Customer> candidates = customers.stream(Criteria.in(CustomerField.STAGE, stages));
    Iterator<List<Customer>> chunks = new Chunks(candidates.iterator());
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(chunks, Spliterator.ORDERED), false)
        .onClose(candidates::close)
        .flatMap(chunk -> {
          List<CustomerId> chunkIds = chunk.stream().map(Customer::id).toList();
          Map<CustomerId, HistoryEntry> latest = history.latest(chunkIds);
          Map<CustomerId, ChurnSignal> signals = churnSignals == null ? Map.of() : churnSignals.latest(chunkIds, asOf);
          Map<CustomerId, PurchaseSummary> bought = purchases.summaries(chunkIds, asOf);
          return chunk.stream().map(customer -> new LifecycleEvaluator.Input(customer,
              stageEnteredAt(customer, Optional.ofNullable(latest.get(customer.id()))),
              ActivitySummary.from(summaryOf(bought, customer.id())), Optional.ofNullable(signals.get(customer.id()))));
        });
  }

  /** The customer's purchase occasions before {@code asOf}, read as one summary. */
  private ActivitySummary activity(CustomerId customerId, Instant asOf) {
    return ActivitySummary.from(summaryOf(purchases.summaries(List.of(customerId), asOf), customerId));
  }

  private static PurchaseSummary summaryOf(Map<CustomerId, PurchaseSummary> summaries, CustomerId customerId) {
    PurchaseSummary summary = summaries.get(customerId);
    Require.state(summary != null, "the purchase store gave no summary for customer %s;"
        + " Purchases.summaries must return one for every id asked for", customerId);
    return summary;
  }

  private Instant stageEnteredAt(Customer customer, Optional<HistoryEntry> latest) {
    if (latest.isPresent() && latest.get().to().equals(customer.stage())) {
      return latest.get().at();
    }
    if (latest.isEmpty() && customer.stage().equals(lifecycle.initialStage())) {
      return customer.createdAt();
    }
    return customer.updatedAt();
  }

  private static Optional<String> checkInput(String actor, String reason) {
    Objects.requireNonNull(actor, "actor");
    List<Violation> problems = new ArrayList<>();
    String actorProblem = HistoryEntry.actorProblem(actor);
    if (actorProblem != null) {
      problems.add(new Violation("actor", "actor", actorProblem));
    }
    String reasonProblem = reason == null ? null : HistoryEntry.reasonProblem(reason);
    if (reasonProblem != null) {
      problems.add(new Violation("reason", "reason", reasonProblem));
    }
    if (!problems.isEmpty()) {
      throw new CrmValidationException("HistoryEntry", problems);
    }
    return Optional.ofNullable(reason);
  }

  private static void checkChain(List<DueMove> moves) {
    Require.argument(!moves.isEmpty(), "no moves to apply");
    DueMove previous = null;
    for (DueMove move : moves) {
      Objects.requireNonNull(move, "move");
      Require.argument(previous == null || (move.customerId().equals(previous.customerId())
          && move.expectedVersion() == previous.expectedVersion() + 1 && move.from().equals(previous.to())),
          "moves must be one customer's consecutive due moves; %s is not followed by %s", previous, move);
      previous = move;
    }
  }

  /** Groups an iterator's elements into lists of up to {@link #CHUNK}. */
  private static final class Chunks implements Iterator<List<Customer>> {
    private final Iterator<Customer> source;

    Chunks(Iterator<Customer> source) {
      this.source = source;
    }

    @Override
    public boolean hasNext() {
      return source.hasNext();
    }

    @Override
    public List<Customer> next() {
      if (!source.hasNext()) {
        throw new NoSuchElementException();
      }
      List<Customer> chunk = new ArrayList<>(CHUNK);
      while (chunk.size() < CHUNK && source.hasNext()) {
        chunk.add(source.next());
      }
      return chunk;
    }
  }

  /** Builds a {@link LifecycleEngine}. */
  public static final class Builder {
    private Lifecycle lifecycle = Lifecycle.standard();
    private List<? extends LifecycleRule> rules = LifecycleRules.standard();
    private Customers customers;
    private CustomerBatches batches;
    private Purchases purchases;
    private LifecycleHistory history;
    private ChurnSignals churnSignals;
    private LifecycleStore store;
    private TransactionRunner transactions = TransactionRunner.direct();
    private EventPublisher events = EventPublisher.discarding();
    private Clock clock = Clock.systemUTC();
    private IdGenerator ids = IdGenerator.timeOrdered();
    private CrmValidator validator;

    private Builder() {}

    /** The definition; {@link Lifecycle#standard()} unless set. */
    public Builder lifecycle(Lifecycle lifecycle) {
      this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
      return this;
    }

    /**
     * The automatic rules, in order of precedence; {@link LifecycleRules#standard()} unless set.
     * A rule only acts in stages where the lifecycle has a transition on its trigger.
     */
    public Builder rules(List<? extends LifecycleRule> rules) {
      this.rules = List.copyOf(rules);
      return this;
    }

    /**
     * Takes the customers, purchases, transactions and events of the base store {@code store} is
     * attached to, and its lifecycle history and churn signals unless {@link #history} or {@link
     * #churnSignals} are set, before or after this call: then those win. They all share the base
     * store's transactions, so a move's customer save, history entry and event commit together.
     */
    public Builder store(LifecycleStore store) {
      this.store = Objects.requireNonNull(store, "store");
      CrmStore base = store.base();
      customers(base.customers()).purchases(base.purchases()).transactions(base.transactions()).events(base.events());
      this.batches = base.customerBatches();
      return this;
    }

    /** Where customers and their stages are stored. Required (or {@link #store}). */
    public Builder customers(Customers customers) {
      this.customers = Objects.requireNonNull(customers, "customers");
      this.batches = null;
      return this;
    }

    /** Where purchases are read for guards and rules. Required (or {@link #store}). */
    public Builder purchases(Purchases purchases) {
      this.purchases = Objects.requireNonNull(purchases, "purchases");
      return this;
    }

    /**
     * Where moves are recorded: it must share the customers' transactions. Required unless a
     * {@link #store} is set, whose history is taken otherwise.
     */
    public Builder history(LifecycleHistory history) {
      this.history = Objects.requireNonNull(history, "history");
      return this;
    }

    /**
     * Where external churn signals are read; the {@link #store}'s unless set. Without either, the
     * churn-signal rule never fires.
     */
    public Builder churnSignals(ChurnSignals churnSignals) {
      this.churnSignals = Objects.requireNonNull(churnSignals, "churnSignals");
      return this;
    }

    /** How units of work run; {@link TransactionRunner#direct()} unless set (or {@link #store}). */
    public Builder transactions(TransactionRunner transactions) {
      this.transactions = Objects.requireNonNull(transactions, "transactions");
      return this;
    }

    /** Where {@link StageChanged} events go; discarded unless set (or {@link #store}). */
    public Builder events(EventPublisher events) {
      this.events = Objects.requireNonNull(events, "events");
      return this;
    }

    /** The clock for the time of fired moves; the system UTC clock unless set. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Where event ids come from; time-ordered UUIDs unless set. */
    public Builder ids(IdGenerator ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /** Validates customers changed by transition actions; an English one unless set. */
    public Builder validator(CrmValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /**
     * The engine.
     *
     * @throws NullPointerException if the customers, purchases or history are not set (directly or
     *     through a store)
     */
    public LifecycleEngine build() {
      return new LifecycleEngine(this);
    }
  }

  /**
   * What applying a batch evaluation did: how many customers were looked at, every move made with
   * its reason, and every customer set aside with why. A batch never stops on one customer's
   * failure.
   *
   * <p>A set-aside customer is a {@link Rejection}, the shape every crmkit batch report shares: its
   * subject is the customer id, it has no position (customers are picked by a query, not read from
   * a sequence), and its violations say why, with one of the rule names below, or, when a
   * transition's action produced an invalid customer, the violations of that customer. The moves
   * that were due are not kept: nothing of them was written, and {@link LifecycleEngine#evaluate}
   * finds them again.
   *
   * @param asOf the instant evaluated
   * @param customersEvaluated how many customers were evaluated
   * @param applied every due move made, customer by customer, in order
   * @param rejected the customers whose moves were not made; for each, nothing was written unless
   *     the store has no transactions (see {@link LifecycleEngine#apply})
   */
  public record Report(
      Instant asOf, long customersEvaluated, List<DueMove> applied, List<Rejection> rejected) {

    /** Rule of a rejection whose evaluation threw: a rule, a guard or an action ran into an error. */
    public static final String EVALUATION_FAILED = "evaluation-failed";

    /** Rule of a rejection whose customer was changed between evaluation and applying the moves. */
    public static final String CONCURRENT_UPDATE = "concurrent-update";

    /** Rule of a rejection whose moves could not be made for another reason, such as an action that threw. */
    public static final String MOVE_FAILED = "move-failed";

    /**
     * @throws IllegalArgumentException if fewer customers were evaluated than rejected
     */
    public Report {
      Objects.requireNonNull(asOf, "asOf");
      applied = List.copyOf(applied);
      rejected = List.copyOf(rejected);
      Require.atLeast(customersEvaluated, rejected.size(), "customersEvaluated");
    }
  }
}
