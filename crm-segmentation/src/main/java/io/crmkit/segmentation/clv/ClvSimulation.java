package io.crmkit.segmentation.clv;

import io.crmkit.core.common.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Synthetic customers drawn from known BG/NBD (and optionally Gamma-Gamma) parameters, for tests
 * that a fit recovers what generated the data, for benchmarks at any scale, and for what-if
 * studies. Each customer gets a purchase rate λ ~ Gamma(r, rate α) and a drop-out probability
 * p ~ Beta(a, b), is observed for an age T drawn uniformly from {@code [minAge, maxAge]}, buys at
 * Poisson times while active and drops out after each repeat purchase with probability p; with a
 * spend model, their purchases are Gamma(p, rate ν) with ν ~ Gamma(q, rate γ). The same seed gives
 * the same customers.
 */
public final class ClvSimulation {

  private ClvSimulation() {}

  /**
   * Draws {@code customers} histories, named {@code 1..customers}.
   *
   * @param spend the spend model, or empty for histories without spend (mean repeat spend 0)
   * @param minAge the shortest observation T, 0 or more, in the time unit of {@code purchases}
   * @param maxAge the longest observation T, at least {@code minAge}
   * @throws IllegalArgumentException if customers is not positive or the ages are out of order
   */
  public static List<CustomerHistory> histories(BgNbdParameters purchases, Optional<GammaGammaParameters> spend,
      int customers, double minAge, double maxAge, long seed) {
    Require.notNull(purchases, "purchases");
    Require.notNull(spend, "spend");
    Require.positive(customers, "customers");
    Require.argument(Double.isFinite(maxAge) && 0 <= minAge && minAge <= maxAge,
        "ages need 0 <= minAge <= maxAge, got %s and %s", minAge, maxAge);
    RandomGenerator random = new Well19937c(seed);
    GammaDistribution rates = new GammaDistribution(random, purchases.r(), 1 / purchases.alpha());
    BetaDistribution dropOuts = new BetaDistribution(random, purchases.a(), purchases.b());
    Optional<GammaDistribution> spendRates =
        spend.map(model -> new GammaDistribution(random, model.q(), 1 / model.v()));
    List<CustomerHistory> histories = new ArrayList<>(customers);
    for (int i = 1; i <= customers; i++) {
      double age = minAge + (maxAge - minAge) * random.nextDouble();
      double rate = rates.sample();
      double dropOut = dropOuts.sample();
      int x = 0;
      double last = 0;
      double time = 0;
      while (true) {
        time += -Math.log(1 - random.nextDouble()) / rate;
        if (time > age) {
          break;
        }
        x++;
        last = time;
        if (random.nextDouble() < dropOut) {
          break;
        }
      }
      double meanSpend = 0;
      if (x > 0 && spendRates.isPresent()) {
        double nu = spendRates.get().sample();
        meanSpend = new GammaDistribution(random, spend.get().p() * x, 1 / nu).sample() / x;
      }
      histories.add(new CustomerHistory(Integer.toString(i), x, last, age, meanSpend));
    }
    return histories;
  }
}
