package io.crmkit.core.dimension.classify;

import io.crmkit.core.common.ConcurrentUpdateException;
import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.Rejection;
import io.crmkit.core.common.Require;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Customers;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link CodeUpdate}s with optimistic versions: an update is written only if the customer
 * still has the version the codes were derived from; otherwise it is reported as a conflict, never
 * forced (no last-writer-wins). One failing customer never stops the others.
 */
public final class CodeUpdates {
  private static final Logger LOG = LoggerFactory.getLogger(CodeUpdates.class);
  private static final String VERSION = "version";

  private CodeUpdates() {}

  /**
   * Applies the updates straight to a {@link Customers} port, stamping each saved customer's
   * update time from {@code clock}. (Through the {@code Crm} facade instead, which also validates
   * and publishes events: {@code apply(updates, crm::find, crm::update)}.)
   *
   * @throws IllegalArgumentException if a customer has two updates
   */
  public static Report apply(Collection<CodeUpdate> updates, Customers customers, Clock clock) {
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(clock, "clock");
    return apply(updates, customers::findById, customer -> {
      Instant now = clock.instant();
      return customers.save(customer.touchedAt(now));
    });
  }

  /**
   * Applies the updates: reads each customer, checks its version, and hands the changed customer
   * (same version) to {@code writer}, which must save it with an optimistic version check and
   * return the saved copy.
   *
   * @throws IllegalArgumentException if a customer has two updates
   */
  public static Report apply(Collection<CodeUpdate> updates, Function<CustomerId, Optional<Customer>> reader,
      UnaryOperator<Customer> writer) {
    Objects.requireNonNull(updates, "updates");
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(writer, "writer");
    Set<CustomerId> seen = new HashSet<>();
    for (CodeUpdate update : updates) {
      Require.argument(seen.add(update.customerId()), "customer %s has two updates", update.customerId());
    }
    Map<CustomerId, Long> applied = new LinkedHashMap<>();
    List<CustomerId> unchanged = new ArrayList<>();
    List<Rejection> conflicts = new ArrayList<>();
    List<Rejection> failed = new ArrayList<>();
    for (CodeUpdate update : updates) {
      CustomerId id = update.customerId();
      try {
        Optional<Customer> current = reader.apply(id);
        if (current.isEmpty()) {
          conflicts.add(Rejection.of(id.toString(), new Violation("", "customer-not-found",
              "the customer no longer exists")));
        } else if (current.get().version() != update.version()) {
          conflicts.add(Rejection.of(id.toString(), new Violation(VERSION, "stale-version",
              "the customer changed since its codes were derived (version " + update.version() + ", now "
                  + current.get().version() + ")")));
        } else if (update.isAppliedIn(current.get())) {
          unchanged.add(id);
        } else {
          applied.put(id, writer.apply(update.applyTo(current.get())).version());
        }
      } catch (ConcurrentUpdateException e) {
        conflicts.add(Rejection.of(id.toString(), new Violation(VERSION, "concurrent-update", e.getMessage())));
      } catch (CrmValidationException e) {
        failed.add(Rejection.of(id.toString(), e.violations()));
      } catch (RuntimeException e) {
        LOG.warn("Code update of customer {} failed", id, e);
        failed.add(Rejection.of(id.toString(), new Violation("", "save-failed",
            e.getMessage() == null ? e.toString() : e.getMessage())));
      }
    }
    return new Report(applied, unchanged, conflicts, failed);
  }

  /**
   * What {@link CodeUpdates#apply} did with each update. Every update is in exactly one of the four
   * groups, so no customer is lost.
   *
   * <p>Updates set aside are {@link Rejection}s, the shape every crmkit batch report uses: the
   * subject is the customer id, and each violation names the field (such as {@code version}), a
   * stable rule and the reason.
   *
   * @param applied customer to the version its save produced, in input order
   * @param unchanged customers that already held the codes (nothing written), in input order
   * @param conflicts customers changed or removed since the codes were derived ({@code stale-version},
   *     {@code concurrent-update}, {@code customer-not-found}): derive their codes again
   * @param failed customers whose save was refused: the validation's own violations, or
   *     {@code save-failed} with the error for a storage failure
   */
  public record Report(Map<CustomerId, Long> applied, List<CustomerId> unchanged, List<Rejection> conflicts,
      List<Rejection> failed) {
    public Report {
      applied = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(applied, "applied")));
      unchanged = List.copyOf(unchanged);
      conflicts = List.copyOf(conflicts);
      failed = List.copyOf(failed);
    }

    /** How many updates the report covers. */
    public int total() {
      return applied.size() + unchanged.size() + conflicts.size() + failed.size();
    }

    /** Every update not applied: the conflicts, then the failures. */
    public List<Rejection> rejections() {
      List<Rejection> all = new ArrayList<>(conflicts);
      all.addAll(failed);
      return List.copyOf(all);
    }
  }
}
