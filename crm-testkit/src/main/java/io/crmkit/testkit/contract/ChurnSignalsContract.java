package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.lifecycle.ChurnSignal;
import io.crmkit.core.lifecycle.ChurnSignals;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The contract of the {@link ChurnSignals} port. Extend it with a factory for your adapter:
 *
 * <pre>{@code
 * class JdbcChurnSignalsTest extends ChurnSignalsContract {
 *   protected ChurnSignals newSignals() { return store.churnSignals(); }
 *   protected void ensureCustomer(CustomerId id) { insertCustomerRow(id); }  // if signals need one
 * }
 * }</pre>
 *
 * <p>Each test uses customers of its own, so an adapter over a shared database passes too.
 * Instants are whole microseconds; probabilities must come back exactly (store them as double
 * precision, not as a rounded decimal).
 */
public abstract class ChurnSignalsContract {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  /** The adapter under test; called once per example or property try. */
  protected abstract ChurnSignals newSignals();

  /**
   * Makes sure the adapter may store signals for a customer with this id. Does nothing unless
   * overridden: an adapter whose signals reference a customers table inserts the customer here.
   */
  protected void ensureCustomer(CustomerId id) {}

  @Property(tries = 50)
  void aSignalComesBackExactlyAsRecorded(@ForAll("probabilities") double probability,
      @ForAll("sources") String source, @ForAll("microseconds") long micros) {
    ChurnSignals signals = newSignals();
    Instant measuredAt = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    ChurnSignal signal = new ChurnSignal(customer(), probability, measuredAt, source);

    signals.record(signal);

    assertThat(signals.latest(signal.customerId(), measuredAt.plus(1, ChronoUnit.MICROS))).contains(signal);
  }

  @Example
  void theLatestSignalIsTheNewestMeasuredStrictlyBeforeAsOf() {
    ChurnSignals signals = newSignals();
    CustomerId customer = customer();
    ChurnSignal older = new ChurnSignal(customer, 0.8, day(1), "bg-nbd");
    ChurnSignal newer = new ChurnSignal(customer, 0.2, day(5), "bg-nbd");
    signals.record(newer);
    signals.record(older);

    assertThat(signals.latest(customer, day(1))).isEmpty();
    assertThat(signals.latest(customer, day(2))).contains(older);
    assertThat(signals.latest(customer, day(5))).contains(older);
    assertThat(signals.latest(customer, day(6))).contains(newer);
  }

  @Example
  void recordingAgainForTheSameCustomerAndTimeReplacesTheSignal() {
    ChurnSignals signals = newSignals();
    CustomerId customer = customer();
    signals.record(new ChurnSignal(customer, 0.8, day(1), "bg-nbd"));
    ChurnSignal corrected = new ChurnSignal(customer, 0.35, day(1), "bg-nbd-v2");
    ChurnSignal correctedInBulk = new ChurnSignal(customer, 0.3, day(1), "bg-nbd-v3");

    signals.record(corrected);
    assertThat(signals.latest(customer, day(2))).contains(corrected);

    signals.recordAll(List.of(correctedInBulk));
    assertThat(signals.latest(customer, day(2))).contains(correctedInBulk);
    assertThat(signals.latest(List.of(customer), day(2))).containsEntry(customer, correctedInBulk);
  }

  @Example
  void recordAllStoresEverySignal() {
    ChurnSignals signals = newSignals();
    CustomerId one = customer();
    CustomerId two = customer();
    ChurnSignal first = new ChurnSignal(one, 0.1, day(1), "bg-nbd");
    ChurnSignal second = new ChurnSignal(two, 0.9, day(1), "bg-nbd");

    signals.recordAll(List.of(first, second));

    assertThat(signals.latest(one, day(2))).contains(first);
    assertThat(signals.latest(two, day(2))).contains(second);
  }

  @Example
  void bulkLatestGivesEachCustomersNewestSignalBeforeAsOfAndOmitsTheOthers() {
    ChurnSignals signals = newSignals();
    CustomerId one = customer();
    CustomerId two = customer();
    CustomerId none = customer();
    CustomerId onlyLater = customer();
    signals.recordAll(List.of(
        new ChurnSignal(one, 0.7, day(1), "bg-nbd"),
        new ChurnSignal(one, 0.4, day(3), "bg-nbd"),
        new ChurnSignal(one, 0.1, day(9), "bg-nbd"),
        new ChurnSignal(two, 0.5, day(2), "bg-nbd"),
        new ChurnSignal(two, 0.3, day(4), "bg-nbd"),
        new ChurnSignal(onlyLater, 0.5, day(8), "bg-nbd")));

    Map<CustomerId, ChurnSignal> latest = signals.latest(List.of(one, two, none, onlyLater), day(4));

    assertThat(latest).containsOnlyKeys(one, two);
    assertThat(latest.get(one).probabilityAlive()).isEqualTo(0.4);
    assertThat(latest.get(two).measuredAt()).isEqualTo(day(2));
  }

  @Example
  void aCustomerWithoutSignalsHasNone() {
    ChurnSignals signals = newSignals();

    assertThat(signals.latest(customer(), day(100))).isEmpty();
    assertThat(signals.latest(List.of(), day(100))).isEmpty();
  }

  @Provide
  Arbitrary<Double> probabilities() {
    return Arbitraries.oneOf(Arbitraries.of(0.0, 1.0, 0.1, 1.0 / 3, Double.MIN_VALUE, Math.nextDown(1.0)),
        Arbitraries.doubles().between(0, 1));
  }

  @Provide
  Arbitrary<String> sources() {
    return Arbitraries.oneOf(Arbitraries.of("bg-nbd", "Pareto/NBD", "模型-7"),
        Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(ChurnSignal.MAX_SOURCE_LENGTH));
  }

  @Provide
  Arbitrary<Long> microseconds() {
    return Arbitraries.longs().between(ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2005-01-01T00:00:00Z")),
        ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2030-12-31T23:59:59Z")));
  }

  private CustomerId customer() {
    CustomerId id = CustomerId.of(UUID.randomUUID());
    ensureCustomer(id);
    return id;
  }

  private static Instant day(int n) {
    return T0.plus(n, ChronoUnit.DAYS);
  }

  @Example
  void allListsEverySignalOfEveryCustomerIncludingOlderOnes() {
    ChurnSignals signals = newSignals();
    CustomerId one = customer();
    CustomerId two = customer();
    ChurnSignal older = new ChurnSignal(one, 0.8, day(1), "bg-nbd");
    ChurnSignal newer = new ChurnSignal(one, 0.2, day(5), "bg-nbd");
    ChurnSignal other = new ChurnSignal(two, 0.5, day(3), "bg-nbd");
    signals.recordAll(List.of(older, newer, other));

    assertThat(signals.all()).contains(older, newer, other);
    assertThat(signals.all()).filteredOn(s -> s.customerId().equals(one)).containsExactlyInAnyOrder(older, newer);
  }
}
