/**
 * The customer lifecycle state machine: a {@link io.crmkit.core.lifecycle.Lifecycle} definition
 * (stages, triggers, guarded transitions with actions, checked when built), the
 * {@link io.crmkit.core.lifecycle.LifecycleEngine} that fires triggers and evaluates automatic
 * {@link io.crmkit.core.lifecycle.LifecycleRules rules} as of a date, the
 * {@link io.crmkit.core.lifecycle.LifecycleHistory} and {@link io.crmkit.core.lifecycle.ChurnSignals}
 * ports, and {@link io.crmkit.core.lifecycle.Funnel} metrics.
 *
 * <p>One definition serves every customer: a customer's stage lives on the customer record, and
 * each move saves it with an optimistic version check in the same transaction as its history
 * entry and its {@link io.crmkit.core.event.StageChanged} event. Evaluation is a pure function of
 * a customer, their activity summary and the as-of instant, so it streams over millions of
 * customers without per-customer objects.
 *
 * <p>Depends on {@code customer}, {@code activity}, {@code event}, {@code common} and {@code
 * store}: {@link io.crmkit.core.lifecycle.LifecycleStore} is the lifecycle's extension of a base
 * {@code CrmStore}, so the {@code store} package knows nothing of the lifecycle. Only adapters
 * depend on this package.
 */
package io.crmkit.core.lifecycle;
