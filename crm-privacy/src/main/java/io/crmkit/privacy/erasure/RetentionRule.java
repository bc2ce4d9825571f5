package io.crmkit.privacy.erasure;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.LifecycleStage;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * When a customer's personal data is no longer needed and must be erased: data protection law
 * keeps personal data only as long as its purpose needs (GDPR art. 5(1)(e), PIPL art. 19), so a
 * company states its periods as rules and {@link Retention} applies them in batches.
 */
public sealed interface RetentionRule {

  /** A short name for reports and the audit log, such as {@code churned-for-P3Y}. */
  String name();

  /** The rule's period, counted back from the time of the run. */
  Period period();

  /** The instant at and before which the rule's event makes a customer due, for a run at {@code now}. */
  default Instant cutoff(Instant now) {
    return now.atOffset(ZoneOffset.UTC).minus(period()).toInstant();
  }

  /**
   * A customer at stage {@link LifecycleStage#CHURNED} for at least {@code period}: since its last
   * move to that stage in the lifecycle history, or since its last update when there is no history.
   */
  static RetentionRule churnedFor(Period period) {
    return new ChurnedFor(period);
  }

  /**
   * A customer with no purchase and no interaction for at least {@code period}, and registered at
   * least that long ago (a new customer without activity is not due).
   */
  static RetentionRule inactiveFor(Period period) {
    return new InactiveFor(period);
  }

  /** See {@link #churnedFor}. */
  record ChurnedFor(Period period) implements RetentionRule {
    public ChurnedFor {
      checkPeriod(period);
    }

    @Override
    public String name() {
      return "churned-for-" + period;
    }
  }

  /** See {@link #inactiveFor}. */
  record InactiveFor(Period period) implements RetentionRule {
    public InactiveFor {
      checkPeriod(period);
    }

    @Override
    public String name() {
      return "inactive-for-" + period;
    }
  }

  private static void checkPeriod(Period period) {
    Require.notNull(period, "period");
    Require.argument(!period.isNegative() && !period.isZero(), "a retention period must be positive, got %s", period);
  }
}
