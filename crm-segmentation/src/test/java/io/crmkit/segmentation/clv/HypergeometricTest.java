package io.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HypergeometricTest {

  @Test
  void matchesTheLogarithmItReducesTo() {
    for (double z : new double[] {0.01, 0.3, 0.6, 0.9, 0.99}) {
      assertThat(Hypergeometric.f21(1, 1, 2, z)).as("z = %s", z).isCloseTo(-Math.log1p(-z) / z, within(1e-12));
    }
  }

  @Test
  void matchesTheBinomialSeriesItReducesTo() {
    // 2F1(a, b; b; z) = (1 - z)^-a
    assertThat(Hypergeometric.f21(2.5, 3.2, 3.2, 0.8)).isCloseTo(Math.pow(0.2, -2.5), within(1e-9));
  }

  @Test
  void aNegativeIntegerParameterEndsTheSeriesAsAPolynomial() {
    // 2F1(-2, b; c; z) = 1 - 2bz/c + b(b+1)z²/(c(c+1))
    double b = 1.5;
    double c = 2.5;
    double z = 0.7;
    assertThat(Hypergeometric.f21(-2, b, c, z))
        .isCloseTo(1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1)), within(1e-14));
  }

  @Test
  void refusesArgumentsOutsideItsDomain() {
    assertThatThrownBy(() -> Hypergeometric.f21(1, 1, 2, 1)).hasMessage("2F1 needs 0 <= z < 1, got 1.0");
    assertThatThrownBy(() -> Hypergeometric.f21(1, 1, -2, 0.5)).hasMessage("2F1 is undefined for c = -2.0");
  }
}
