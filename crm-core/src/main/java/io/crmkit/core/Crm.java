package io.crmkit.core;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.ConcurrentUpdateException;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.CrmValidator;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.IdGenerator;
import io.crmkit.core.common.Page;
import io.crmkit.core.common.PageRequest;
import io.crmkit.core.common.Rejection;
import io.crmkit.core.common.Require;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerChanges;
import io.crmkit.core.customer.CustomerDetails;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerNotFoundException;
import io.crmkit.core.customer.CustomerRules;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.ReferenceHolders;
import io.crmkit.core.customer.Sort;
import io.crmkit.core.event.CustomerRegistered;
import io.crmkit.core.event.CustomerUpdated;
import io.crmkit.core.imports.CustomerImporter;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.core.store.CrmStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The crmkit facade: register and change customers, record what they buy and how you talk to
 * them, and query them, with validation, optimistic locking and domain events handled for you.
 *
 * <pre>{@code
 * Crm crm = Crm.builder().build();                  // in memory; or .store(JdbcCrmStore.create(...))
 * Customer zhang = crm.register(NewCustomer.person("张", "伟").build());
 * crm.recordPurchase(crm.newPurchase(zhang.id())
 *     .amount(Money.of(CurrencyUnit.of("CNY"), 299)).occurredAt(Instant.now()).channel("online").build());
 * }</pre>
 *
 * <p>Thread-safe. Every method validates its input and throws {@link CrmValidationException}
 * listing every problem; {@link NullPointerException} for {@code null} arguments.
 */
public final class Crm {
  /** Rule of an update refused because it changes the stage, which only the lifecycle engine moves. */
  static final String STAGE_OUTSIDE_LIFECYCLE = "stage-change-outside-lifecycle";

  private final CrmStore store;
  private final Clock clock;
  private final IdGenerator ids;
  private final CrmValidator validator;

  private Crm(Builder builder) {
    this.store = builder.store != null ? builder.store : InMemoryCrmStore.create();
    this.clock = builder.clock;
    this.ids = builder.ids;
    this.validator = builder.validator != null ? builder.validator : CrmValidator.create(clock);
  }

  /** A builder whose defaults are an in-memory store, the system UTC clock and time-ordered ids. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Validates and stores a new customer with a fresh id and version 1, and publishes
   * {@link CustomerRegistered}.
   *
   * @throws CrmValidationException if the customer breaks a constraint or a domain rule
   * @throws DuplicateKeyException if one of its external references belongs to another customer
   */
  public Customer register(NewCustomer customer) {
    validator.validate("NewCustomer", customer, CustomerRules.ALL);
    Instant now = clock.instant();
    Customer fresh = new Customer.Builder()
        .from(customer)
        .id(CustomerId.of(ids.newId()))
        .version(0)
        .createdAt(now)
        .updatedAt(now)
        .build();
    return store.transactions().inTransaction(() -> {
      Customer saved = store.customers().save(fresh);
      store.events().publish(new CustomerRegistered(ids.newId(), now, saved.id(), saved.kind()));
      return saved;
    });
  }

  /**
   * Saves a changed customer if nobody else saved it since {@code changed} was read, and
   * publishes {@link CustomerUpdated} naming the changed attributes. A change that changes
   * nothing returns the stored customer without writing. The creation time cannot be changed.
   * A display name that was the default (the name as written) follows a change of the person or
   * legal name unless {@code changed} sets another one.
   *
   * <p>The lifecycle stage cannot be changed here: a stage moves only through the lifecycle
   * ({@link io.crmkit.core.lifecycle.LifecycleEngine#fire LifecycleEngine.fire}), which checks
   * that the move is allowed and records it in the customer's history, so that history always
   * explains the stage.
   *
   * @throws CrmValidationException if the customer breaks a constraint or a domain rule, or if
   *     its stage differs from the stored one (path {@code stage}, rule
   *     {@code stage-change-outside-lifecycle}); nothing written
   * @throws CustomerNotFoundException if there is no such customer
   * @throws ConcurrentUpdateException if the stored version is not {@code changed.version()}
   * @throws DuplicateKeyException if one of its external references belongs to another customer
   */
  public Customer update(Customer changed) {
    validator.validate("Customer", changed, CustomerRules.ALL);
    return store.transactions().inTransaction(() -> {
      Customer current = get(changed.id());
      if (current.version() != changed.version()) {
        throw new ConcurrentUpdateException("Customer", changed.id().toString(), changed.version(),
            "found " + current.version());
      }
      // Checked after the version: a stale copy may carry an old stage the engine has moved on from.
      if (!changed.stage().equals(current.stage())) {
        throw CrmValidationException.of("Customer", "stage", STAGE_OUTSIDE_LIFECYCLE,
            "stage " + current.stage() + " cannot be changed to " + changed.stage() + " by an update: a stage"
                + " moves only through the lifecycle, which records every move; fire a trigger with"
                + " LifecycleEngine.fire(...)");
      }
      return save(current, withDisplayNameInStep(current, changed));
    });
  }

  /**
   * Saves changed copies of many stored customers, each as {@link #update} would (validated,
   * checked against the stored version and stage, its display name kept in step, announced with
   * {@link CustomerUpdated}), but in one transaction written set at a time through the store's
   * {@link io.crmkit.core.customer.CustomerBatches}, and reporting a customer's problem instead of
   * throwing it: for jobs that change thousands of customers at once, such as value tiers.
   *
   * @param changed copies of stored customers, each carrying the version it was read at, at most
   *     one per customer
   * @return the customers saved and those already as given, in input order, and every customer
   *     refused, with why: {@link Updates#NOT_FOUND}, {@link Updates#CONCURRENT_UPDATE}, the
   *     stage rule of {@link #update}, its validation violations, what keeps the store from holding
   *     it ({@link io.crmkit.core.customer.CustomerBatches#storageViolations}), or {@code
   *     UniqueReference} for an external reference another customer holds
   * @throws IllegalArgumentException if a customer comes twice
   * @throws DuplicateKeyException if two of the copies claim one new external reference, or a
   *     concurrent writer takes one meanwhile; nothing is saved
   * @throws io.crmkit.core.common.CrmStorageException if the storage fails; nothing is saved
   */
  public Updates updateAll(List<Customer> changed) {
    Objects.requireNonNull(changed, "changed");
    Set<CustomerId> named = new HashSet<>();
    for (Customer customer : changed) {
      Require.argument(named.add(Objects.requireNonNull(customer, "customer").id()),
          "customer %s comes twice; update each customer once", customer.id());
    }
    List<List<Violation>> problems = validator.violationsOfAll(changed, CustomerRules.ALL);
    return store.transactions().inTransaction(() -> {
      Map<CustomerId, Customer> stored = store.customerBatches().load(named);
      List<Rejection> rejected = new ArrayList<>();
      List<Customer> unchanged = new ArrayList<>();
      List<Customer> writes = new ArrayList<>();
      List<Set<String>> changes = new ArrayList<>();
      Instant now = clock.instant();
      for (int i = 0; i < changed.size(); i++) {
        Customer copy = changed.get(i);
        Customer current = stored.get(copy.id());
        String subject = copy.id().toString();
        if (!problems.get(i).isEmpty()) {
          rejected.add(Rejection.of(subject, problems.get(i)));
        } else if (current == null) {
          rejected.add(Rejection.of(subject, new Violation("", Updates.NOT_FOUND, "the customer does not exist")));
        } else if (current.version() != copy.version()) {
          rejected.add(Rejection.of(subject, new Violation("version", Updates.CONCURRENT_UPDATE,
              "read at version " + copy.version() + ", found " + current.version())));
        } else if (!copy.stage().equals(current.stage())) {
          rejected.add(Rejection.of(subject, new Violation("stage", STAGE_OUTSIDE_LIFECYCLE,
              "stage " + current.stage() + " cannot be changed to " + copy.stage() + " by an update")));
        } else {
          Customer inStep;
          try {
            inStep = withDisplayNameInStep(current, copy);
          } catch (CrmValidationException e) {
            rejected.add(Rejection.of(subject, e.violations()));
            continue;
          }
          Set<String> changedAttributes = CustomerChanges.between(current, inStep);
          if (changedAttributes.isEmpty()) {
            unchanged.add(current);
            continue;
          }
          Customer write = asChangeOf(current, inStep, now);
          List<Violation> unstorable = store.customerBatches().storageViolations(write);
          if (unstorable.isEmpty()) {
            writes.add(write);
            changes.add(changedAttributes);
          } else {
            rejected.add(Rejection.of(subject, unstorable));
          }
        }
      }
      refuseReferencesHeldByOthers(writes, changes, rejected);
      Set<CustomerId> written = store.customerBatches().updateAll(writes);
      List<Customer> saved = new ArrayList<>(writes.size());
      for (int i = 0; i < writes.size(); i++) {
        Customer write = writes.get(i);
        if (written.contains(write.id())) {
          Customer done = write.withVersion(write.version() + 1);
          saved.add(done);
          store.events().publish(new CustomerUpdated(ids.newId(), now, done.id(), done.version(), changes.get(i)));
        } else {
          rejected.add(Rejection.of(write.id().toString(), new Violation("version", Updates.CONCURRENT_UPDATE,
              "changed by another writer while saving version " + write.version())));
        }
      }
      return new Updates(saved, unchanged, rejected);
    });
  }

  /**
   * Moves every write with an external reference that another stored customer holds from {@code
   * writes} (and its {@code changes}) to {@code rejected}, as {@link #update} refuses it.
   */
  private void refuseReferencesHeldByOthers(List<Customer> writes, List<Set<String>> changes,
      List<Rejection> rejected) {
    Map<ExternalReference, CustomerId> holders =
        store.customerBatches().holders(ReferenceHolders.referencesOf(writes));
    List<Integer> refused = new ArrayList<>();
    for (int i = 0; i < writes.size(); i++) {
      Customer write = writes.get(i);
      List<Violation> taken = ReferenceHolders.heldByOthers(write, holders);
      if (!taken.isEmpty()) {
        rejected.add(Rejection.of(write.id().toString(), taken));
        refused.add(i);
      }
    }
    for (int i = refused.size() - 1; i >= 0; i--) {
      writes.remove((int) refused.get(i));
      changes.remove((int) refused.get(i));
    }
  }

  /**
   * What {@link #updateAll} did; every customer given is in exactly one list.
   *
   * @param saved the customers as saved now, in input order
   * @param unchanged the stored customers that already were as given (nothing written or announced)
   * @param rejected the customers refused, with why; nothing of them was written
   */
  public record Updates(List<Customer> saved, List<Customer> unchanged, List<Rejection> rejected) {
    /** Rule of a refused customer that no longer exists. */
    public static final String NOT_FOUND = "customer-not-found";
    /** Rule of a refused customer whose stored version is not the one the copy was read at. */
    public static final String CONCURRENT_UPDATE = "concurrent-update";

    public Updates {
      saved = List.copyOf(saved);
      unchanged = List.copyOf(unchanged);
      rejected = List.copyOf(rejected);
    }
  }

  /**
   * {@code changed} with a display name that follows a rename: when the current display name is
   * the default (the name as written) and {@code changed} leaves it as it was, it becomes the
   * new name as written. A display name set to something else stays.
   */
  private Customer withDisplayNameInStep(Customer current, Customer changed) {
    String written = CustomerDetails.nameAsWritten(changed);
    if (!changed.displayName().equals(current.displayName())
        || !current.displayName().equals(CustomerDetails.nameAsWritten(current))
        || written.equals(changed.displayName())) {
      return changed;
    }
    return validator.validate("Customer", changed.withDisplayName(written), CustomerRules.ALL);
  }

  /** Saves {@code changed} over {@code current} and announces it, unless nothing changed. */
  private Customer save(Customer current, Customer changed) {
    Set<String> changedAttributes = CustomerChanges.between(current, changed);
    if (changedAttributes.isEmpty()) {
      return current;
    }
    Instant now = clock.instant();
    Customer saved = store.customers().save(asChangeOf(current, changed, now));
    store.events().publish(
        new CustomerUpdated(ids.newId(), now, saved.id(), saved.version(), changedAttributes));
    return saved;
  }

  /** {@code changed} as a change of {@code current} made {@code now}: its creation time kept, its update time now. */
  private static Customer asChangeOf(Customer current, Customer changed, Instant now) {
    return new Customer.Builder().from(changed).createdAt(current.createdAt())
        .updatedAt(Customer.updateTime(current.createdAt(), now)).build();
  }

  /**
   * The customer with {@code id}.
   *
   * @throws CustomerNotFoundException if there is none
   */
  public Customer get(CustomerId id) {
    return find(id).orElseThrow(() -> new CustomerNotFoundException(id));
  }

  public Optional<Customer> find(CustomerId id) {
    return store.customers().findById(Objects.requireNonNull(id, "id"));
  }

  /** The customer known in another system under {@code reference}. */
  public Optional<Customer> findByExternalReference(ExternalReference reference) {
    return store.customers().findByExternalReference(Objects.requireNonNull(reference, "reference"));
  }

  /** One page of the customers matching {@code criteria}, in {@code sort} order. */
  public Page<Customer> find(Criteria criteria, Sort sort, PageRequest page) {
    return store.customers().find(criteria, sort, page);
  }

  /** The first {@code limit} customers matching {@code criteria}, in id order. */
  public List<Customer> find(Criteria criteria, int limit) {
    return find(criteria, Sort.byId(), PageRequest.first(limit)).items();
  }

  public long count(Criteria criteria) {
    return store.customers().count(criteria);
  }

  /** Every customer matching {@code criteria}, lazily, in id order. Close the stream. */
  public Stream<Customer> stream(Criteria criteria) {
    return store.customers().stream(criteria);
  }

  /** A purchase builder with a fresh id for {@code customerId}; fill in the rest and record it. */
  public Purchase.Builder newPurchase(CustomerId customerId) {
    Purchase.Builder builder = new Purchase.Builder();
    builder.id(ActivityId.of(ids.newId())).customerId(Objects.requireNonNull(customerId, "customerId"));
    return builder;
  }

  /** An interaction builder with a fresh id for {@code customerId}. */
  public Interaction.Builder newInteraction(CustomerId customerId) {
    Interaction.Builder builder = new Interaction.Builder();
    builder.id(ActivityId.of(ids.newId())).customerId(Objects.requireNonNull(customerId, "customerId"));
    return builder;
  }

  /**
   * Records a purchase of an existing customer. Recording the same purchase again is a no-op.
   *
   * @throws CrmValidationException if the purchase breaks a constraint
   * @throws CustomerNotFoundException if its customer does not exist
   * @throws DuplicateKeyException if another purchase with its id exists
   */
  public Purchase recordPurchase(Purchase purchase) {
    validator.validate("Purchase", purchase);
    return store.transactions().inTransaction(() -> {
      get(purchase.customerId());
      store.purchases().record(purchase);
      return purchase;
    });
  }

  /**
   * Records an interaction with an existing customer. Recording the same interaction again is a
   * no-op.
   *
   * @throws CrmValidationException if the interaction breaks a constraint
   * @throws CustomerNotFoundException if its customer does not exist
   * @throws DuplicateKeyException if another interaction with its id exists
   */
  public Interaction recordInteraction(Interaction interaction) {
    validator.validate("Interaction", interaction);
    return store.transactions().inTransaction(() -> {
      get(interaction.customerId());
      store.interactions().record(interaction);
      return interaction;
    });
  }

  /** The customer's purchases in {@code range}, oldest first. */
  public List<Purchase> purchases(CustomerId customerId, TimeRange range) {
    return store.purchases().forCustomer(customerId, range);
  }

  /** The customer's interactions in {@code range}, oldest first. */
  public List<Interaction> interactions(CustomerId customerId, TimeRange range) {
    return store.interactions().forCustomer(customerId, range);
  }

  /**
   * An importer of many customers at once into this facade's store, validating rows with its
   * validator and stamping them with its clock and ids: {@code insertAll} of new customers and
   * the idempotent {@code upsertByExternalReference}, with every bad row reported, not thrown.
   * Publishes no events unless asked ({@code crm.importer().publishingEvents(true)}).
   */
  public CustomerImporter importer() {
    return CustomerImporter.on(store).validatingWith(validator).withClock(clock).withIds(ids);
  }

  /** The store behind this facade, for the ports it does not wrap. */
  public CrmStore store() {
    return store;
  }

  /** The clock this facade stamps changes with. */
  public Clock clock() {
    return clock;
  }

  /** Builds a {@link Crm}. Every setting has a default. */
  public static final class Builder {
    private CrmStore store;
    private Clock clock = Clock.systemUTC();
    private IdGenerator ids = IdGenerator.timeOrdered();
    private CrmValidator validator;

    private Builder() {}

    /** Where customers and activities live; an in-memory store unless set. */
    public Builder store(CrmStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The clock for timestamps; the system UTC clock unless set. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Where new ids come from; time-ordered UUIDs unless set. */
    public Builder ids(IdGenerator ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /** The validator; unless set, one with English messages whose time constraints read the clock. */
    public Builder validator(CrmValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    public Crm build() {
      return new Crm(this);
    }
  }
}
