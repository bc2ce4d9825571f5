package io.crmkit.core.dedup;

import java.util.List;

/**
 * Two records compared and scored, with the decision the thresholds give and the per-field
 * explanation.
 *
 * @param leftId the id of one record (the smaller id, so a pair has one form)
 * @param rightId the id of the other record
 * @param weight the match weight, the sum of the fields' weights
 * @param probability the match probability the weight and the prior give, in [0, 1]
 * @param decision what the thresholds make of the probability
 * @param fields each compared field's agreement level and weight
 */
public record ScoredPair(String leftId, String rightId, double weight, double probability, Decision decision,
    List<FieldScore> fields) {

  /** What to do with a scored pair. */
  public enum Decision {
    /** Above the upper threshold: the same customer, merge without asking. */
    MATCH,
    /** Between the thresholds: a person decides. */
    REVIEW,
    /** Below the lower threshold: different customers. */
    NON_MATCH
  }
}
