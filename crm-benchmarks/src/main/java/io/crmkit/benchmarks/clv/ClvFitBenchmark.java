package io.crmkit.benchmarks.clv;

import io.crmkit.segmentation.clv.BgNbdFitter;
import io.crmkit.segmentation.clv.BgNbdParameters;
import io.crmkit.segmentation.clv.CustomerHistory;
import io.crmkit.segmentation.clv.GammaGammaFitter;
import io.crmkit.segmentation.clv.GammaGammaParameters;
import io.crmkit.segmentation.clv.ModelFit;
import java.util.List;
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
 * Fitting BG/NBD and Gamma-Gamma to the CDNOW customers (goal: under 0.5 s warm), against the
 * baseline of one evaluation of both log-likelihoods over the same customers: the ratio is what
 * the whole fit (optimiser, restarts, Newton polish, Hessians for the standard errors) costs in
 * log-likelihood evaluations. {@code -p cdnow=PATH/CDNOW_sample.txt} fits the real data; without
 * it, customers simulated at CDNOW's size and parameters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class ClvFitBenchmark {

  /** The CDNOW_sample.txt file, or blank for simulated customers. */
  @Param("")
  public String cdnow;

  private List<CustomerHistory> histories;

  @Setup(Level.Trial)
  public void load() {
    histories = CdnowHistories.load(cdnow);
  }

  /** Both fits, as {@code crmkit clv} runs them. */
  @Benchmark
  public double fitBothModels() {
    ModelFit<BgNbdParameters> purchases = BgNbdFitter.standard().fit(histories);
    ModelFit<GammaGammaParameters> spend = GammaGammaFitter.standard().fit(histories);
    if (!purchases.converged() || !spend.converged()) {
      throw new IllegalStateException(purchases.diagnosis() + " / " + spend.diagnosis());
    }
    return purchases.logLikelihood() + spend.logLikelihood();
  }

  /** The baseline: one evaluation of each log-likelihood at the published parameters. */
  @Benchmark
  public double logLikelihoodsOnce() {
    return BgNbdFitter.logLikelihood(CdnowHistories.PURCHASES, histories)
        + GammaGammaFitter.logLikelihood(CdnowHistories.SPEND, histories);
  }
}
