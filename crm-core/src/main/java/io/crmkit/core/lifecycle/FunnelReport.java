package io.crmkit.core.lifecycle;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.LifecycleStage;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The lifecycle funnel over a period, computed by {@link Funnel#report}.
 *
 * @param period the period reported on
 * @param customersAtEnd how many customers were in each stage at the end of the period (just
 *     before {@code period.to()}), stages of the lifecycle first in their order, then any other
 *     stage found
 * @param conversions for every transition of the lifecycle and every other move seen in the
 *     period, how many customers were in the source stage and how many of them moved to the target
 * @param timeInStage for each stage left during the period, how long the stays that ended in the
 *     period lasted on average
 */
public record FunnelReport(
    TimeRange period,
    Map<LifecycleStage, Long> customersAtEnd,
    List<Conversion> conversions,
    Map<LifecycleStage, StageTime> timeInStage) {

  public FunnelReport {
    Objects.requireNonNull(period, "period");
    customersAtEnd = Collections.unmodifiableMap(new LinkedHashMap<>(customersAtEnd));
    conversions = List.copyOf(conversions);
    timeInStage = Collections.unmodifiableMap(new LinkedHashMap<>(timeInStage));
  }

  /** The conversion from {@code from} to {@code to}, if it is a transition or happened in the period. */
  public Optional<Conversion> conversion(LifecycleStage from, LifecycleStage to) {
    return conversions.stream().filter(c -> c.from().equals(from) && c.to().equals(to)).findFirst();
  }

  /** The average completed stay in {@code stage}, if any stay in it ended in the period. */
  public Optional<StageTime> timeIn(LifecycleStage stage) {
    return Optional.ofNullable(timeInStage.get(stage));
  }

  /**
   * Conversion from one stage to another over the period.
   *
   * @param from the source stage
   * @param to the target stage
   * @param customersInFrom how many customers were in {@code from} at some time during the period
   * @param customersConverted how many of them moved directly from {@code from} to {@code to}
   *     during the period
   */
  public record Conversion(LifecycleStage from, LifecycleStage to, long customersInFrom, long customersConverted) {
    /** @throws IllegalArgumentException unless {@code 0 <= customersConverted <= customersInFrom} */
    public Conversion {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Require.inRange(customersConverted, 0, customersInFrom, "customersConverted");
    }

    /** {@code customersConverted / customersInFrom}, or 0 when nobody was in {@code from}. */
    public double rate() {
      return customersInFrom == 0 ? 0 : (double) customersConverted / customersInFrom;
    }
  }

  /**
   * Time spent in a stage.
   *
   * @param stage the stage
   * @param completedStays how many stays in the stage ended during the period
   * @param average their mean length
   */
  public record StageTime(LifecycleStage stage, long completedStays, Duration average) {
    /** @throws IllegalArgumentException if there is no stay to average */
    public StageTime {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(average, "average");
      Require.atLeast(completedStays, 1, "completedStays");
    }
  }
}
