package io.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LifetimeValueTest {

  private static final BgNbdParameters PURCHASES = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);
  private static final GammaGammaParameters SPEND = new GammaGammaParameters(6.25, 3.74, 15.44);
  private static final CustomerHistory CUSTOMER_ONE = new CustomerHistory("1", 2, 30.43, 38.86, 22.35);

  @Test
  void withoutDiscountTheValueIsExpectedPurchasesTimesExpectedSpend() {
    CustomerValue value = new LifetimeValue(PURCHASES, SPEND, new Horizon(12, 52.0 / 12, 0)).score(CUSTOMER_ONE);

    double purchases = PURCHASES.expectedPurchases(52, CUSTOMER_ONE);
    assertThat(value.expectedPurchases()).isCloseTo(purchases, within(1e-9));
    assertThat(value.expectedSpend()).isCloseTo(SPEND.expectedMeanSpend(CUSTOMER_ONE), within(1e-12));
    assertThat(value.lifetimeValue()).isCloseTo(purchases * value.expectedSpend(), within(1e-9));
    assertThat(value.probabilityAlive()).isCloseTo(PURCHASES.probabilityAlive(CUSTOMER_ONE), within(1e-15));
  }

  @Test
  void eachPeriodsPurchasesAreDiscountedAtThePeriodsEnd() {
    Horizon horizon = new Horizon(3, 4, 0.1);

    double value = new LifetimeValue(PURCHASES, SPEND, horizon).of(CUSTOMER_ONE);

    double first = PURCHASES.expectedPurchases(4, CUSTOMER_ONE);
    double second = PURCHASES.expectedPurchases(8, CUSTOMER_ONE) - first;
    double third = PURCHASES.expectedPurchases(12, CUSTOMER_ONE) - first - second;
    double expected = SPEND.expectedMeanSpend(CUSTOMER_ONE) * (first / 1.1 + second / (1.1 * 1.1) + third / Math.pow(1.1, 3));
    assertThat(value).isCloseTo(expected, within(1e-9));
  }

  @Test
  void discountingLowersTheValueAndALongerHorizonRaisesIt() {
    double undiscounted = new LifetimeValue(PURCHASES, SPEND, new Horizon(12, 4, 0)).of(CUSTOMER_ONE);
    double discounted = new LifetimeValue(PURCHASES, SPEND, new Horizon(12, 4, 0.02)).of(CUSTOMER_ONE);
    double longer = new LifetimeValue(PURCHASES, SPEND, new Horizon(24, 4, 0.02)).of(CUSTOMER_ONE);

    assertThat(discounted).isLessThan(undiscounted).isPositive();
    assertThat(longer).isGreaterThan(discounted);
  }

  @Test
  void aSpendModelWithoutAFiniteMeanIsRefused() {
    assertThatThrownBy(() -> new LifetimeValue(PURCHASES, new GammaGammaParameters(6, 0.9, 15), new Horizon(1, 1, 0)))
        .hasMessage("lifetime value needs a spend model with q > 1, got q = 0.9");
    assertThatThrownBy(() -> new Horizon(0, 1, 0)).hasMessage("periods must be in 1..100000, got 0");
    assertThatThrownBy(() -> new Horizon(1, 1, -0.1)).hasMessage("the discount rate must be finite and >= 0, got -0.1");
  }
}
