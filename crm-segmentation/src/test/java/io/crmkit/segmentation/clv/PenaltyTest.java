package io.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PenaltyTest {

  @Test
  void aPenaltyPullsTheParametersTowardsZeroAndCostsLikelihood() {
    ModelFit<BgNbdParameters> plain = BgNbdFitter.standard().fit(Cdnow.histories());
    ModelFit<BgNbdParameters> penalised = BgNbdFitter.withPenalty(0.01).fit(Cdnow.histories());

    assertThat(penalised.converged()).as(penalised.diagnosis()).isTrue();
    assertThat(squares(penalised.parameters())).isLessThan(squares(plain.parameters()));
    assertThat(penalised.logLikelihood()).isLessThan(plain.logLikelihood());
  }

  @Test
  void aNegativePenaltyIsRefused() {
    assertThatThrownBy(() -> BgNbdFitter.withPenalty(-1)).hasMessage("the penalty must be finite and >= 0, got -1.0");
    assertThatThrownBy(() -> GammaGammaFitter.withPenalty(Double.NaN))
        .hasMessage("the penalty must be finite and >= 0, got NaN");
    assertThatThrownBy(() -> BgNbdFitter.standard().fit(List.of())).hasMessage("a fit needs at least one customer");
  }

  private static double squares(BgNbdParameters parameters) {
    double sum = 0;
    for (double value : parameters.toArray()) {
      sum += value * value;
    }
    return sum;
  }
}
