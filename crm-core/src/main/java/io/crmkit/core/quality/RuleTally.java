package io.crmkit.core.quality;

import io.crmkit.core.customer.CustomerId;
import java.util.ArrayList;
import java.util.List;

/** One rule's running count: customers checked, customers failing, the first few failing ids. */
final class RuleTally {
  private final String rule;
  private final List<CustomerId> examples = new ArrayList<>(DataQuality.MAX_EXAMPLES);
  private long checked;
  private long failed;

  RuleTally(String rule) {
    this.rule = rule;
  }

  /** Counts a customer the rule applied to; {@code faulty} when at least one of its values broke it. */
  void check(CustomerId customer, boolean faulty) {
    checked++;
    if (faulty) {
      failed++;
      if (examples.size() < DataQuality.MAX_EXAMPLES) {
        examples.add(customer);
      }
    }
  }

  long checked() {
    return checked;
  }

  long failed() {
    return failed;
  }

  QualityReport.RuleResult result() {
    return new QualityReport.RuleResult(rule, checked, failed, QualityReport.share(failed, checked), examples);
  }
}
