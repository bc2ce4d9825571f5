package io.crmkit.core.lifecycle;

import io.crmkit.core.common.Require;
import io.crmkit.core.customer.LifecycleStage;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Ready-made {@link LifecycleRule}s for automatic evaluation from activity, time and external
 * signals. Each rule dates its trigger at the moment it became due (the purchase, the day the
 * limit ran out), not at the moment evaluation noticed, so time limits and time-in-stage figures do
 * not depend on how often evaluation runs.
 */
public final class LifecycleRules {
  private LifecycleRules() {}

  /**
   * The rules for {@link Lifecycle#standard()}: first, repeat and win-back purchases; no purchase
   * for 90 days; overdue by more than 3 times the customer's own typical gap (with at least 3
   * purchase occasions); 60 days as PROSPECT or DECIDING; 90 days AT_RISK; P(alive) below 0.3.
   */
  public static List<LifecycleRule> standard() {
    return List.of(
        firstPurchase(),
        purchaseSinceStageEntered(Trigger.REPEAT_PURCHASE),
        purchaseSinceStageEntered(Trigger.WIN_BACK_PURCHASE),
        inactivity(Duration.ofDays(90)),
        cadence(3.0, 3),
        stageTimeLimit(LifecycleStage.PROSPECT, Duration.ofDays(60)),
        stageTimeLimit(LifecycleStage.DECIDING, Duration.ofDays(60)),
        stageTimeLimit(LifecycleStage.AT_RISK, Duration.ofDays(90)),
        churnSignal(0.3));
  }

  /** {@link Trigger#FIRST_PURCHASE} once the customer has bought anything, dated at the first purchase. */
  public static LifecycleRule firstPurchase() {
    return rule(Trigger.FIRST_PURCHASE, c -> c.activity().firstPurchaseAt()
        .flatMap(first -> dueBy(c, first, () -> "first purchase at " + first)));
  }

  /**
   * {@code trigger} when the customer's latest purchase occasion (a day, see
   * {@link ActivitySummary}) began after they entered their stage, dated at that occasion, so more
   * lines of the checkout that moved them are no repeat purchase: {@link Trigger#REPEAT_PURCHASE}
   * (NEW or AT_RISK to ACTIVE) and {@link Trigger#WIN_BACK_PURCHASE} (CHURNED to WON_BACK) in the
   * standard lifecycle.
   */
  public static LifecycleRule purchaseSinceStageEntered(Trigger trigger) {
    return rule(trigger, c -> c.activity().lastPurchaseAt()
        .filter(last -> last.isAfter(c.stageEnteredAt()))
        .flatMap(last -> dueBy(c, last, () -> "purchase at " + last + " after entering " + c.stage()
            + " at " + c.stageEnteredAt())));
  }

  /**
   * {@link Trigger#INACTIVITY} when the customer has not bought for {@code limit}: counted from
   * the last purchase, or from entering the stage if they never bought.
   *
   * @throws IllegalArgumentException if {@code limit} is not positive
   */
  public static LifecycleRule inactivity(Duration limit) {
    requirePositive(limit, "limit");
    return rule(Trigger.INACTIVITY, c -> {
      Optional<Instant> last = c.activity().lastPurchaseAt();
      Instant since = last.orElse(c.stageEnteredAt());
      return dueBy(c, plus(since, limit), () -> (last.isPresent() ? "no purchase since " + since
          : "no purchase since entering " + c.stage() + " at " + since) + ", over the limit of " + words(limit));
    });
  }

  /**
   * {@link Trigger#INACTIVITY} when the customer is overdue by their own rhythm: no purchase for
   * more than {@code factor} times their {@link ActivitySummary#typicalGap() typical gap}, once
   * they have at least {@code minimumPurchases} purchases. A weekly buyer is overdue after a few
   * weeks; a yearly one only after years.
   *
   * @throws IllegalArgumentException if {@code factor} is not above 1 or {@code minimumPurchases}
   *     is below 2
   */
  public static LifecycleRule cadence(double factor, int minimumPurchases) {
    Require.argument(factor > 1 && Double.isFinite(factor),
        "the cadence factor must be a finite number above 1, got %s", factor);
    Require.atLeast(minimumPurchases, 2, "minimumPurchases");
    // Beyond this gap the allowance exceeds 1e15 ms (some 31,000 years): never due. Compared as a
    // Duration, because toMillis() overflows for gaps from the far past.
    Duration longestGap = Duration.ofMillis((long) (1e15 / factor));
    return rule(Trigger.INACTIVITY, c -> {
      ActivitySummary a = c.activity();
      if (a.purchaseCount() < minimumPurchases) {
        return Optional.empty();
      }
      Duration gap = a.typicalGap().orElseThrow();
      if (gap.compareTo(longestGap) > 0) {
        return Optional.empty();
      }
      Duration allowed = Duration.ofMillis(Math.round(gap.toMillis() * factor));
      Instant last = a.lastPurchaseAt().orElseThrow();
      return dueBy(c, plus(last, allowed), () -> String.format(Locale.ROOT,
          "overdue: no purchase since %s, more than %s times the customer's typical gap of %s",
          last, trim(factor), words(gap)));
    });
  }

  /**
   * {@link Trigger#STAGE_TIMEOUT} when a customer has stayed in {@code stage} for {@code limit},
   * such as a prospect without progress for 60 days.
   *
   * @throws IllegalArgumentException if {@code limit} is not positive
   */
  public static LifecycleRule stageTimeLimit(LifecycleStage stage, Duration limit) {
    return stageTimeLimit(stage, limit, Trigger.STAGE_TIMEOUT);
  }

  /**
   * {@code trigger} when a customer has stayed in {@code stage} for {@code limit}: the same as
   * {@link #stageTimeLimit(LifecycleStage, Duration)} with a trigger of your own, for example to
   * escalate rather than time out.
   *
   * @throws IllegalArgumentException if {@code limit} is not positive
   */
  public static LifecycleRule stageTimeLimit(LifecycleStage stage, Duration limit, Trigger trigger) {
    Objects.requireNonNull(stage, "stage");
    requirePositive(limit, "limit");
    return rule(trigger, c -> !c.stage().equals(stage) ? Optional.empty()
        : dueBy(c, plus(c.stageEnteredAt(), limit),
            () -> "in " + stage + " since " + c.stageEnteredAt() + ", over the limit of " + words(limit)));
  }

  /**
   * {@link Trigger#CHURN_SIGNAL} when the newest external signal puts the customer's probability of
   * being alive below {@code threshold}, dated at the measurement. Signals measured before the
   * customer entered their stage are ignored: what happened since (a purchase) overrides them.
   *
   * @throws IllegalArgumentException if {@code threshold} is not within 0..1
   */
  public static LifecycleRule churnSignal(double threshold) {
    Require.inRange(threshold, 0, 1, "threshold");
    return rule(Trigger.CHURN_SIGNAL, c -> c.churnSignal()
        .filter(s -> s.probabilityAlive() < threshold && !s.measuredAt().isBefore(c.stageEnteredAt()))
        .flatMap(s -> dueBy(c, s.measuredAt(), () -> String.format(Locale.ROOT,
            "P(alive) %s from %s at %s, below %s", trim(s.probabilityAlive()), s.source(), s.measuredAt(),
            trim(threshold)))));
  }

  private static LifecycleRule rule(Trigger trigger, Function<LifecycleRule.Context, Optional<LifecycleRule.Due>> due) {
    Objects.requireNonNull(trigger, "trigger");
    return new LifecycleRule() {
      @Override
      public Trigger trigger() {
        return trigger;
      }

      @Override
      public Optional<Due> due(Context context) {
        return due.apply(context);
      }

      @Override
      public String toString() {
        return "rule firing " + trigger;
      }
    };
  }

  /**
   * Due at {@code at}, or empty if not due by the as-of instant: the evaluator would drop it
   * anyway, and skipping it early spares the allocation.
   */
  private static Optional<LifecycleRule.Due> dueBy(LifecycleRule.Context c, Instant at, Supplier<String> reason) {
    Instant effective = at.isBefore(c.stageEnteredAt()) ? c.stageEnteredAt() : at;
    return effective.isAfter(c.asOf()) ? Optional.empty() : Optional.of(new LifecycleRule.Due(at, reason));
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    Require.argument(!duration.isNegative() && !duration.isZero(), "%s must be positive, got %s", name, duration);
  }

  /** {@code instant + duration}, or {@link Instant#MAX} (never due) past the end of time. */
  private static Instant plus(Instant instant, Duration duration) {
    try {
      return instant.plus(duration);
    } catch (DateTimeException | ArithmeticException e) {
      return Instant.MAX;
    }
  }

  /** "90 days" for whole days, "2.5 days" beyond a day, the ISO form below. */
  private static String words(Duration duration) {
    if (duration.toSeconds() % 86_400 == 0 && duration.toNanosPart() == 0) {
      return duration.toDays() == 1 ? "1 day" : duration.toDays() + " days";
    }
    if (duration.compareTo(Duration.ofDays(1)) > 0) {
      return String.format(Locale.ROOT, "%.1f days", duration.toSeconds() / 86_400.0);
    }
    return duration.toString();
  }

  private static String trim(double value) {
    return String.format(Locale.ROOT, "%.3f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
