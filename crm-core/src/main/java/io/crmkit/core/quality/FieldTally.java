package io.crmkit.core.quality;

/** One field's running completeness count. */
final class FieldTally {
  private final String field;
  private long applicable;
  private long present;

  FieldTally(String field) {
    this.field = field;
  }

  void count(boolean isPresent) {
    applicable++;
    if (isPresent) {
      present++;
    }
  }

  long applicable() {
    return applicable;
  }

  QualityReport.FieldCompleteness result() {
    return new QualityReport.FieldCompleteness(field, applicable, present, QualityReport.share(present, applicable));
  }
}
