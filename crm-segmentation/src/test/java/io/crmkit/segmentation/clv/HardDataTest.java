package io.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Data where a naive fit breaks: customers who buy about ten times a day for years, so that
 * powers such as (α+T)^(r+x) overflow a double many times over. The log-space fit converges and
 * recovers the parameters, and a fit that cannot converge says so.
 */
class HardDataTest {

  private static final BgNbdParameters HEAVY_BUYERS = new BgNbdParameters(40, 4, 1.2, 150);

  private static final List<CustomerHistory> HISTORIES =
      ClvSimulation.histories(HEAVY_BUYERS, Optional.empty(), 3_000, 500, 3_000, 7);

  @Test
  void theDataOverflowANaiveLikelihood() {
    CustomerHistory heaviest = HISTORIES.stream()
        .max((left, right) -> Integer.compare(left.frequency(), right.frequency())).orElseThrow();

    assertThat(heaviest.frequency()).isGreaterThan(10_000);
    assertThat(Math.pow(HEAVY_BUYERS.alpha() + heaviest.age(), HEAVY_BUYERS.r() + heaviest.frequency()))
        .isInfinite();
  }

  @Test
  void theFitConvergesOnHeavyBuyersWithLongHistoriesAndRecoversTheParameters() {
    ModelFit<BgNbdParameters> fit = BgNbdFitter.standard().fit(HISTORIES);

    assertThat(fit.converged()).as(fit.diagnosis()).isTrue();
    assertThat(fit.logLikelihood()).isFinite();
    double[] truth = {40, 4, 1.2, 150};
    for (int i = 0; i < truth.length; i++) {
      Estimate estimate = fit.estimates().get(i);
      assertThat(Math.abs(estimate.value() - truth[i])).as("%s", estimate).isLessThan(4.5 * estimate.standardError());
    }
  }

  @Test
  void predictionsForHeavyBuyersAreFiniteProbabilitiesAndCounts() {
    for (CustomerHistory history : HISTORIES) {
      assertThat(HEAVY_BUYERS.probabilityAlive(history)).isBetween(0.0, 1.0);
      assertThat(HEAVY_BUYERS.expectedPurchases(52, history)).isFinite().isGreaterThanOrEqualTo(0);
      assertThat(HEAVY_BUYERS.logLikelihood(history)).isFinite();
    }
  }

  @Test
  void aFitThatCannotConvergeSaysSoAndRefusesToHandOutItsParameters() {
    List<CustomerHistory> nobodyCameBack = List.of(CustomerHistory.of("1", 0, 0, 10), CustomerHistory.of("2", 0, 0, 20));

    ModelFit<BgNbdParameters> fit = BgNbdFitter.standard().fit(nobodyCameBack);

    assertThat(fit.converged()).isFalse();
    assertThat(fit.diagnosis()).contains("ran to the edge");
    assertThat(fit.estimates()).allSatisfy(estimate -> assertThat(estimate.standardError()).isNaN());
    assertThatThrownBy(fit::requireConverged).isInstanceOf(ModelFitException.class)
        .hasMessageContaining("did not converge").hasMessageContaining("ran to the edge");
  }
}
