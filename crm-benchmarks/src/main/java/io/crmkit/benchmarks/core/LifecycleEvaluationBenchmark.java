package io.crmkit.benchmarks.core;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.PersonName;
import io.crmkit.core.lifecycle.ActivitySummary;
import io.crmkit.core.lifecycle.ChurnSignal;
import io.crmkit.core.lifecycle.Lifecycle;
import io.crmkit.core.lifecycle.LifecycleEngine;
import io.crmkit.core.lifecycle.LifecycleEvaluator;
import io.crmkit.core.lifecycle.LifecycleRules;
import io.crmkit.core.memory.InMemoryCrmStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Batch lifecycle evaluation: the standard lifecycle and rules over one million customers as of
 * one instant, reported as customers per second.
 *
 * <ul>
 *   <li>{@link #evaluateMillion}: the pure {@link LifecycleEvaluator} over pre-built inputs
 *       (customer, stage entry, activity summary, churn signal for one in five): the cost of the
 *       rules and the state machine alone.
 *   <li>{@link #scanBaseline}: the same inputs walked with one comparison each, so the ratio shows
 *       what evaluation adds to merely touching a million customers in memory.
 *   <li>{@link #engineOverInMemoryPorts}: {@link LifecycleEngine#evaluateAll} over 100,000
 *       customers in the in-memory store, three purchases each: reading customers, purchases,
 *       history and signals through the ports and summarising the purchases, then evaluating.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class LifecycleEvaluationBenchmark {
  static final int MILLION = 1_000_000;
  static final int HUNDRED_THOUSAND = 100_000;
  static final Instant AS_OF = Instant.parse("2025-06-30T00:00:00Z");
  static final Instant EPOCH = Instant.parse("2023-01-01T00:00:00Z");
  private static final LifecycleStage[] STAGES = {
      LifecycleStage.PROSPECT, LifecycleStage.DECIDING, LifecycleStage.NEW, LifecycleStage.ACTIVE,
      LifecycleStage.ACTIVE, LifecycleStage.ACTIVE, LifecycleStage.AT_RISK, LifecycleStage.CHURNED,
      LifecycleStage.WON_BACK, LifecycleStage.DISQUALIFIED};

  /** One million evaluation inputs in memory. */
  @State(Scope.Benchmark)
  public static class Inputs {
    List<LifecycleEvaluator.Input> inputs;
    LifecycleEvaluator evaluator;

    @Setup(Level.Trial)
    public void build() {
      evaluator = new LifecycleEvaluator(Lifecycle.standard(), LifecycleRules.standard());
      Random random = new Random(42);
      inputs = new ArrayList<>(MILLION);
      for (int i = 0; i < MILLION; i++) {
        Customer customer = customer(random, i);
        Instant entered = between(random, customer.createdAt(), AS_OF);
        int count = customer.stage().equals(LifecycleStage.PROSPECT) || customer.stage().equals(LifecycleStage.DECIDING)
            ? (random.nextInt(4) == 0 ? 1 : 0) : 1 + random.nextInt(12);
        ActivitySummary activity = summary(random, customer, count);
        Optional<ChurnSignal> signal = random.nextInt(5) == 0
            ? Optional.of(new ChurnSignal(customer.id(), random.nextDouble(), between(random, EPOCH, AS_OF), "bg-nbd"))
            : Optional.empty();
        inputs.add(new LifecycleEvaluator.Input(customer, entered, activity, signal));
      }
    }
  }

  /** One hundred thousand customers with purchases in the in-memory store, and an engine over it. */
  @State(Scope.Benchmark)
  public static class Store {
    LifecycleEngine engine;

    @Setup(Level.Trial)
    public void build() {
      Random random = new Random(7);
      InMemoryCrmStore store = InMemoryCrmStore.create();
      List<Purchase> purchases = new ArrayList<>();
      for (int i = 0; i < HUNDRED_THOUSAND; i++) {
        Customer customer = store.customers().save(customer(random, i).withVersion(0));
        for (int p = 0; p < 3; p++) {
          purchases.add(new Purchase.Builder().id(ActivityId.of(new UUID(9, (long) i * 3 + p)))
              .customerId(customer.id()).occurredAt(between(random, customer.createdAt(), AS_OF))
              .amount(Money.of(CurrencyUnit.EUR, 10 + random.nextInt(90))).channel("online").build());
        }
      }
      store.purchases().recordAll(purchases);
      engine = LifecycleEngine.builder().store(store.attach(InMemoryExtensions.lifecycle()))
          .clock(Clock.fixed(AS_OF, ZoneOffset.UTC)).build();
    }
  }

  /** The pure evaluator over a million customers; the score is customers per second. */
  @Benchmark
  @OperationsPerInvocation(MILLION)
  public long evaluateMillion(Inputs state) {
    return state.evaluator.evaluateAll(state.inputs.stream(), AS_OF).count();
  }

  /** Baseline: touch each of the million inputs once with one comparison. */
  @Benchmark
  @OperationsPerInvocation(MILLION)
  public long scanBaseline(Inputs state) {
    long overdue = 0;
    for (LifecycleEvaluator.Input input : state.inputs) {
      if (input.stageEnteredAt().isBefore(AS_OF.minus(Duration.ofDays(90)))) {
        overdue++;
      }
    }
    return overdue;
  }

  /** The engine reading 100,000 customers through the in-memory ports; customers per second. */
  @Benchmark
  @OperationsPerInvocation(HUNDRED_THOUSAND)
  public long engineOverInMemoryPorts(Store state) {
    try (Stream<?> changes = state.engine.evaluateAll(AS_OF)) {
      return changes.count();
    }
  }

  static Customer customer(Random random, int i) {
    Instant created = between(random, EPOCH, AS_OF.minus(Duration.ofDays(1)));
    return new Customer.Builder()
        .id(CustomerId.of(new UUID(random.nextLong(), i)))
        .kind(CustomerKind.PERSON)
        .personName(PersonName.of("Li", "Na"))
        .stage(STAGES[random.nextInt(STAGES.length)])
        .version(1 + random.nextInt(5))
        .createdAt(created)
        .updatedAt(created)
        .build();
  }

  private static ActivitySummary summary(Random random, Customer customer, int count) {
    if (count == 0) {
      return ActivitySummary.none(customer.id(), AS_OF);
    }
    Instant last = between(random, customer.createdAt(), AS_OF.minusSeconds(1));
    Duration gap = Duration.ofDays(3 + random.nextInt(60));
    Instant first = count == 1 ? last : last.minus(gap.multipliedBy(count - 1));
    return new ActivitySummary(customer.id(), AS_OF, count, Optional.of(first), Optional.of(last),
        count > 1 ? Optional.of(gap) : Optional.empty());
  }

  private static Instant between(Random random, Instant from, Instant to) {
    long span = Duration.between(from, to).toSeconds();
    return from.plusSeconds(span <= 0 ? 0 : (long) (random.nextDouble() * span));
  }
}
