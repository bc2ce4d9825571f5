package io.crmkit.testkit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Instants between 2005 and 2030 in whole microseconds: the finest precision that PostgreSQL and
 * H2 timestamps keep, so that a correct adapter returns exactly the instant it was given.
 */
final class TimeArbitraries {
  static final Instant FIRST = Instant.parse("2005-01-01T00:00:00Z");
  static final Instant LAST = Instant.parse("2030-12-31T23:59:59.999999Z");

  private TimeArbitraries() {}

  static Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(micros(FIRST), micros(LAST))
        .map(micros -> Instant.EPOCH.plus(micros, ChronoUnit.MICROS));
  }

  /** Durations from zero up to about a year, in microseconds, zero being common. */
  static Arbitrary<Long> microsAfter() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(0L)),
        Tuple.of(3, Arbitraries.longs().between(1, 366L * 24 * 3600 * 1_000_000)));
  }

  private static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }
}
