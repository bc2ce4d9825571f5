package io.crmkit.segmentation.churn;

import io.crmkit.core.activity.PurchaseSummary;
import io.crmkit.core.activity.Purchases;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.lifecycle.ChurnSignal;
import io.crmkit.core.lifecycle.ChurnSignals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * Flags customers likely to churn and records the flags as {@link ChurnSignal}s, which the
 * lifecycle's {@code LifecycleRules.churnSignal(threshold)} rule turns into a move to at-risk.
 *
 * <p>A customer is flagged when
 *
 * <ul>
 *   <li>their P(alive), given by the caller (from a BG/NBD fit, say), is below
 *       {@link Builder#probabilityThreshold} (0.3 by default, as the standard lifecycle rule); or
 *   <li>they have at least {@link Builder#minimumOccasions} purchase occasions (3 by default) and the
 *       time since their last purchase exceeds their {@link PurchaseSummary#typicalGap() typical gap}
 *       times {@link Builder#cadenceFactor} (3 by default): someone who buys weekly and has been
 *       silent for a month.
 * </ul>
 *
 * <p><b>What is recorded.</b> One signal per flagged customer, measured at the summaries' as-of
 * instant: source {@link Builder#source} ({@code segmentation} by default), and as probability the
 * given P(alive), or for a cadence flag at most {@link Builder#cadenceProbability} (0 by default): a
 * cadence flag has no probability of its own, so it is recorded as "gone" and every churn-signal
 * rule fires on it. Customers not flagged get no signal, so an earlier signal stays the latest.
 * Use the same threshold here as in the lifecycle rule, or a flag the rule does not see as low
 * enough moves nobody.
 *
 * <p>Immutable and thread-safe.
 */
public final class ChurnFlagger {
  /** Customers per bulk summary read. */
  public static final int CHUNK = 1_000;

  private final double probabilityThreshold;
  private final double cadenceFactor;
  private final int minimumOccasions;
  private final double cadenceProbability;
  private final String source;

  private ChurnFlagger(Builder builder) {
    this.probabilityThreshold = builder.probabilityThreshold;
    this.cadenceFactor = builder.cadenceFactor;
    this.minimumOccasions = builder.minimumOccasions;
    this.cadenceProbability = builder.cadenceProbability;
    this.source = builder.source;
  }

  /** A flagger with the defaults, to adjust. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The flag of one customer, if any.
   *
   * @param probabilityAlive the customer's P(alive) as of the summary's instant, if a model gave one
   * @throws IllegalArgumentException if the probability is outside 0..1
   */
  public Optional<ChurnFlag> flag(PurchaseSummary summary, OptionalDouble probabilityAlive) {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(probabilityAlive, "probabilityAlive");
    probabilityAlive.ifPresent(p -> Require.inRange(p, 0, 1, "probabilityAlive"));
    Set<ChurnFlag.Reason> reasons = EnumSet.noneOf(ChurnFlag.Reason.class);
    List<String> why = new ArrayList<>(2);
    double recorded = 1;
    if (probabilityAlive.isPresent() && probabilityAlive.getAsDouble() < probabilityThreshold) {
      reasons.add(ChurnFlag.Reason.P_ALIVE);
      recorded = probabilityAlive.getAsDouble();
      why.add(String.format(Locale.ROOT, "P(alive) %.4f below %s", recorded, probabilityThreshold));
    }
    Optional<String> overdue = overdue(summary);
    if (overdue.isPresent()) {
      reasons.add(ChurnFlag.Reason.CADENCE);
      recorded = Math.min(recorded, Math.min(cadenceProbability, probabilityAlive.orElse(1)));
      why.add(overdue.get());
    }
    return reasons.isEmpty() ? Optional.empty()
        : Optional.of(new ChurnFlag(summary.customerId(), summary.asOf(), reasons, recorded, String.join("; ", why)));
  }

  /**
   * The flags of {@code summaries}, in their order.
   *
   * @param probabilityAlive each customer's P(alive), empty for customers the model did not score
   */
  public List<ChurnFlag> flag(Collection<PurchaseSummary> summaries,
      Function<CustomerId, OptionalDouble> probabilityAlive) {
    Objects.requireNonNull(summaries, "summaries");
    Objects.requireNonNull(probabilityAlive, "probabilityAlive");
    List<ChurnFlag> flags = new ArrayList<>();
    for (PurchaseSummary summary : summaries) {
      flag(summary, probabilityAlive.apply(summary.customerId())).ifPresent(flags::add);
    }
    return flags;
  }

  /**
   * Flags {@code customers} as of {@code asOf}, reading their summaries {@value #CHUNK} at a time
   * from {@code purchases}, and records each chunk's flags with {@code signals} (all or none per
   * chunk).
   *
   * @return every flag recorded, in the customers' order
   */
  public List<ChurnFlag> flagAndRecord(Purchases purchases, ChurnSignals signals, Iterable<CustomerId> customers,
      Instant asOf, Function<CustomerId, OptionalDouble> probabilityAlive) {
    Objects.requireNonNull(purchases, "purchases");
    Objects.requireNonNull(signals, "signals");
    Objects.requireNonNull(asOf, "asOf");
    List<ChurnFlag> all = new ArrayList<>();
    Iterator<CustomerId> ids = customers.iterator();
    List<CustomerId> chunk = new ArrayList<>(CHUNK);
    while (ids.hasNext()) {
      chunk.add(Objects.requireNonNull(ids.next(), "customer id"));
      if (chunk.size() == CHUNK || !ids.hasNext()) {
        List<ChurnFlag> flags = flag(purchases.summaries(chunk, asOf).values(), probabilityAlive);
        signals.recordAll(flags.stream().map(this::signal).toList());
        all.addAll(flags);
        chunk.clear();
      }
    }
    return all;
  }

  /** The signal {@code flag} is recorded as. */
  public ChurnSignal signal(ChurnFlag flag) {
    return new ChurnSignal(flag.customerId(), flag.probabilityAlive(), flag.asOf(), source);
  }

  /** Why the customer is overdue against their own rhythm, if they are. */
  private Optional<String> overdue(PurchaseSummary summary) {
    if (summary.occasions() < minimumOccasions || summary.typicalGap().isEmpty()) {
      return Optional.empty();
    }
    Duration gap = summary.typicalGap().get();
    Duration silent = summary.sinceLastPurchase().orElseThrow();
    double limitSeconds = gap.getSeconds() * cadenceFactor;
    if (silent.getSeconds() <= limitSeconds) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "no purchase for %.1f days, over %s times the typical gap of %.1f days",
        silent.getSeconds() / 86_400.0, cadenceFactor, gap.getSeconds() / 86_400.0));
  }

  /** Configures a {@link ChurnFlagger}. Not thread-safe. */
  public static final class Builder {
    private double probabilityThreshold = 0.3;
    private double cadenceFactor = 3;
    private int minimumOccasions = 3;
    private double cadenceProbability = 0;
    private String source = "segmentation";

    private Builder() {}

    /**
     * A P(alive) strictly below this flags the customer; 0.3 by default.
     *
     * @throws IllegalArgumentException if not within 0..1
     */
    public Builder probabilityThreshold(double threshold) {
      Require.inRange(threshold, 0, 1, "threshold");
      this.probabilityThreshold = threshold;
      return this;
    }

    /**
     * Silence longer than the typical gap times this flags the customer; 3 by default.
     *
     * @throws IllegalArgumentException if below 1 or not finite
     */
    public Builder cadenceFactor(double factor) {
      Require.argument(Double.isFinite(factor) && factor >= 1, "the cadence factor must be >= 1, got %s", factor);
      this.cadenceFactor = factor;
      return this;
    }

    /**
     * Occasions a customer needs before their rhythm is trusted; 3 by default (2 is the least
     * with a typical gap).
     *
     * @throws IllegalArgumentException if below 2
     */
    public Builder minimumOccasions(int occasions) {
      Require.atLeast(occasions, 2, "occasions");
      this.minimumOccasions = occasions;
      return this;
    }

    /**
     * The probability a cadence flag is recorded with (or the model's, if lower); 0 by default.
     *
     * @throws IllegalArgumentException if not within 0..1
     */
    public Builder cadenceProbability(double probability) {
      Require.inRange(probability, 0, 1, "probability");
      this.cadenceProbability = probability;
      return this;
    }

    /**
     * The source name of recorded signals; {@code segmentation} by default.
     *
     * @throws IllegalArgumentException if blank or longer than {@link ChurnSignal#MAX_SOURCE_LENGTH}
     */
    public Builder source(String source) {
      Require.notBlank(source, "source");
      Require.argument(source.length() <= ChurnSignal.MAX_SOURCE_LENGTH, "source has at most %s characters",
          ChurnSignal.MAX_SOURCE_LENGTH);
      this.source = source;
      return this;
    }

    /** The flagger. */
    public ChurnFlagger build() {
      return new ChurnFlagger(this);
    }
  }
}
