package io.crmkit.segmentation.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ValueTier;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TieringTest {
  /** A customer with a spend and a visit count. */
  record Figures(CustomerId id, double spend, int visits) {}

  static final TierMetric<Figures> SPEND = new TierMetric<>("spend", Figures::spend);
  static final TierMetric<Figures> VISITS = new TierMetric<>("visits", Figures::visits);

  static Figures figures(int n, double spend, int visits) {
    return new Figures(CustomerId.of(new UUID(0, n)), spend, visits);
  }

  @Test
  void theFirstRuleReachedDecidesAndEachAssignmentNamesItsRule() {
    Tiering<Figures> tiering = Tiering.<Figures>byRules(Figures::id)
        .rule(ValueTier.VIP, SPEND, 1_000)
        .rule(TierLabels.REGULAR, VISITS, 5)
        .otherwise(TierLabels.POTENTIAL);

    List<TierAssignment> assigned = tiering.assign(List.of(figures(1, 1_000, 1), figures(2, 999.5, 5),
        figures(3, 10, 4)));

    assertThat(assigned).extracting(TierAssignment::tier)
        .containsExactly(ValueTier.VIP, TierLabels.REGULAR, TierLabels.POTENTIAL);
    assertThat(assigned.get(0).explain()).isEqualTo("VIP: spend 1000, spend >= 1000");
    assertThat(assigned.get(1).explain()).isEqualTo("REGULAR: visits 5, visits >= 5");
    assertThat(assigned.get(2).explain())
        .isEqualTo("POTENTIAL: visits 4, below every rule (the last: visits >= 5)");
  }

  @Test
  void quantilesPutTheTopFifthHighTheNextThirtyPercentMediumAndEqualValuesTogether() {
    List<Figures> population = IntStream.rangeClosed(1, 10).mapToObj(i -> figures(i, i, 0)).toList();
    Tiering<Figures> tiering = Tiering.byQuantiles(Figures::id, SPEND, TierLabels.highMediumLow(), 0.2, 0.5);

    List<TierAssignment> assigned = tiering.assign(population);

    assertThat(assigned).extracting(TierAssignment::tier).containsExactly(ValueTier.LOW, ValueTier.LOW,
        ValueTier.LOW, ValueTier.LOW, ValueTier.LOW, ValueTier.MEDIUM, ValueTier.MEDIUM, ValueTier.MEDIUM,
        ValueTier.HIGH, ValueTier.HIGH);
    assertThat(assigned.get(9).rule()).isEqualTo("top 20% by spend (0 of 10 higher)");
    assertThat(assigned.get(0).rule()).isEqualTo("below the top 50% by spend (9 of 10 higher)");

    List<TierAssignment> tied = tiering.assign(List.of(figures(1, 5, 0), figures(2, 5, 0), figures(3, 5, 0)));
    assertThat(tied).extracting(TierAssignment::tier).containsOnly(ValueTier.HIGH);
  }

  @Test
  void paretoPutsTheFewestCustomersHoldingEightyPercentOfValueOnTop() {
    // 100 of 160 is 62.5%, with 40 more 87.5%: the top two hold 80%; 95% needs both tens (150 is 93.75%)
    List<Figures> population = List.of(figures(1, 100, 0), figures(2, 40, 0), figures(3, 10, 0), figures(4, 10, 0),
        figures(5, 0, 0), figures(6, -5, 0));
    Tiering<Figures> tiering = Tiering.byParetoShare(Figures::id, SPEND, TierLabels.vipRegularPotential(), 0.8, 0.95);

    List<TierAssignment> assigned = tiering.assign(population);

    assertThat(assigned).extracting(TierAssignment::tier).containsExactly(ValueTier.VIP, ValueTier.VIP,
        TierLabels.REGULAR, TierLabels.REGULAR, TierLabels.POTENTIAL, TierLabels.POTENTIAL);
    assertThat(assigned.get(0).rule()).isEqualTo("among the fewest customers holding 80% of total spend 160");
  }

  @Test
  void paretoWithoutAnyPositiveValuePutsEveryoneInTheLastTier() {
    List<TierAssignment> assigned = Tiering.byParetoShare(Figures::id, SPEND, TierLabels.highMediumLow(), 0.5, 0.9)
        .assign(List.of(figures(1, 0, 0), figures(2, -1, 0)));

    assertThat(assigned).extracting(TierAssignment::tier).containsOnly(ValueTier.LOW);
  }

  @Test
  void sharesMustAscendAndMatchTheLabels() {
    assertThatThrownBy(() -> Tiering.byQuantiles(Figures::id, SPEND, TierLabels.highMediumLow(), 0.2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 tiers need 2 cumulative shares");
    assertThatThrownBy(() -> Tiering.byParetoShare(Figures::id, SPEND, TierLabels.highMediumLow(), 0.5, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascend");
    assertThatThrownBy(() -> TierLabels.of(ValueTier.VIP, ValueTier.VIP))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distinct");
  }

  @Test
  void aMetricThatIsNotANumberIsRefusedNamingIt() {
    Tiering<Figures> tiering = Tiering.byQuantiles(Figures::id, SPEND, TierLabels.highMediumLow(), 0.2, 0.5);

    assertThatThrownBy(() -> tiering.assign(List.of(figures(1, Double.NaN, 0))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metric spend must be finite");
  }
}
