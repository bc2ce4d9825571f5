package io.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the BG/NBD predictions over any parameters and histories, heavy buyers included. */
class BgNbdProperties {

  @Property(tries = 300)
  void probabilityAliveIsAProbabilityAndExpectationsAreFiniteAndGrowWithTheHorizon(
      @ForAll("parameters") BgNbdParameters parameters, @ForAll("histories") CustomerHistory history) {
    double alive = parameters.probabilityAlive(history);
    double shorter = parameters.expectedPurchases(10, history);
    double longer = parameters.expectedPurchases(40, history);

    assertThat(alive).isBetween(0.0, 1.0);
    assertThat(shorter).isFinite().isGreaterThanOrEqualTo(0);
    assertThat(longer).isFinite().isGreaterThanOrEqualTo(shorter);
    assertThat(parameters.logLikelihood(history)).isFinite();
  }

  @Property(tries = 300)
  void aLaterLastPurchaseNeverMakesACustomerLessLikelyAlive(@ForAll("parameters") BgNbdParameters parameters,
      @ForAll("histories") CustomerHistory history) {
    double laterRecency = history.frequency() == 0 ? 0 : (history.recency() + history.age()) / 2;
    CustomerHistory later = CustomerHistory.of(history.customer(), history.frequency(), laterRecency, history.age());

    assertThat(parameters.probabilityAlive(later)).isGreaterThanOrEqualTo(parameters.probabilityAlive(history));
  }

  @Provide
  Arbitrary<BgNbdParameters> parameters() {
    Arbitrary<Double> positive = Arbitraries.doubles().between(0.05, 50);
    return Combinators.combine(positive, positive, positive.filter(a -> Math.abs(a - 1) > 1e-3), positive)
        .as(BgNbdParameters::new);
  }

  @Provide
  Arbitrary<CustomerHistory> histories() {
    Arbitrary<Integer> frequencies = Arbitraries.integers().between(0, 5_000);
    Arbitrary<Double> ages = Arbitraries.doubles().between(0, 3_000);
    Arbitrary<Double> shares = Arbitraries.doubles().between(0, 1);
    return Combinators.combine(frequencies, ages, shares)
        .as((x, age, share) -> CustomerHistory.of("c", x, x == 0 ? 0 : age * share, age));
  }
}
