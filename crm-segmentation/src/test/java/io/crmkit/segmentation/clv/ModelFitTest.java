package io.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelFitTest {

  private static final GammaGammaParameters PARAMETERS = new GammaGammaParameters(6, 4, 15);

  @Test
  void aConvergedFitHandsOutItsParametersAndEstimatesByName() {
    ModelFit<GammaGammaParameters> fit = new ModelFit<>(PARAMETERS,
        List.of(new Estimate("p", 6, 1), new Estimate("q", 4, 0.3), new Estimate("v", 15, 4)), -10, 3, true,
        "converged after 5 log-likelihood evaluations");

    assertThat(fit.requireConverged()).isSameAs(PARAMETERS);
    assertThat(fit.estimate("q").standardError()).isEqualTo(0.3);
    assertThatThrownBy(() -> fit.estimate("r")).hasMessageStartingWith("no parameter r in");
  }

  @Test
  void aFitThatDidNotConvergeRefusesWithItsDiagnosis() {
    ModelFit<GammaGammaParameters> fit = new ModelFit<>(PARAMETERS, List.of(), -10, 3, false, "q ran to the edge (1e+09)");

    assertThatThrownBy(fit::requireConverged).isInstanceOf(ModelFitException.class)
        .hasMessage("the fit on 3 customers did not converge: q ran to the edge (1e+09)");
  }

  @Test
  void gammaGammaNeedsRepeatBuyersWithASpend() {
    assertThatThrownBy(() -> GammaGammaFitter.standard().fit(List.of(CustomerHistory.of("a", 0, 0, 3),
        new CustomerHistory("b", 2, 1, 3, 0))))
        .hasMessage("Gamma-Gamma needs customers with repeat purchases and a positive spend; none of 2 has");
    assertThatThrownBy(() -> PARAMETERS.logLikelihood(CustomerHistory.of("a", 0, 0, 3)))
        .hasMessageContaining("Gamma-Gamma needs x > 0");
  }

  @Test
  void aCustomerWithoutRepeatPurchasesIsExpectedToSpendThePopulationMean() {
    assertThat(PARAMETERS.expectedMeanSpend(CustomerHistory.of("a", 0, 0, 3)))
        .isEqualTo(PARAMETERS.populationMeanSpend()).isEqualTo(30.0);
    assertThatThrownBy(() -> new GammaGammaParameters(6, 1, 15).populationMeanSpend())
        .isInstanceOf(IllegalStateException.class).hasMessage("the population mean spend needs q > 1, got q = 1.0");
  }
}
