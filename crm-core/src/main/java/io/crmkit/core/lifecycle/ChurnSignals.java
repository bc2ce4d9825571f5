package io.crmkit.core.lifecycle;

import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: external churn signals per customer, fed by a model outside the lifecycle (crm-segmentation
 * records its P(alive) here) and read by the {@link LifecycleRules#churnSignal churn-signal rule}.
 * Adapters must pass {@code ChurnSignalsContract} from crm-testkit.
 *
 * <p>Signals are kept per customer and measurement time, so that evaluation as of a past date sees
 * what was known then. Recording a signal for a customer and time that already has one replaces
 * it (a corrected run of the same model). Every method may also throw {@link CrmStorageException}.
 *
 * <p>A JDBC adapter stores one row per signal, primary key {@code (customer_id, measured_at)}.
 */
public interface ChurnSignals {

  /** Stores {@code signal}, replacing one with the same customer and measurement time. */
  void record(ChurnSignal signal);

  /** Stores every signal, all or none, as {@link #record} does. */
  void recordAll(Collection<ChurnSignal> signals);

  /**
   * Every stored signal, of every customer, in no promised order: what a backup copies. The default
   * refuses, so an adapter written before this method keeps compiling; crmkit's adapters override it.
   *
   * @throws UnsupportedOperationException if the adapter cannot list its signals
   */
  default List<ChurnSignal> all() {
    throw new UnsupportedOperationException(getClass().getName() + " cannot list every churn signal,"
        + " so it cannot be backed up; override ChurnSignals.all");
  }

  /** The customer's newest signal measured before {@code asOf}, if any. */
  Optional<ChurnSignal> latest(CustomerId customerId, Instant asOf);

  /**
   * The newest signal measured before {@code asOf} of each of {@code customerIds} that has one: the
   * bulk read of batch evaluation.
   */
  Map<CustomerId, ChurnSignal> latest(Collection<CustomerId> customerIds, Instant asOf);
}
