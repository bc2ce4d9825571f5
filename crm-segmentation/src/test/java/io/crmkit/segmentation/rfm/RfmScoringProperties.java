package io.crmkit.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.CustomerId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RfmScoringProperties {

  @Property(tries = 100)
  void quintileScoresAreMonotoneInEachFigureAndEqualForEqualFigures(@ForAll("populations") List<RfmValues> population) {
    List<RfmScore> scores = RfmScoring.quintiles().score(population);

    for (int i = 0; i < population.size(); i++) {
      for (int j = 0; j < population.size(); j++) {
        RfmValues a = population.get(i);
        RfmValues b = population.get(j);
        if (a.frequency() >= b.frequency()) {
          assertThat(scores.get(i).frequency()).isGreaterThanOrEqualTo(scores.get(j).frequency());
        }
        if (a.monetary().compareTo(b.monetary()) >= 0) {
          assertThat(scores.get(i).monetary()).isGreaterThanOrEqualTo(scores.get(j).monetary());
        }
        if (a.recency().compareTo(b.recency()) <= 0) {
          assertThat(scores.get(i).recency()).isGreaterThanOrEqualTo(scores.get(j).recency());
        }
      }
    }
  }

  @Property(tries = 200)
  void eachScoreIsOnePlusFiveTimesTheShareOfStrictlyWorseFiguresRoundedDown(
      @ForAll("populations") List<RfmValues> population) {
    List<RfmScore> scores = RfmScoring.quintiles().score(population);
    int n = population.size();

    for (int i = 0; i < n; i++) {
      RfmValues v = population.get(i);
      long worseR = population.stream().filter(o -> o.recency().compareTo(v.recency()) > 0).count();
      long worseF = population.stream().filter(o -> o.frequency() < v.frequency()).count();
      long worseM = population.stream().filter(o -> o.monetary().compareTo(v.monetary()) < 0).count();
      assertThat(scores.get(i)).isEqualTo(new RfmScore((int) (1 + 5 * worseR / n), (int) (1 + 5 * worseF / n),
          (int) (1 + 5 * worseM / n)));
    }
  }

  @Property(tries = 100)
  void eachQuintileHoldsAtMostItsFifthPlusTheTiesThatReachIntoIt(@ForAll("populations") List<RfmValues> population) {
    List<RfmScore> scores = RfmScoring.quintiles().score(population);
    int n = population.size();
    long distinct = population.stream().map(RfmValues::frequency).distinct().count();

    // a score s is given to customers with (s-1)n/5 <= worse < sn/5: the best figure scores 5
    // exactly when at least 4n/5 customers are strictly worse
    long best = population.stream().mapToInt(RfmValues::frequency).max().orElse(0);
    long worseThanBest = population.stream().filter(v -> v.frequency() < best).count();
    int bestScore = scores.get(population.indexOf(population.stream()
        .filter(v -> v.frequency() == best).findFirst().orElseThrow())).frequency();
    assertThat(bestScore).isEqualTo((int) (1 + 5 * worseThanBest / n));
    if (distinct == n && n >= 5) {
      assertThat(scores).extracting(RfmScore::frequency).contains(1, 2, 3, 4, 5);
    }
  }

  @Property(tries = 100)
  void scoresDoNotDependOnTheOrderOfThePopulation(@ForAll("populations") List<RfmValues> population,
      @ForAll long seed) {
    List<RfmValues> shuffled = new ArrayList<>(population);
    Collections.shuffle(shuffled, new Random(seed));

    Map<CustomerId, RfmScore> inOrder = byCustomer(population, RfmScoring.quintiles().score(population));
    Map<CustomerId, RfmScore> reordered = byCustomer(shuffled, RfmScoring.quintiles().score(shuffled));

    assertThat(reordered).isEqualTo(inOrder);
  }

  private static Map<CustomerId, RfmScore> byCustomer(List<RfmValues> population, List<RfmScore> scores) {
    return IntStream.range(0, population.size()).boxed()
        .collect(Collectors.toMap(i -> population.get(i).customerId(), scores::get));
  }

  @Provide
  Arbitrary<List<RfmValues>> populations() {
    Arbitrary<Duration> recency = Arbitraries.longs().between(0, 400).map(Duration::ofDays);
    Arbitrary<Integer> frequency = Arbitraries.integers().between(1, 12);
    Arbitrary<BigDecimal> monetary = Arbitraries.integers().between(-50, 400).map(c -> BigDecimal.valueOf(c, 1));
    return Combinators.combine(recency, frequency, monetary).as(Figures::new).list().ofMinSize(1).ofMaxSize(60)
        .map(figures -> IntStream.range(0, figures.size())
            .mapToObj(i -> figures.get(i).of(CustomerId.of(new UUID(1, i)))).toList());
  }

  private record Figures(Duration recency, int frequency, BigDecimal monetary) {
    RfmValues of(CustomerId id) {
      return new RfmValues(id, recency, frequency, monetary);
    }
  }
}
