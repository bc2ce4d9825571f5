package io.crmkit.core.dimension.classify;

import io.crmkit.core.common.Rejection;
import java.util.List;

/**
 * The outcome of {@link Recoder#recode}: every code looked at is either in force (nothing to do),
 * moved to its successor (an update), or listed as unresolved.
 *
 * @param customers how many customers were looked at
 * @param codesInForce how many of their codes were in force already
 * @param updates the moves to successors, one update per customer
 * @param unresolved every code that could not be moved, with why
 */
public record RecodingReport(long customers, long codesInForce, List<CodeUpdate> updates, List<Unresolved> unresolved) {
  public RecodingReport {
    updates = List.copyOf(updates);
    unresolved = List.copyOf(unresolved);
  }

  /**
   * Every customer with a code that could not be moved, as one {@link Rejection} each (the shape
   * every crmkit batch report uses): subject the customer id, a violation per code (path
   * {@code dimensionCodes[region]}, rule {@link Unresolved.Kind#ruleName()}, the reason, which names
   * the candidates of an ambiguous code). {@link #unresolved()} keeps the candidates as codes.
   */
  public List<Rejection> rejections() {
    return Rejections.perCustomer(unresolved, Unresolved::customerId, u -> List.of(u.violation()));
  }
}
