package io.crmkit.core.dedup.match;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

class JaroWinklerProperties {
  private static final JaroWinklerSimilarity COMMONS_TEXT = new JaroWinklerSimilarity();

  @Property(tries = 2000)
  void scoresEveryPairOfStringsAsCommonsTextDoes(@ForAll("names") String a, @ForAll("names") String b) {
    assertThat(JaroWinkler.similarity(a, b)).isEqualTo(COMMONS_TEXT.apply(a, b));
  }

  @Property(tries = 300)
  void scoresAStringAndItsTypoAsCommonsTextDoes(@ForAll("names") String a, @ForAll("typo") int position) {
    String typo = a.isEmpty() ? "x" : new StringBuilder(a).deleteCharAt(position % a.length()).toString();
    assertThat(JaroWinkler.similarity(a, typo)).isEqualTo(COMMONS_TEXT.apply(a, typo));
  }

  @Property(tries = 300)
  void scoresStringsAroundAndAbove64CharsAsCommonsTextDoes(@ForAll("longNames") String a, @ForAll("longNames") String b) {
    assertThat(JaroWinkler.similarity(a, b)).isEqualTo(COMMONS_TEXT.apply(a, b));
  }

  @Property(tries = 2000)
  void aFloorChangesNoScoreAtOrAboveItAndKeepsEveryOtherBelowIt(@ForAll("names") String a, @ForAll("names") String b,
      @ForAll("floors") double floor) {
    double exact = JaroWinkler.similarity(a, b);
    double bounded = JaroWinkler.similarity(a, b, floor);
    if (exact >= floor) {
      assertThat(bounded).isEqualTo(exact);
    } else {
      assertThat(bounded).isLessThan(floor);
    }
  }

  @Example
  void aFloorStopsEarlyOnlyWhenTheScoreCannotReachIt() {
    // "dixon"/"dicksonx" scores 0.8133: below 0.85 it is cut off, at 0.8 it is computed.
    assertThat(JaroWinkler.similarity("dixon", "dicksonx", 0.85)).isLessThan(0.85);
    assertThat(JaroWinkler.similarity("dixon", "dicksonx", 0.8)).isEqualTo(JaroWinkler.similarity("dixon", "dicksonx"));
    assertThat(JaroWinkler.similarity("abcdefgh", "abcdxyzw", 0.95)).isZero();
  }

  @Example
  void knownPairsScoreAsTheLiteratureSays() {
    assertThat(JaroWinkler.similarity("martha", "marhta")).isCloseTo(0.9611, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(JaroWinkler.similarity("dixon", "dicksonx")).isCloseTo(0.8133, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(JaroWinkler.similarity("abc", "xyz")).isZero();
    assertThat(JaroWinkler.similarity("", "")).isEqualTo(1.0);
  }

  @Provide
  Arbitrary<String> names() {
    // A small alphabet with Han characters, so that matches, transpositions and prefixes are common.
    return Arbitraries.strings().withChars("abcdeaeio 王李张伟").ofMinLength(0).ofMaxLength(14);
  }

  @Provide
  Arbitrary<String> longNames() {
    // Lengths on both sides of 64, where the bit-set path gives way to the array path.
    return Arbitraries.strings().withChars("abcde 王李").ofMinLength(50).ofMaxLength(90);
  }

  @Provide
  Arbitrary<Double> floors() {
    return Arbitraries.of(0.5, 0.7, 0.75, 0.8, 0.85, 0.88, 0.9, 0.94, 0.97);
  }

  @Provide
  Arbitrary<Integer> typo() {
    return Arbitraries.integers().between(0, 1000);
  }
}
