package io.crmkit.core.lifecycle;

import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.Require;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerField;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.customer.LifecycleStage;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lifecycle metrics: how many customers are in each stage, how many convert from one stage to
 * another over a period, and how long they stay in each stage.
 *
 * <p>Reconstructs each customer's stays from their history: before their first entry a customer
 * was in that entry's source stage since creation (or, without history, in their current stage);
 * after each entry, in its target stage until the next. Customers and history are read as two
 * streams in customer id order and merged, so memory stays constant however many customers there
 * are. History entries of customers that no longer exist are ignored, and so are the entries a
 * merge moved to a survivor: they are the absorbed customer's moves, not the survivor's, and
 * would break the survivor's own chain of stages.
 *
 * <p>Thread-safe.
 */
public final class Funnel {
  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

  private final Lifecycle lifecycle;
  private final Customers customers;
  private final LifecycleHistory history;

  /**
   * @param lifecycle the definition whose stages and transitions are reported
   * @param customers where customers and their current stages are read
   * @param history where the history entries of stage moves are read
   */
  public Funnel(Lifecycle lifecycle, Customers customers, LifecycleHistory history) {
    this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    this.customers = Objects.requireNonNull(customers, "customers");
    this.history = Objects.requireNonNull(history, "history");
  }

  /** How many customers are in each stage of the lifecycle now, in the lifecycle's stage order. */
  public Map<LifecycleStage, Long> customersPerStage() {
    Map<LifecycleStage, Long> counts = new LinkedHashMap<>();
    for (LifecycleStage stage : lifecycle.stages()) {
      counts.put(stage, customers.count(Criteria.stageIs(stage)));
    }
    return counts;
  }

  /**
   * Conversions between stages and time spent in each stage over {@code period}, and the stage
   * counts at its end: one pass over the customers created before the period ends and over their
   * history. See {@link Report} for what each figure means.
   */
  public Report report(TimeRange period) {
    Objects.requireNonNull(period, "period");
    Tally tally = new Tally(period);
    try (Stream<Customer> all = customers.stream(Criteria.below(CustomerField.CREATED_AT, period.to()));
        Stream<HistoryEntry> entries = history.stream(TimeRange.all())) {
      Iterator<HistoryEntry> pending = entries.iterator();
      HistoryEntry next = pending.hasNext() ? pending.next() : null;
      List<HistoryEntry> own = new ArrayList<>();
      for (Iterator<Customer> it = all.iterator(); it.hasNext(); ) {
        Customer customer = it.next();
        CustomerId id = customer.id();
        while (next != null && next.customerId().compareTo(id) < 0) {
          next = pending.hasNext() ? pending.next() : null;
        }
        own.clear();
        while (next != null && next.customerId().equals(id)) {
          if (!next.moved()) {
            own.add(next);
          }
          next = pending.hasNext() ? pending.next() : null;
        }
        tally.add(customer, own);
      }
    }
    return tally.report();
  }

  /** The running totals of one report. */
  private final class Tally {
    private final TimeRange period;
    private final Map<LifecycleStage, Long> atEnd = new HashMap<>();
    private final Map<LifecycleStage, Long> inStage = new HashMap<>();
    private final Map<List<LifecycleStage>, Long> converted = new LinkedHashMap<>();
    private final Map<LifecycleStage, long[]> stays = new HashMap<>();
    private final Map<LifecycleStage, BigInteger> stayNanos = new HashMap<>();

    Tally(TimeRange period) {
      this.period = period;
    }

    void add(Customer customer, List<HistoryEntry> entries) {
      Set<LifecycleStage> presentIn = new HashSet<>();
      Set<List<LifecycleStage>> movedAlong = new HashSet<>();
      LifecycleStage stage = entries.isEmpty() ? customer.stage() : entries.get(0).from();
      Instant since = customer.createdAt();
      LifecycleStage stageAtEnd = null;
      for (HistoryEntry entry : entries) {
        Instant until = entry.at().isBefore(since) ? since : entry.at();
        stay(stage, since, until, presentIn);
        if (since.isBefore(period.to())) {
          stageAtEnd = stage;
        }
        if (period.contains(entry.at())) {
          presentIn.add(entry.from());
          movedAlong.add(List.of(entry.from(), entry.to()));
        }
        stage = entry.to();
        since = until;
      }
      stay(stage, since, null, presentIn);
      if (since.isBefore(period.to())) {
        stageAtEnd = stage;
      }
      if (stageAtEnd != null) {
        atEnd.merge(stageAtEnd, 1L, Long::sum);
      }
      presentIn.forEach(s -> inStage.merge(s, 1L, Long::sum));
      movedAlong.forEach(pair -> converted.merge(pair, 1L, Long::sum));
    }

    /** One stay in {@code stage} over {@code [since, until)}; {@code until} null while it lasts. */
    private void stay(LifecycleStage stage, Instant since, Instant until, Set<LifecycleStage> presentIn) {
      boolean overlaps = since.isBefore(period.to()) && (until == null || until.isAfter(period.from()));
      if (overlaps) {
        presentIn.add(stage);
      }
      if (until != null && period.contains(until)) {
        stays.computeIfAbsent(stage, s -> new long[1])[0]++;
        stayNanos.merge(stage, nanos(Duration.between(since, until)), BigInteger::add);
      }
    }

    Report report() {
      Map<LifecycleStage, Long> counts = new LinkedHashMap<>();
      for (LifecycleStage stage : lifecycle.stages()) {
        counts.put(stage, atEnd.getOrDefault(stage, 0L));
      }
      atEnd.forEach(counts::putIfAbsent);
      Map<List<LifecycleStage>, Long> pairs = new LinkedHashMap<>();
      for (Transition transition : lifecycle.transitions()) {
        pairs.putIfAbsent(List.of(transition.from(), transition.to()), 0L);
      }
      converted.forEach(pairs::put);
      List<Report.Conversion> conversions = new ArrayList<>();
      pairs.forEach((pair, count) -> conversions.add(new Report.Conversion(pair.get(0), pair.get(1),
          inStage.getOrDefault(pair.get(0), 0L), count)));
      Map<LifecycleStage, Report.StageTime> times = new LinkedHashMap<>();
      List<LifecycleStage> order = new ArrayList<>(lifecycle.stages());
      stays.keySet().stream().filter(s -> !order.contains(s)).forEach(order::add);
      for (LifecycleStage stage : order) {
        long[] count = stays.get(stage);
        if (count != null) {
          BigInteger average = stayNanos.get(stage).divide(BigInteger.valueOf(count[0]));
          times.put(stage, new Report.StageTime(stage, count[0], duration(average)));
        }
      }
      return new Report(period, counts, conversions, times);
    }

    /** Via seconds, since a long of nanoseconds only spans 292 years and stays can be longer. */
    private Duration duration(BigInteger nanos) {
      BigInteger[] secondsAndNanos = nanos.divideAndRemainder(NANOS_PER_SECOND);
      return Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
    }

    private BigInteger nanos(Duration duration) {
      return BigInteger.valueOf(duration.getSeconds()).multiply(NANOS_PER_SECOND)
          .add(BigInteger.valueOf(duration.getNano()));
    }
  }

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
  public record Report(
      TimeRange period,
      Map<LifecycleStage, Long> customersAtEnd,
      List<Conversion> conversions,
      Map<LifecycleStage, StageTime> timeInStage) {

    public Report {
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
}
