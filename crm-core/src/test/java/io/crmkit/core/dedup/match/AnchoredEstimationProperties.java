package io.crmkit.core.dedup.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * A synthetic candidate file like a large customer file's: a few true matches, and many pairs a
 * "postcode + name prefix" rule chose, which agree on postcode, locality and region together
 * although they are different people.
 */
class AnchoredEstimationProperties {
  private static final List<String> FIELDS = List.of("identifier", "phone", "name", "postcode", "locality", "region");
  private static final int ID = 0;
  private static final int PHONE = 1;
  private static final int NAME = 2;
  private static final int POSTCODE = 3;
  /** Random-pair u of exact agreement: an identifier or a phone is almost never shared by chance. */
  private static final double[] RANDOM_U_EXACT = {1e-6, 1e-6, 0.01, 0.001, 0.002, 0.1};
  private static final double[] M_EXACT = {0.95, 0.8, 0.9, 0.9, 0.9, 0.95};

  @Example
  void plainEmTakesTheSamePlaceClassForMatchesWhereTheAnchoredEstimationDoesNot() {
    AgreementCounts counts = samePlaceFile(1_000, 60, new SplittableRandom(7));

    MatchParameters plain = ExpectationMaximisation.defaults().fit(counts, start()).parameters();
    MatchParameters anchored = anchored().fit(counts, start()).parameters();

    assertThat(plain.m(ID, 0)).as("plain EM's m of identifier exact").isLessThan(0.5);
    assertThat(plain.m(POSTCODE, 0)).as("plain EM's m of postcode exact").isGreaterThan(0.99);
    assertThat(anchored.m(ID, 0)).as("anchored m of identifier exact").isCloseTo(0.95, within(0.03));
    assertThat(anchored.m(POSTCODE, 0)).as("anchored m of postcode exact").isCloseTo(0.9, within(0.03));
  }

  /**
   * However many same-place pairs blocking adds per true match, the anchored estimation finds the
   * matches: λ is the share of true matches among the candidates, m of identifier exact is near
   * the drawn 0.95 (plain EM puts it far below), and by the fitted model a neighbour who shares
   * place and name is less likely a match than not, while a pair sharing the identifier and the
   * name is a match. (m of one session's fields is not asserted closely: a session over nearly
   * only matches lets EM split off the matches that agree least, which raises m somewhat.)
   */
  @Property(tries = 12)
  void recoversTheMatchesWhateverTheShareOfSamePlacePairs(@ForAll @IntRange(min = 1, max = 60) int samePlacePerMatch,
      @ForAll @DoubleRange(min = 0.05, max = 0.5) double nameAgreementAmongNeighbours, @ForAll long seed) {
    int matches = 800;
    AgreementCounts counts = samePlaceFile(matches, samePlacePerMatch, new SplittableRandom(seed),
        nameAgreementAmongNeighbours);

    MatchParameters fitted = anchored().fit(counts, start()).parameters();

    double trueLambda = (double) matches / counts.total();
    assertThat(fitted.lambda()).isCloseTo(trueLambda, within(trueLambda * 0.15));
    assertThat(fitted.m(ID, 0)).as("m of identifier exact").isCloseTo(M_EXACT[ID], within(0.05));
    assertThat(probability(fitted, new int[] {1, 1, 0, 0, 0, 0})).as("neighbour sharing place and name")
        .isLessThan(0.5);
    assertThat(probability(fitted, new int[] {0, 1, 0, 1, 1, 1})).as("identifier and name shared, moved away")
        .isGreaterThan(0.9);
  }

  private static double probability(MatchParameters p, int[] pattern) {
    double weight = Math.log(p.lambda() / (1 - p.lambda())) / Math.log(2);
    for (int f = 0; f < pattern.length; f++) {
      weight += Math.log(p.m(f, pattern[f]) / p.u(f, pattern[f])) / Math.log(2);
    }
    return 1 / (1 + Math.pow(2, -weight));
  }

  @Example
  void withoutARareFieldItIsPlainEm() {
    AgreementCounts counts = samePlaceFile(500, 5, new SplittableRandom(3));
    MatchParameters start = start();
    AnchoredEstimation noAnchor = new AnchoredEstimation(ExpectationMaximisation.defaults(), 1e-7, 20);

    assertThat(noAnchor.fit(counts, start).parameters().toString())
        .isEqualTo(ExpectationMaximisation.defaults().fit(counts, start).parameters().toString());
  }

  @Example
  void givenKeepsThePairsAtTheLevelWithThatFieldMarkedMissing() {
    AgreementCounts counts = AgreementCounts.empty(2, 3)
        .with(new int[] {0, 1}, 4).with(new int[] {0, 2}, 1).with(new int[] {1, 1}, 7)
        .with(new int[] {Comparison.MISSING, 0}, 2);

    AgreementCounts agreeing = counts.given(0, 0);

    assertThat(agreeing.total()).isEqualTo(5);
    assertThat(agreeing.count(new int[] {Comparison.MISSING, 1})).isEqualTo(4);
    assertThat(agreeing.count(new int[] {Comparison.MISSING, 2})).isEqualTo(1);
    assertThatThrownBy(() -> counts.given(0, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("level");
  }

  @Example
  void rejectsAnOutOfRangeAnchorThreshold() {
    assertThatThrownBy(() -> new AnchoredEstimation(ExpectationMaximisation.defaults(), 1.0, 20))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strongU");
  }

  private static AnchoredEstimation anchored() {
    return new AnchoredEstimation(ExpectationMaximisation.defaults(), 1e-4, 20);
  }

  private static AgreementCounts samePlaceFile(int matches, int samePlacePerMatch, SplittableRandom random) {
    return samePlaceFile(matches, samePlacePerMatch, random, 0.2);
  }

  /**
   * True matches agree on each field independently with {@link #M_EXACT}; the neighbours agree
   * on postcode, locality and region always, on the name with the given chance, on the
   * identifier and the phone never.
   */
  private static AgreementCounts samePlaceFile(int matches, int samePlacePerMatch, SplittableRandom random,
      double nameAgreement) {
    AgreementCounts.Counter counter = new AgreementCounts.Counter(AgreementCounts.empty(2, 2, 2, 2, 2, 2));
    int[] pattern = new int[FIELDS.size()];
    for (int i = 0; i < matches; i++) {
      for (int f = 0; f < pattern.length; f++) {
        pattern[f] = random.nextDouble() < M_EXACT[f] ? 0 : 1;
      }
      counter.add(pattern);
    }
    for (int i = 0; i < matches * samePlacePerMatch; i++) {
      pattern[ID] = 1;
      pattern[PHONE] = 1;
      pattern[NAME] = random.nextDouble() < nameAgreement ? 0 : 1;
      for (int f = POSTCODE; f < pattern.length; f++) {
        pattern[f] = 0;
      }
      counter.add(pattern);
    }
    return counter.counts();
  }

  private static MatchParameters start() {
    double[][] m = new double[FIELDS.size()][];
    double[][] u = new double[FIELDS.size()][];
    for (int f = 0; f < FIELDS.size(); f++) {
      m[f] = new double[] {0.8, 0.2};
      u[f] = new double[] {RANDOM_U_EXACT[f], 1 - RANDOM_U_EXACT[f]};
    }
    List<List<String>> levels = FIELDS.stream().map(f -> List.of("exact", "else")).toList();
    return MatchParameters.of(FIELDS, levels, m, u, 0.1);
  }
}
