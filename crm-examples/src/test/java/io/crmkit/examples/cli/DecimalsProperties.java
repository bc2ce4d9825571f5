package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DecimalsProperties {

  /** Probabilities, weights, ties at the last place, tiny and huge values, both zeros and the non-numbers. */
  @Provide
  Arbitrary<Double> values() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(-60, 60).ofScale(9),
        Arbitraries.doubles().between(0, 1).ofScale(12),
        Arbitraries.integers().between(-200_000, 200_000).map(n -> n / 10_000.0 + 0.00005),
        Arbitraries.integers().between(-200_000, 200_000).map(n -> n / 2_000.0),
        Arbitraries.integers().between(-200_000, 200_000).map(n -> n / 20_000.0 + 0.000_025),
        Arbitraries.longs().between(-9_000_000_000_000L, 9_000_000_000_000L).map(n -> n / 1_000.0 + 0.0005),
        Arbitraries.doubles().between(-1e-3, 1e-3).ofScale(12),
        Arbitraries.doubles().between(-1e12, 1e12).ofScale(3),
        Arbitraries.of(0.0, -0.0, 0.0005, -0.0005, 0.00049999, 1e-300, -1e-300, Double.MAX_VALUE, Double.MIN_VALUE,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
  }

  @Property(tries = 3_000)
  void writesWhatTheFormatterWrites(@ForAll("values") double value, @ForAll @IntRange(min = 0, max = 11) int decimals) {
    assertThat(Decimals.fixed(value, decimals))
        .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", value));
  }

  @Example
  void roundsHalfUpAndKeepsTheSignOfANegativeZero() {
    assertThat(Decimals.fixed(0.99995, 4)).isEqualTo("1.0000");
    assertThat(Decimals.fixed(2.0005, 3)).isEqualTo("2.001");
    assertThat(Decimals.fixed(-0.0001, 3)).isEqualTo("-0.000");
    assertThat(Decimals.fixed(-12.3456, 3)).isEqualTo("-12.346");
    assertThat(Decimals.fixed(1.0005, 3)).isEqualTo("1.001"); // 1.000499999... in binary, 1.0005 as written
    assertThat(Decimals.fixed(0.125, 2)).isEqualTo("0.13");
    assertThat(Decimals.fixed(7.0, 0)).isEqualTo("7");
  }

  @Example
  void refusesNegativeDecimals() {
    assertThatThrownBy(() -> Decimals.fixed(1.0, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("decimals");
  }
}
