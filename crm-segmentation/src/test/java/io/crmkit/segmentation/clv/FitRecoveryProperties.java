package io.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;

/**
 * Fits recover the parameters that generated the data: customers are simulated from known
 * parameters ({@link ClvSimulation}) and fitted, and each estimate must lie within 4.5 of its
 * standard errors of the truth. The standard errors shrink like 1/√n, so the tolerance shrinks
 * with the sample size; the properties check that too. Few tries: each one fits thousands of
 * customers twice. The tries are seeded: a Wald interval for a skewed estimate such as alpha is
 * missed by far more than its nominal rate, so unseeded runs would fail now and then on a sample
 * that is merely unusual, and a build must not.
 */
class FitRecoveryProperties {

  private static final BgNbdParameters PURCHASES = new BgNbdParameters(0.25, 4.0, 0.8, 2.5);
  private static final GammaGammaParameters SPEND = new GammaGammaParameters(6, 4, 15);
  private static final double SIGMAS = 4.5;

  @Property(tries = 4, shrinking = ShrinkingMode.OFF, seed = "20261206")
  void bgNbdFitRecoversTheParametersWithinATolerance(@ForAll @IntRange(min = 3_000, max = 10_000) int customers,
      @ForAll long seed) {
    List<CustomerHistory> histories = ClvSimulation.histories(PURCHASES, Optional.empty(), customers, 20, 40, seed);

    ModelFit<BgNbdParameters> fit = BgNbdFitter.standard().fit(histories);

    assertThat(fit.converged()).as(fit.diagnosis()).isTrue();
    double[] truth = {PURCHASES.r(), PURCHASES.alpha(), PURCHASES.a(), PURCHASES.b()};
    assertWithinStandardErrors(fit, truth);
    // Per-customer spreads (SE · √n) at these parameters are about 0.6 for r and 18 for alpha.
    assertThat(fit.estimate("r").standardError()).isLessThan(1.2 / Math.sqrt(customers));
    assertThat(fit.estimate("alpha").standardError()).isLessThan(30 / Math.sqrt(customers));
  }

  @Property(tries = 4, shrinking = ShrinkingMode.OFF, seed = "20261206")
  void gammaGammaFitRecoversTheParametersWithinATolerance(
      @ForAll @IntRange(min = 3_000, max = 10_000) int customers, @ForAll long seed) {
    List<CustomerHistory> histories = ClvSimulation.histories(PURCHASES, Optional.of(SPEND), customers, 20, 40, seed);

    ModelFit<GammaGammaParameters> fit = GammaGammaFitter.standard().fit(histories);

    assertThat(fit.converged()).as(fit.diagnosis()).isTrue();
    assertWithinStandardErrors(fit, new double[] {SPEND.p(), SPEND.q(), SPEND.v()});
    int repeat = fit.customers();
    assertThat(fit.estimate("q").standardError()).isLessThan(20 / Math.sqrt(repeat));
  }

  private static void assertWithinStandardErrors(ModelFit<?> fit, double[] truth) {
    for (int i = 0; i < truth.length; i++) {
      Estimate estimate = fit.estimates().get(i);
      assertThat(estimate.standardError()).as("standard error of %s", estimate.name()).isPositive().isFinite();
      assertThat(Math.abs(estimate.value() - truth[i]))
          .as("%s = %s ± %s, truth %s", estimate.name(), estimate.value(), estimate.standardError(), truth[i])
          .isLessThanOrEqualTo(SIGMAS * estimate.standardError());
    }
  }
}
