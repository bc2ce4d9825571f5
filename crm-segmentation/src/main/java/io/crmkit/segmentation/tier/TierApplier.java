package io.crmkit.segmentation.tier;

import io.crmkit.core.Crm;
import io.crmkit.core.common.ConcurrentUpdateException;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.IdGenerator;
import io.crmkit.core.common.PageRequest;
import io.crmkit.core.common.Rejection;
import io.crmkit.core.common.Require;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerField;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.segmentation.SegmentationEvent;
import io.crmkit.segmentation.TierChanged;
import io.crmkit.segmentation.TierRemoved;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes a tiering to the customers: sets {@code Customer.tier} through the {@link Crm} facade (so
 * the change is validated, versioned and announced with {@code CustomerUpdated}) and publishes a
 * {@link TierChanged} with the assignment's explanation in the same transaction, so on a JDBC store
 * both reach the outbox together or not at all.
 *
 * <p><b>Batches.</b> Assignments are applied {@link Builder#batchSize batchSize} at a time (500 by
 * default), each batch one transaction: its customers are read with one query, and only those whose
 * tier differs are written. A batch that fails with an unexpected error rolls back alone; batches
 * committed before it stay, and applying the same tiering again is safe (unchanged customers are
 * not written twice).
 *
 * <p><b>Optimistic locking.</b> A batch's changed tiers are written with {@link Crm#updateAll} of
 * the copies read, which refuses a customer another writer changed in between. The applier then
 * reads that customer again and retries it alone ({@link Crm#update}), up to {@link Builder#attempts attempts} writes in all (3 by default): the tier is
 * decided by the tiering, not by the other writer's change, so a retry never loses their change.
 * A customer still changing after the last attempt is reported as a conflict
 * ({@code concurrent-update}); one that no longer exists as {@code customer-not-found}; one that the
 * facade refuses (a stored customer that breaks a newer rule) as failed, with the validation's
 * violations. One customer's problem never stops the others.
 *
 * <p>Customers the tiering does not name keep their tier; {@link #remove} takes the tier away from
 * customers a new tiering no longer ranks, the same way, announcing each with a {@link TierRemoved}.
 * Thread-safe if the facade is.
 */
public final class TierApplier {
  private final Crm crm;
  private final IdGenerator ids;
  private final int batchSize;
  private final int attempts;

  private TierApplier(Builder builder) {
    this.crm = Require.notNull(builder.crm, "crm");
    this.ids = builder.ids;
    this.batchSize = builder.batchSize;
    this.attempts = builder.attempts;
  }

  /** An applier to configure; the facade is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Applies {@code assignments}.
   *
   * @throws IllegalArgumentException if a customer has two assignments
   * @throws io.crmkit.core.common.CrmStorageException if the store fails; earlier batches stay applied
   */
  public Report apply(List<TierAssignment> assignments) {
    Objects.requireNonNull(assignments, "assignments");
    Set<CustomerId> seen = new HashSet<>();
    List<Target> targets = new ArrayList<>(assignments.size());
    for (TierAssignment assignment : assignments) {
      Require.argument(seen.add(assignment.customerId()), "customer %s has two tier assignments",
          assignment.customerId());
      targets.add(new Target(assignment.customerId(), Optional.of(assignment.tier()), assignment.explain()));
    }
    return write(targets);
  }

  /**
   * Takes the tier away from each of {@code customerIds} that has one, in batches as {@link #apply}
   * does: a customer without a tier, or no longer stored, is unchanged (nothing written); each
   * removal is a {@code CustomerUpdated} and a {@link TierRemoved} with {@code reason}.
   *
   * @throws IllegalArgumentException if a customer is named twice
   * @throws io.crmkit.core.common.CrmStorageException if the store fails; earlier batches stay applied
   */
  public Report remove(Collection<CustomerId> customerIds, String reason) {
    Objects.requireNonNull(customerIds, "customerIds");
    Objects.requireNonNull(reason, "reason");
    Set<CustomerId> seen = new HashSet<>();
    List<Target> targets = new ArrayList<>(customerIds.size());
    for (CustomerId id : customerIds) {
      Require.argument(seen.add(Objects.requireNonNull(id, "customerId")), "customer %s is named twice", id);
      targets.add(new Target(id, Optional.empty(), reason));
    }
    return write(targets);
  }

  private Report write(List<Target> targets) {
    Report.Collector report = new Report.Collector();
    for (int from = 0; from < targets.size(); from += batchSize) {
      List<Target> batch = targets.subList(from, Math.min(targets.size(), from + batchSize));
      crm.store().transactions().inTransaction(() -> {
        applyBatch(batch, report);
        return null;
      });
    }
    return report.report();
  }

  /**
   * Writes the batch's changed tiers set at a time ({@link Crm#updateAll}); a customer changed by
   * another writer since the read is retried alone.
   */
  private void applyBatch(List<Target> batch, Report.Collector report) {
    Set<CustomerId> batchIds = batch.stream().map(Target::customerId)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    Map<CustomerId, Customer> read = crm.find(Criteria.in(CustomerField.ID, batchIds), batch.size()).stream()
        .collect(Collectors.toMap(Customer::id, Function.identity()));
    Map<CustomerId, Target> changing = new LinkedHashMap<>();
    List<Customer> copies = new ArrayList<>();
    for (Target target : batch) {
      Customer customer = read.get(target.customerId());
      if (customer == null || customer.tier().equals(target.tier())) {
        applyOne(target, Optional.ofNullable(customer), 1, "", report);
      } else {
        changing.put(target.customerId(), target);
        copies.add(target.appliedTo(customer));
      }
    }
    Crm.Updates updates = crm.updateAll(copies);
    for (Customer saved : updates.saved()) {
      announce(read.get(saved.id()), saved, changing.get(saved.id()));
      report.changed.add(saved.id());
    }
    updates.unchanged().forEach(customer -> report.unchanged.add(customer.id()));
    for (Rejection rejection : updates.rejected()) {
      Target assignment = changing.get(CustomerId.parse(rejection.subject()));
      boolean changedMeanwhile = rejection.violations().stream()
          .anyMatch(violation -> violation.rule().equals(Crm.Updates.CONCURRENT_UPDATE)
              || violation.rule().equals(Crm.Updates.NOT_FOUND));
      if (changedMeanwhile) {
        applyOne(assignment, crm.find(assignment.customerId()), 2, rejection.violations().get(0).message(), report);
      } else {
        report.failed.add(rejection);
      }
    }
  }

  /**
   * Writes one customer's tier, from attempt {@code firstAttempt} on, re-reading after each conflict;
   * {@code lastConflict} says why the attempt before failed, if it did.
   */
  private void applyOne(Target assignment, Optional<Customer> read, int firstAttempt, String lastConflict,
      Report.Collector report) {
    CustomerId id = assignment.customerId();
    Optional<Customer> current = read;
    String conflict = lastConflict;
    for (int attempt = firstAttempt; ; attempt++) {
      if (current.isEmpty() && assignment.tier().isEmpty()) {
        report.unchanged.add(id);
        return;
      }
      if (current.isEmpty()) {
        report.conflicts.add(Rejection.of(id.toString(), new Violation("", Crm.Updates.NOT_FOUND,
            "the customer no longer exists")));
        return;
      }
      Customer customer = current.get();
      if (customer.tier().equals(assignment.tier())) {
        report.unchanged.add(id);
        return;
      }
      if (attempt > attempts) {
        report.conflicts.add(Rejection.of(id.toString(), new Violation("version", Crm.Updates.CONCURRENT_UPDATE,
            "changed by another writer on each of " + attempts + " attempts: " + conflict)));
        return;
      }
      try {
        Customer saved = crm.update(assignment.appliedTo(customer));
        announce(customer, saved, assignment);
        report.changed.add(id);
        return;
      } catch (ConcurrentUpdateException e) {
        conflict = e.getMessage();
        current = crm.find(id);
      } catch (CrmValidationException e) {
        report.failed.add(Rejection.of(id.toString(), e.violations()));
        return;
      }
    }
  }

  /** Publishes the change of {@code before}'s tier that {@code saved} holds. */
  private void announce(Customer before, Customer saved, Target target) {
    SegmentationEvent event = target.tier().isPresent()
        ? new TierChanged(ids.newId(), crm.clock().instant(), saved.id(), saved.version(), before.tier(),
            target.tier().get(), target.reason())
        : new TierRemoved(ids.newId(), crm.clock().instant(), saved.id(), saved.version(), before.tier().orElseThrow(),
            target.reason());
    crm.store().events().publish(event);
  }

  /** The tier one customer is to have ({@code tier} empty: none) and why. */
  private record Target(CustomerId customerId, Optional<ValueTier> tier, String reason) {
    Customer appliedTo(Customer customer) {
      return tier.map(customer::withTier).orElseGet(() -> new Customer.Builder().from(customer)
          .tier(Optional.empty()).build());
    }
  }

  /**
   * What {@link #apply} or {@link #remove} did: every customer named is in exactly one list.
   *
   * @param changed customers whose tier was written or removed (and announced), in the order
   *     written: each batch's in input order, then those of the batch retried alone
   * @param unchanged customers that already had their tier, or had none to remove (nothing written)
   * @param conflicts customers not written because they changed on every attempt
   *     ({@code concurrent-update}) or no longer exist ({@code customer-not-found})
   * @param failed customers the facade refused, with its violations
   */
  public record Report(List<CustomerId> changed, List<CustomerId> unchanged, List<Rejection> conflicts,
      List<Rejection> failed) {
    public Report {
      changed = List.copyOf(changed);
      unchanged = List.copyOf(unchanged);
      conflicts = List.copyOf(conflicts);
      failed = List.copyOf(failed);
    }

    /** How many assignments the report covers. */
    public int total() {
      return changed.size() + unchanged.size() + conflicts.size() + failed.size();
    }

    /** Gathers a report batch by batch. */
    private static final class Collector {
      private final List<CustomerId> changed = new ArrayList<>();
      private final List<CustomerId> unchanged = new ArrayList<>();
      private final List<Rejection> conflicts = new ArrayList<>();
      private final List<Rejection> failed = new ArrayList<>();

      Report report() {
        return new Report(changed, unchanged, conflicts, failed);
      }
    }
  }

  /** Configures a {@link TierApplier}. Not thread-safe. */
  public static final class Builder {
    private Crm crm;
    private IdGenerator ids = IdGenerator.timeOrdered();
    private int batchSize = 500;
    private int attempts = 3;

    private Builder() {}

    /** The facade tiers are written through (required). */
    public Builder crm(Crm crm) {
      this.crm = Objects.requireNonNull(crm, "crm");
      return this;
    }

    /** Ids of the {@link TierChanged} events; time-ordered UUIDs by default. */
    public Builder ids(IdGenerator ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /**
     * Customers per transaction, 1 to {@link PageRequest#MAX_LIMIT}; 500 by default.
     *
     * @throws IllegalArgumentException if out of range
     */
    public Builder batchSize(int batchSize) {
      Require.inRange(batchSize, 1, PageRequest.MAX_LIMIT, "batchSize");
      this.batchSize = batchSize;
      return this;
    }

    /**
     * Writes tried per customer before a concurrent change is reported as a conflict, 1 to 10; 3 by
     * default.
     *
     * @throws IllegalArgumentException if out of range
     */
    public Builder attempts(int attempts) {
      Require.inRange(attempts, 1, 10, "attempts");
      this.attempts = attempts;
      return this;
    }

    /**
     * The applier.
     *
     * @throws NullPointerException if no facade was given
     */
    public TierApplier build() {
      return new TierApplier(this);
    }
  }
}
