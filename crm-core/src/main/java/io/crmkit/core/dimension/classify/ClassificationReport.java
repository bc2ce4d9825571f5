package io.crmkit.core.dimension.classify;

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

  /** The customers left without a code in {@code dimension}. */
  public List<Unclassified> unclassified(String dimension) {
    return unclassified.stream().filter(u -> u.dimension().equals(dimension)).toList();
  }
}
