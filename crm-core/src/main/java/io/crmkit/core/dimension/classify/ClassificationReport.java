package io.crmkit.core.dimension.classify;

import io.crmkit.core.common.Rejection;
import java.util.List;

/**
 * The outcome of {@link Classifier#classifyAll}: the codes to set per customer, and every customer
 * and dimension that could not be classified, with the reasons.
 *
 * @param customers how many customers were looked at
 * @param updates the codes to set, one update per customer that gets any
 * @param unclassified each customer and dimension left without a code
 */
public record ClassificationReport(long customers, List<CodeUpdate> updates, List<Unclassified> unclassified) {
  public ClassificationReport {
    updates = List.copyOf(updates);
    unclassified = List.copyOf(unclassified);
  }

  /**
   * Every customer left without a code in some dimension, as one {@link Rejection} each (the
   * shape every crmkit batch report uses): subject the customer id, a violation per rule and
   * dimension (path {@code dimensionCodes[region]}, rule the rule's name, the rule's reason), so
   * that a program can list them like any other rejected item.
   */
  public List<Rejection> rejections() {
    return Rejections.perCustomer(unclassified, Unclassified::customerId, Unclassified::reasons);
  }

  /** The customers left without a code in {@code dimension}. */
  public List<Unclassified> unclassified(String dimension) {
    return unclassified.stream().filter(u -> u.dimension().equals(dimension)).toList();
  }
}
