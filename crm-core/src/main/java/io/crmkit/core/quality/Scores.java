package io.crmkit.core.quality;

import java.util.Collection;
import java.util.List;

/** The score formulas of {@link DataQuality}, in one place. */
final class Scores {
  private Scores() {}

  static QualityReport.Scores of(List<QualityReport.FieldCompleteness> completeness, Collection<RuleTally> validity,
      QualityReport.Uniqueness uniqueness, Collection<RuleTally> consistency, double freshShare) {
    double complete = score(completeness.stream().filter(field -> field.applicable() > 0)
        .mapToDouble(QualityReport.FieldCompleteness::share).average().orElse(1.0));
    double valid = score(1.0 - faultShare(validity));
    double unique = score(1.0 - uniqueness.estimatedDuplicateRate());
    double fresh = score(freshShare);
    double consistent = score(1.0 - faultShare(consistency));
    double overall = round((complete + valid + unique + fresh + consistent) / 5);
    return new QualityReport.Scores(complete, valid, unique, fresh, consistent, overall);
  }

  /** Σ failed / Σ checked over the rules; 0 when nothing was checked. */
  static double faultShare(Collection<RuleTally> rules) {
    long checked = rules.stream().mapToLong(RuleTally::checked).sum();
    long failed = rules.stream().mapToLong(RuleTally::failed).sum();
    return QualityReport.share(failed, checked);
  }

  private static double score(double fraction) {
    return round(100.0 * fraction);
  }

  private static double round(double score) {
    return Math.round(score * 10) / 10.0;
  }
}
