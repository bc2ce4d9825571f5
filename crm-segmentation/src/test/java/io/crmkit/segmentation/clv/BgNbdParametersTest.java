package io.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BgNbdParametersTest {

  private static final BgNbdParameters CDNOW = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);

  @Test
  void aCustomerWithoutRepeatPurchasesIsAliveForSure() {
    assertThat(CDNOW.probabilityAlive(CustomerHistory.of("c", 0, 0, 1))).isEqualTo(1.0);
  }

  @Test
  void aHeavyBuyerSilentForLongIsDeadWithoutOverflow() {
    double alive = CDNOW.probabilityAlive(CustomerHistory.of("c", 1000, 10, 100));

    assertThat(alive).isEqualTo(0.0);
    assertThat(CDNOW.expectedPurchases(39, CustomerHistory.of("c", 1000, 10, 100))).isEqualTo(0.0);
  }

  @Test
  void probabilityAliveDoesNotDependOnTheTimeScaleWhenAlphaScalesWithIt() {
    CustomerHistory weeks = CustomerHistory.of("c", 3, 20, 35);
    CustomerHistory days = CustomerHistory.of("c", 3, 140, 245);
    BgNbdParameters inDays = new BgNbdParameters(CDNOW.r(), CDNOW.alpha() * 7, CDNOW.a(), CDNOW.b());

    assertThat(inDays.probabilityAlive(days)).isCloseTo(CDNOW.probabilityAlive(weeks), within(1e-12));
    assertThat(inDays.expectedPurchases(273, days)).isCloseTo(CDNOW.expectedPurchases(39, weeks), within(1e-9));
  }

  @Test
  void expectedPurchasesStartAtZeroAndGrowWithTheHorizon() {
    CustomerHistory history = CustomerHistory.of("c", 4, 30, 38);

    assertThat(CDNOW.expectedPurchases(0, history)).isZero();
    assertThat(CDNOW.expectedPurchases(10, history)).isLessThan(CDNOW.expectedPurchases(20, history));
    assertThat(CDNOW.expectedPurchases(1)).isLessThan(CDNOW.expectedPurchases(2));
  }

  @Test
  void expectedPurchasesOfANewCustomerEqualTheConditionalOnesAtAgeZero() {
    assertThat(CDNOW.expectedPurchases(26, CustomerHistory.of("c", 0, 0, 0)))
        .isCloseTo(CDNOW.expectedPurchases(26), within(1e-12));
  }

  @Test
  void theProbabilitiesOfEveryPurchaseCountAddUpToOne() {
    double total = 0;
    for (int n = 0; n < 400; n++) {
      total += CDNOW.probabilityOfPurchases(n, 39);
    }
    assertThat(total).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void theMeanOfThePurchaseCountDistributionIsTheExpectedCount() {
    double mean = 0;
    for (int n = 0; n < 2000; n++) {
      mean += n * CDNOW.probabilityOfPurchases(n, 39);
    }
    assertThat(mean).isCloseTo(CDNOW.expectedPurchases(39), within(1e-4));
  }

  @Test
  void logLikelihoodOfAHistoryIsTheFittersOnAOneCustomerSample() {
    CustomerHistory history = CustomerHistory.of("c", 2, 30.43, 38.86);

    assertThat(BgNbdFitter.logLikelihood(CDNOW, List.of(history)))
        .isCloseTo(CDNOW.logLikelihood(history), within(1e-9));
  }

  @Test
  void guardClausesNameWhatIsWrong() {
    assertThatThrownBy(() -> new BgNbdParameters(0, 1, 1, 1)).hasMessage("r must be finite and > 0, got 0.0");
    assertThatThrownBy(() -> CDNOW.expectedPurchases(-1)).hasMessage("t must be finite and >= 0, got -1.0");
    assertThatThrownBy(() -> CDNOW.probabilityOfPurchases(-1, 2)).hasMessage("n must be at least 0, got -1");
    assertThatThrownBy(() -> new BgNbdParameters(1, 1, 1, 1).expectedPurchases(3))
        .hasMessageContaining("a = 1");
    assertThatThrownBy(() -> CustomerHistory.of("c", 1, 5, 4)).hasMessageContaining("recency (t_x) must be in 0..T");
    assertThatThrownBy(() -> CustomerHistory.of("c", 0, 1, 4)).hasMessageContaining("must be 0 without repeat");
  }
}
