package io.crmkit.privacy.erasure;

import io.crmkit.core.activity.Activity;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.lifecycle.HistoryEntry;
import io.crmkit.core.store.CrmStore;
import io.crmkit.privacy.audit.AuditAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Applies {@link RetentionRule retention rules} to every customer of a store and erases, with an
 * {@link Eraser}, those a rule makes due: the batch a company runs (nightly, monthly) so that no
 * personal data outlives its purpose.
 *
 * <p>A run is idempotent: a customer whose erasure the audit log already records is skipped, so
 * running again erases nothing new unless time or data moved on. Each customer is erased in its
 * own transaction, so a failure leaves the erasures before it committed and a rerun completes the
 * rest. Customers are read first, then erased, so a run never reads what it writes.
 */
public final class Retention {
  private final Eraser eraser;
  private final List<RetentionRule> rules;

  private Retention(Eraser eraser, List<RetentionRule> rules) {
    this.eraser = eraser;
    this.rules = rules;
  }

  /**
   * A retention over the eraser's store.
   *
   * @throws IllegalArgumentException if no rule is given
   */
  public static Retention of(Eraser eraser, List<RetentionRule> rules) {
    Require.notNull(eraser, "eraser");
    Require.notNull(rules, "rules");
    rules.forEach(rule -> Require.notNull(rule, "rule"));
    Require.argument(!rules.isEmpty(), "a retention needs at least one rule");
    return new Retention(eraser, List.copyOf(rules));
  }

  /** The rules, in the order they are tried. */
  public List<RetentionRule> rules() {
    return rules;
  }

  /**
   * Checks every customer against the rules at the eraser's clock's now and erases the due ones.
   *
   * @param actor who runs the batch, for the audit log
   */
  public Report run(String actor) {
    Require.notBlank(actor, "actor");
    CrmStore base = eraser.privacy().base();
    Instant now = eraser.clock().instant();
    List<Due> due = new ArrayList<>();
    long checked = 0;
    try (Stream<Customer> customers = base.customers().stream(Criteria.all())) {
      for (Customer customer : (Iterable<Customer>) customers::iterator) {
        checked++;
        firstRuleDue(base, customer, now).ifPresent(rule -> due.add(new Due(customer.id(), rule)));
      }
    }
    List<CustomerId> erased = new ArrayList<>();
    List<CustomerId> skipped = new ArrayList<>();
    for (Due item : due) {
      if (alreadyErased(item.customer())) {
        skipped.add(item.customer());
      } else {
        eraser.erase(item.customer(), actor, "retention rule " + item.rule().name());
        erased.add(item.customer());
      }
    }
    return new Report(now, checked, erased, skipped);
  }

  private record Due(CustomerId customer, RetentionRule rule) {}

  private Optional<RetentionRule> firstRuleDue(CrmStore base, Customer customer, Instant now) {
    for (RetentionRule rule : rules) {
      Instant cutoff = rule.cutoff(now);
      boolean due;
      if (rule instanceof RetentionRule.ChurnedFor) {
        due = churnedSince(customer).map(since -> !since.isAfter(cutoff)).orElse(false);
      } else {
        due = !customer.createdAt().isAfter(cutoff)
            && lastActivity(base, customer.id()).map(last -> !last.isAfter(cutoff)).orElse(true);
      }
      if (due) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  /** When the customer last became churned, if it is churned now. */
  private Optional<Instant> churnedSince(Customer customer) {
    if (!customer.stage().equals(LifecycleStage.CHURNED)) {
      return Optional.empty();
    }
    Optional<Instant> moved = eraser.lifecycle().flatMap(l -> l.lifecycleHistory().latest(customer.id()))
        .filter(entry -> entry.to().equals(LifecycleStage.CHURNED))
        .map(HistoryEntry::at);
    return Optional.of(moved.orElse(customer.updatedAt()));
  }

  private static Optional<Instant> lastActivity(CrmStore base, CustomerId customer) {
    return Stream.concat(base.purchases().forCustomer(customer, TimeRange.all()).stream(),
            base.interactions().forCustomer(customer, TimeRange.all()).stream())
        .map(Activity::occurredAt)
        .max(Comparator.naturalOrder());
  }

  private boolean alreadyErased(CustomerId customer) {
    return eraser.privacy().auditLog().forCustomer(customer, TimeRange.all()).stream()
        .anyMatch(record -> record.entry().action() == AuditAction.ERASURE);
  }

  /**
   * What a run did.
   *
   * @param ranAt the run's time, from which the rules' periods are counted back
   * @param checked customers checked
   * @param erased customers a rule made due and that were erased now, in the order read
   * @param skipped customers a rule made due but erased before (per the audit log)
   */
  public record Report(Instant ranAt, long checked, List<CustomerId> erased, List<CustomerId> skipped) {
    public Report {
      Objects.requireNonNull(ranAt, "ranAt");
      erased = List.copyOf(erased);
      skipped = List.copyOf(skipped);
    }
  }
}
