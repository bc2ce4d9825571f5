package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.Activity;
import io.crmkit.core.activity.ActivityLog;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.testkit.CrmArbitraries;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * What every {@link ActivityLog} must do, whatever the activity: store activities as immutable
 * facts, accept an identical activity again without effect (also from callers racing to record
 * it), refuse different content under a known id, record batches all or nothing, and read by
 * customer and time in time-then-id order over half-open ranges, including {@link TimeRange#all()}, whose bounds {@code Instant.MIN} and
 * {@code Instant.MAX} lie beyond what SQL timestamps hold.
 *
 * <p>Extend {@link PurchasesContract} or {@link InteractionsContract}, not this class.
 *
 * @param <A> the activity type
 */
public abstract class ActivityLogContract<A extends Activity> {
  /** A few customers and instants, so that customers have several activities and instants repeat. */
  private static final List<CustomerId> CUSTOMERS = List.of(
      CustomerId.of(new UUID(0, 1)), CustomerId.of(new UUID(-1L, -1L)),
      CustomerId.of(new UUID(Long.MIN_VALUE, 7)), CustomerId.of(new UUID(0x0123_4567_89ab_cdefL, 42)));
  private static final List<Instant> INSTANTS = List.of(
      Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00.000001Z"),
      Instant.parse("2024-06-30T23:59:59.999999Z"), Instant.parse("2024-07-01T00:00:00Z"),
      Instant.parse("2025-02-28T08:30:00Z"),
      // Where storage formats end: year 1, the Unix epoch, 32-bit seconds, year 9999.
      Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("1969-12-31T23:59:59.999999Z"),
      Instant.parse("2038-01-19T03:14:08Z"), Instant.parse("9999-12-31T23:59:59.999999Z"));
  private static final Instant BOUNDARY = INSTANTS.get(3);
  private static final int RACERS = 6;

  ActivityLogContract() {}

  /** A new, empty log; called at the start of every try. */
  abstract ActivityLog<A> newLog();

  /** Activities of the given customers at the given times. */
  abstract Arbitrary<A> activities(Arbitrary<CustomerId> customers, Arbitrary<Instant> times);

  /** The same activity id with some other content. */
  abstract A withDifferentContent(A activity);

  /** The same activity at another time. */
  abstract A movedTo(A activity, Instant at);

  @Property
  public void recordedActivitiesAreFoundForTheirCustomerInTimeThenIdOrder(@ForAll("history") List<A> history) {
    ActivityLog<A> log = newLog();

    history.forEach(log::record);

    for (CustomerId customer : CUSTOMERS) {
      assertThat(log.forCustomer(customer, TimeRange.all()))
          .as("activities of %s", customer)
          .isEqualTo(expected(history, customer, TimeRange.all()));
    }
  }

  @Property
  public void forCustomerIncludesTheStartAndExcludesTheEndOfTheRange(
      @ForAll("history") List<A> history, @ForAll("range") TimeRange range) {
    ActivityLog<A> log = newLog();
    log.recordAll(history);

    for (CustomerId customer : CUSTOMERS) {
      assertThat(log.forCustomer(customer, range)).isEqualTo(expected(history, customer, range));
    }
  }

  @Property
  public void streamReturnsEveryActivityInTheRangeInTimeThenIdOrder(
      @ForAll("history") List<A> history, @ForAll("range") TimeRange range) {
    ActivityLog<A> log = newLog();
    log.recordAll(history);

    try (Stream<A> inRange = log.stream(range)) {
      assertThat(inRange.toList()).isEqualTo(expected(history, null, range));
    }
    try (Stream<A> all = log.stream(TimeRange.all())) {
      assertThat(all.toList()).isEqualTo(expected(history, null, TimeRange.all()));
    }
  }

  @Property(tries = 20)
  public void anActivityAtTheEndOfARangeBelongsToTheNextRange(
      @ForAll("atBoundary") A atBoundary, @ForAll("justBeforeBoundary") A justBefore) {
    Assume.that(!atBoundary.id().equals(justBefore.id()));
    ActivityLog<A> log = newLog();
    log.recordAll(List.of(atBoundary, justBefore));
    CustomerId customer = atBoundary.customerId();

    assertThat(log.forCustomer(customer, TimeRange.until(BOUNDARY))).containsExactly(justBefore);
    assertThat(log.forCustomer(customer, TimeRange.since(BOUNDARY))).containsExactly(atBoundary);
    assertThat(log.forCustomer(customer, TimeRange.between(justBefore.occurredAt(), BOUNDARY)))
        .containsExactly(justBefore);
    try (Stream<A> before = log.stream(TimeRange.until(BOUNDARY))) {
      assertThat(before).containsExactly(justBefore);
    }
  }

  @Property
  public void recordingTheSameActivitiesAgainChangesNothing(@ForAll("history") List<A> history) {
    ActivityLog<A> log = newLog();
    log.recordAll(history);

    history.forEach(log::record);
    log.recordAll(history);

    try (Stream<A> all = log.stream(TimeRange.all())) {
      assertThat(all.toList()).isEqualTo(expected(history, null, TimeRange.all()));
    }
  }

  @Property
  public void differentContentUnderARecordedIdIsRejectedAndTheFirstIsKept(@ForAll("activity") A activity) {
    ActivityLog<A> log = newLog();
    log.record(activity);

    assertThatThrownBy(() -> log.record(withDifferentContent(activity))).isInstanceOf(DuplicateKeyException.class);

    assertThat(log.forCustomer(activity.customerId(), TimeRange.all())).containsExactly(activity);
  }

  @Property
  public void recordAllStoresNothingWhenOneActivityClashesWithARecordedOne(
      @ForAll("history") List<A> history, @ForAll("activity") A recorded, @ForAll @IntRange(max = 30) int position) {
    Assume.that(history.stream().noneMatch(a -> a.id().equals(recorded.id())));
    ActivityLog<A> log = newLog();
    log.record(recorded);
    List<A> batch = new ArrayList<>(history);
    batch.add(Math.min(position, batch.size()), withDifferentContent(recorded));

    assertThatThrownBy(() -> log.recordAll(batch)).isInstanceOf(DuplicateKeyException.class);

    try (Stream<A> all = log.stream(TimeRange.all())) {
      assertThat(all.toList()).containsExactly(recorded);
    }
  }

  @Property
  public void recordAllStoresNothingWhenTheBatchClashesWithItself(
      @ForAll("history") List<A> history, @ForAll("activity") A activity, @ForAll @IntRange(max = 30) int position) {
    Assume.that(history.stream().noneMatch(a -> a.id().equals(activity.id())));
    ActivityLog<A> log = newLog();
    List<A> batch = new ArrayList<>(history);
    batch.add(0, activity);
    batch.add(Math.min(position, batch.size()), withDifferentContent(activity));

    assertThatThrownBy(() -> log.recordAll(batch)).isInstanceOf(DuplicateKeyException.class);

    try (Stream<A> all = log.stream(TimeRange.all())) {
      assertThat(all).isEmpty();
    }
  }

  @Property
  public void aBatchHoldingTheSameActivityTwiceStoresItOnce(@ForAll("history") List<A> history) {
    ActivityLog<A> log = newLog();
    List<A> twice = new ArrayList<>(history);
    twice.addAll(history);

    log.recordAll(twice);

    try (Stream<A> all = log.stream(TimeRange.all())) {
      assertThat(all.toList()).isEqualTo(expected(history, null, TimeRange.all()));
    }
  }

  @Property(tries = 10)
  public void recordersRacingWithTheSameActivitiesAllSucceedAndStoreThemOnce(@ForAll("history") List<A> history) {
    ActivityLog<A> log = newLog();

    Concurrently.run(RACERS, racer -> () -> {
      log.recordAll(history);
      return null;
    });

    try (Stream<A> all = log.stream(TimeRange.all())) {
      assertThat(all.toList()).isEqualTo(expected(history, null, TimeRange.all()));
    }
  }

  @Property(tries = 30)
  public void redactOverwritesAStoredActivityInPlaceAndSkipsOnesNeverRecorded(@ForAll("history") List<A> history,
      @ForAll("activity") A neverRecorded, @ForAll("instants") Instant newTime) {
    Assume.that(!history.isEmpty());
    Assume.that(history.stream().noneMatch(a -> a.id().equals(neverRecorded.id())));
    ActivityLog<A> log = newLog();
    log.recordAll(history);
    A first = history.get(0);
    A redacted = movedTo(withDifferentContent(first), newTime);

    int changed = log.redact(List.of(redacted, neverRecorded));

    List<A> now = new ArrayList<>(history);
    now.set(0, redacted);
    assertThat(changed).isEqualTo(1);
    try (Stream<A> all = log.stream(TimeRange.all())) {
      assertThat(all.toList()).isEqualTo(expected(now, null, TimeRange.all()));
    }
    assertThat(log.forCustomer(first.customerId(), TimeRange.all()))
        .isEqualTo(expected(now, first.customerId(), TimeRange.all()));
  }

  @Example
  public void anEmptyLogHasNoActivities() {
    ActivityLog<A> log = newLog();
    log.recordAll(List.of());

    assertThat(log.forCustomer(CUSTOMERS.get(0), TimeRange.all())).isEmpty();
    try (Stream<A> all = log.stream(TimeRange.all())) {
      assertThat(all).isEmpty();
    }
  }

  @Provide
  Arbitrary<List<A>> history() {
    return activities(Arbitraries.of(CUSTOMERS), times()).list().ofMaxSize(30).uniqueElements(Activity::id);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return times();
  }

  @Provide
  Arbitrary<A> activity() {
    return activities(Arbitraries.of(CUSTOMERS), times());
  }

  @Provide
  Arbitrary<A> atBoundary() {
    return activities(Arbitraries.just(CUSTOMERS.get(0)), Arbitraries.just(BOUNDARY));
  }

  @Provide
  Arbitrary<A> justBeforeBoundary() {
    return activities(Arbitraries.just(CUSTOMERS.get(0)), Arbitraries.just(BOUNDARY.minus(1, ChronoUnit.MICROS)));
  }

  @Provide
  Arbitrary<TimeRange> range() {
    Arbitrary<Instant> from = Arbitraries.frequencyOf(Tuple.of(4, times()), Tuple.of(1, Arbitraries.just(Instant.MIN)));
    Arbitrary<Instant> to = Arbitraries.frequencyOf(Tuple.of(4, times()), Tuple.of(1, Arbitraries.just(Instant.MAX)));
    return Combinators.combine(from, to).filter((f, t) -> f.isBefore(t)).as(TimeRange::new);
  }

  private static Arbitrary<Instant> times() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(INSTANTS)), Tuple.of(1, CrmArbitraries.instants()));
  }

  /** What the log must return: the customer's (or everyone's, for {@code null}) activities in the range, in order. */
  private List<A> expected(List<A> history, CustomerId customer, TimeRange range) {
    return history.stream()
        .filter(a -> customer == null || a.customerId().equals(customer))
        .filter(a -> range.contains(a.occurredAt()))
        .sorted(Comparator.comparing(Activity::occurredAt).thenComparing(Activity::id))
        .toList();
  }
}
