package io.crmkit.benchmarks.clv;

import io.crmkit.segmentation.clv.ClvSimulation;
import io.crmkit.segmentation.clv.CustomerHistory;
import io.crmkit.segmentation.clv.CustomerValue;
import io.crmkit.segmentation.clv.Horizon;
import io.crmkit.segmentation.clv.LifetimeValue;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scoring a million customers with fitted models: P(alive), expected purchases over a year and
 * the lifetime value over 12 monthly periods at 1 % a month (weeks, CDNOW's parameters), on one
 * thread and on a parallel stream. Baselines in the same run: P(alive) alone (a closed form, what
 * a quick "still a customer?" flag costs) and the expected purchases over a year alone (one
 * hypergeometric series a customer). One operation scores all of them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class ClvScoringBenchmark {

  @Param("1000000")
  public int customers;

  private List<CustomerHistory> histories;
  private LifetimeValue value;

  @Setup(Level.Trial)
  public void simulate() {
    histories = ClvSimulation.histories(CdnowHistories.PURCHASES, Optional.of(CdnowHistories.SPEND), customers,
        1, 78, 2026);
    value = new LifetimeValue(CdnowHistories.PURCHASES, CdnowHistories.SPEND, new Horizon(12, 52.0 / 12, 0.01));
  }

  /** Everything per customer on one thread: P(alive), E[purchases], E[spend], CLV (12 periods). */
  @Benchmark
  public double scoreSequential() {
    double total = 0;
    for (CustomerHistory history : histories) {
      CustomerValue scored = value.score(history);
      total += scored.lifetimeValue() + scored.probabilityAlive();
    }
    return total;
  }

  /** The same on a parallel stream, as {@code crmkit clv} scores. */
  @Benchmark
  public double scoreParallel() {
    return histories.parallelStream().mapToDouble(history -> {
      CustomerValue scored = value.score(history);
      return scored.lifetimeValue() + scored.probabilityAlive();
    }).sum();
  }

  /** Baseline: P(alive) alone. */
  @Benchmark
  public double probabilityAliveOnly() {
    double total = 0;
    for (CustomerHistory history : histories) {
      total += CdnowHistories.PURCHASES.probabilityAlive(history);
    }
    return total;
  }

  /** Baseline: the expected purchases over the year alone (one series a customer). */
  @Benchmark
  public double expectedPurchasesOnly() {
    double total = 0;
    for (CustomerHistory history : histories) {
      total += CdnowHistories.PURCHASES.expectedPurchases(52, history);
    }
    return total;
  }
}
