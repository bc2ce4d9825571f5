package io.crmkit.segmentation.tier;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.segmentation.tier.TieringTest.Figures;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;

class TieringProperties {
  private static final TierLabels LABELS = TierLabels.highMediumLow();

  @Property(tries = 100)
  void everyCustomerGetsExactlyOneTierOfTheLabelsUnderEveryPolicy(@ForAll("populations") List<Figures> population) {
    List<Tiering<Figures>> policies = List.of(
        Tiering.<Figures>byRules(Figures::id).rule(ValueTier.HIGH, TieringTest.SPEND, 50)
            .rule(ValueTier.MEDIUM, TieringTest.VISITS, 3).otherwise(ValueTier.LOW),
        Tiering.byQuantiles(Figures::id, TieringTest.SPEND, LABELS, 0.2, 0.5),
        Tiering.byParetoShare(Figures::id, TieringTest.SPEND, LABELS, 0.8, 0.95));

    for (Tiering<Figures> policy : policies) {
      List<TierAssignment> assigned = policy.assign(population);

      assertThat(assigned).extracting(TierAssignment::customerId)
          .containsExactlyElementsOf(population.stream().map(Figures::id).toList());
      assertThat(assigned).extracting(TierAssignment::tier).allMatch(LABELS.tiers()::contains);
    }
  }

  @Property(tries = 200)
  void theParetoTopTierHoldsAtLeastItsShareAndIsTheSmallestThatDoes(@ForAll("populations") List<Figures> population,
      @ForAll @DoubleRange(min = 0.05, max = 1.0) double share) {
    List<TierAssignment> assigned = Tiering.byParetoShare(Figures::id, TieringTest.SPEND, TierLabels.of(ValueTier.VIP,
        ValueTier.LOW), share).assign(population);
    BigDecimal total = population.stream().filter(f -> f.spend() > 0).map(f -> BigDecimal.valueOf(f.spend()))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    List<TierAssignment> top = assigned.stream().filter(a -> a.tier().equals(ValueTier.VIP)).toList();
    BigDecimal held = top.stream().map(a -> BigDecimal.valueOf(a.value())).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal needed = total.multiply(BigDecimal.valueOf(share));

    if (total.signum() == 0) {
      assertThat(top).isEmpty();
      return;
    }
    assertThat(held).isGreaterThanOrEqualTo(needed);
    double smallest = top.stream().mapToDouble(TierAssignment::value).min().orElseThrow();
    assertThat(held.subtract(BigDecimal.valueOf(smallest))).as("without its smallest member").isLessThan(needed);
    double largestOutside = assigned.stream().filter(a -> !a.tier().equals(ValueTier.VIP))
        .mapToDouble(TierAssignment::value).max().orElse(Double.NEGATIVE_INFINITY);
    assertThat(largestOutside).as("nobody outside holds more than a member").isLessThanOrEqualTo(smallest);
  }

  @Property(tries = 100)
  void quantileTiersAreMonotoneInTheValueAndEqualForEqualValues(@ForAll("populations") List<Figures> population) {
    List<TierAssignment> assigned = Tiering.byQuantiles(Figures::id, TieringTest.SPEND, LABELS, 0.2, 0.5)
        .assign(population);
    Comparator<ValueTier> best = Comparator.comparingInt(LABELS.tiers()::indexOf);

    for (TierAssignment a : assigned) {
      for (TierAssignment b : assigned) {
        if (a.value() > b.value()) {
          assertThat(best.compare(a.tier(), b.tier())).isLessThanOrEqualTo(0);
        } else if (a.value() == b.value()) {
          assertThat(a.tier()).isEqualTo(b.tier());
        }
      }
    }
  }

  @Provide
  Arbitrary<List<Figures>> populations() {
    Arbitrary<Double> spend = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.integers().between(0, 200).map(i -> (double) i)),
        Tuple.of(2, Arbitraries.doubles().between(-50, 10_000)),
        Tuple.of(1, Arbitraries.just(0.0)));
    Arbitrary<Integer> visits = Arbitraries.integers().between(0, 8);
    return Combinators.combine(spend, visits).as((s, v) -> new double[] {s, v}).list().ofMaxSize(50)
        .map(rows -> IntStream.range(0, rows.size())
            .mapToObj(i -> new Figures(CustomerId.of(new UUID(2, i)), rows.get(i)[0], (int) rows.get(i)[1])).toList());
  }
}
