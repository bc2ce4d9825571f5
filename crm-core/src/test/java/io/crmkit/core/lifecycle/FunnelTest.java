package io.crmkit.core.lifecycle;

import static io.crmkit.core.customer.LifecycleStage.ACTIVE;
import io.crmkit.core.memory.InMemoryExtensions;
import static io.crmkit.core.customer.LifecycleStage.AT_RISK;
import static io.crmkit.core.customer.LifecycleStage.DISQUALIFIED;
import static io.crmkit.core.customer.LifecycleStage.NEW;
import static io.crmkit.core.customer.LifecycleStage.PROSPECT;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.Crm;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.memory.InMemoryCrmStore;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FunnelTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private final TestClock clock = new TestClock(T0);
  private final InMemoryCrmStore store = InMemoryCrmStore.create();
  private final LifecycleHistory history = InMemoryCrmStore.create().attach(InMemoryExtensions.lifecycle()).lifecycleHistory();
  private Funnel funnel;

  /**
   * Four prospects registered on day 0: the first buys on day 10 and again on day 30, the second
   * buys on day 20, the third does nothing, the fourth is disqualified on day 5. A fifth registers
   * on day 50.
   */
  @BeforeEach
  void fourProspects() {
    AtomicLong ids = new AtomicLong();
    Crm crm = Crm.builder().store(store).clock(clock).ids(() -> new UUID(0, ids.incrementAndGet())).build();
    LifecycleEngine engine = LifecycleEngine.builder().store(store.attach(InMemoryExtensions.lifecycle())).history(history).clock(clock).build();
    Customer first = register(crm);
    Customer second = register(crm);
    register(crm);
    Customer fourth = register(crm);
    at(5, () -> engine.fire(fourth.id(), Trigger.MANUAL, "sales", "duplicate"));
    at(10, () -> engine.fire(first.id(), Trigger.FIRST_PURCHASE, "shop", null));
    at(20, () -> engine.fire(second.id(), Trigger.FIRST_PURCHASE, "shop", null));
    at(30, () -> engine.fire(first.id(), Trigger.REPEAT_PURCHASE, "shop", null));
    at(50, () -> register(crm));
    funnel = new Funnel(Lifecycle.standard(), store.customers(), history);
  }

  @Test
  void customersPerStageCountsTheCurrentStages() {
    assertThat(funnel.customersPerStage())
        .containsEntry(PROSPECT, 2L).containsEntry(NEW, 1L).containsEntry(ACTIVE, 1L)
        .containsEntry(DISQUALIFIED, 1L).containsEntry(AT_RISK, 0L);
  }

  @Test
  void conversionCountsCustomersInTheSourceStageDuringThePeriodAndThoseWhoMovedOn() {
    Funnel.Report report = funnel.report(TimeRange.between(day(0), day(40)));

    assertThat(report.conversion(PROSPECT, NEW)).hasValueSatisfying(c -> {
      assertThat(c.customersInFrom()).isEqualTo(4);
      assertThat(c.customersConverted()).isEqualTo(2);
      assertThat(c.rate()).isEqualTo(0.5);
    });
    assertThat(report.conversion(PROSPECT, DISQUALIFIED)).hasValueSatisfying(c -> assertThat(c.rate()).isEqualTo(0.25));
    assertThat(report.conversion(NEW, ACTIVE)).hasValueSatisfying(c -> {
      assertThat(c.customersInFrom()).isEqualTo(2);
      assertThat(c.customersConverted()).isEqualTo(1);
    });
    assertThat(report.conversion(ACTIVE, AT_RISK)).hasValueSatisfying(c -> {
      assertThat(c.customersInFrom()).isEqualTo(1);
      assertThat(c.customersConverted()).isZero();
    });
  }

  @Test
  void averageTimeInAStageIsTheMeanOfTheStaysThatEndedInThePeriod() {
    Funnel.Report report = funnel.report(TimeRange.between(day(0), day(40)));

    assertThat(report.timeIn(PROSPECT)).hasValueSatisfying(t -> {
      assertThat(t.completedStays()).isEqualTo(3);
      assertThat(t.average()).isEqualTo(Duration.ofDays(35).dividedBy(3));
    });
    assertThat(report.timeIn(NEW)).hasValueSatisfying(t -> assertThat(t.average()).isEqualTo(Duration.ofDays(20)));
    assertThat(report.timeIn(ACTIVE)).as("no stay in ACTIVE has ended").isEmpty();
  }

  @Test
  void aLaterPeriodOnlyCountsStaysOverlappingItAndCustomersCreatedBeforeItsEnd() {
    Funnel.Report report = funnel.report(TimeRange.between(day(15), day(40)));

    assertThat(report.conversion(PROSPECT, NEW)).hasValueSatisfying(c -> {
      assertThat(c.customersInFrom()).isEqualTo(2);
      assertThat(c.customersConverted()).isEqualTo(1);
    });
    assertThat(report.timeIn(PROSPECT)).hasValueSatisfying(t -> assertThat(t.average()).isEqualTo(Duration.ofDays(20)));
    assertThat(report.customersAtEnd())
        .containsEntry(PROSPECT, 1L).containsEntry(NEW, 1L).containsEntry(ACTIVE, 1L).containsEntry(DISQUALIFIED, 1L);
  }

  @Test
  void anAverageStayOfCenturiesIsReportedRatherThanOverflowingNanoseconds() {
    Instant longAgo = Instant.parse("1700-01-01T00:00:00Z");
    InMemoryCrmStore oldStore = InMemoryCrmStore.create();
    LifecycleHistory oldHistory = InMemoryCrmStore.create().attach(InMemoryExtensions.lifecycle()).lifecycleHistory();
    clock.set(longAgo);
    Customer settler = register(Crm.builder().store(oldStore).clock(clock).build());
    clock.set(T0);
    LifecycleEngine.builder().store(oldStore.attach(InMemoryExtensions.lifecycle())).history(oldHistory).clock(clock).build()
        .fire(settler.id(), Trigger.MANUAL, "sales", "duplicate");

    Funnel.Report report = new Funnel(Lifecycle.standard(), oldStore.customers(), oldHistory)
        .report(TimeRange.between(day(-1), day(1)));

    assertThat(report.timeIn(PROSPECT)).hasValueSatisfying(t -> assertThat(t.average())
        .isEqualTo(Duration.between(longAgo, T0)));
  }

  @Test
  void stageCountsAtThePeriodEndReplayHistoryRatherThanReadTheCurrentStage() {
    Funnel.Report report = funnel.report(TimeRange.between(day(0), day(25)));

    assertThat(report.customersAtEnd()).containsEntry(PROSPECT, 1L).containsEntry(NEW, 2L)
        .containsEntry(ACTIVE, 0L).containsEntry(DISQUALIFIED, 1L);
  }

  private void at(int day, Runnable action) {
    clock.set(day(day));
    action.run();
  }

  private static Customer register(Crm crm) {
    return crm.register(NewCustomer.person("Li", "Na").build());
  }

  private static Instant day(int n) {
    return T0.plus(Duration.ofDays(n));
  }
}
