package io.crmkit.core.dimension.classify;

import io.crmkit.core.customer.CustomerDetails;

/**
 * Derives one dimension's code from a customer's data. Rules are pure functions of the customer
 * (no storage, no clock), so they run the same in memory, in a batch or on Spark. Shipped rules
 * are in {@link ClassificationRules}; write your own for anything else.
 */
public interface ClassificationRule {

  /** The dimension the rule assigns, such as {@code region}. */
  String dimension();

  /** A short name for reports, such as {@code region-from-address}. */
  String name();

  /**
   * The rule's outcome for {@code customer}. Must not throw for any valid customer: data that
   * gives no code is {@link RuleOutcome.NotApplicable} or {@link RuleOutcome.Rejected}.
   */
  RuleOutcome apply(CustomerDetails customer);
}
