package io.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import io.crmkit.core.memory.InMemoryExtensions;

import io.crmkit.core.Crm;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.CrmValidator;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.memory.InMemoryCrmStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The funnel's one-pass merge of the customer and history streams agrees with a direct,
 * customer-by-customer reading of each history.
 */
class FunnelProperties {
  private static final CrmValidator VALIDATOR = CrmValidator.create();
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  /** One customer's life: registered some hours after T0, then steps of (hours later, pick of allowed trigger). */
  record Life(int registeredAfterHours, List<int[]> steps) {
    @Override
    public String toString() {
      return "registered +" + registeredAfterHours + "h, steps " + steps.stream()
          .map(s -> "+" + s[0] + "h#" + s[1]).collect(Collectors.joining(" "));
    }
  }

  @Property(tries = 100)
  void theFunnelAgreesWithReadingEachHistoryDirectly(@ForAll("lives") List<Life> lives,
      @ForAll @IntRange(min = 0, max = 40) int periodStartDay, @ForAll @IntRange(min = 1, max = 40) int periodDays) {
    TestClock clock = new TestClock(T0);
    InMemoryCrmStore store = InMemoryCrmStore.create();
    LifecycleHistory history = InMemoryCrmStore.create().attach(InMemoryExtensions.lifecycle()).lifecycleHistory();
    Crm crm = Crm.builder().store(store).clock(clock).validator(VALIDATOR).build();
    LifecycleEngine engine = LifecycleEngine.builder().store(store.attach(InMemoryExtensions.lifecycle())).history(history).clock(clock).build();
    Lifecycle lifecycle = Lifecycle.standard();
    for (Life life : lives) {
      clock.set(T0.plus(Duration.ofHours(life.registeredAfterHours())));
      Customer customer = crm.register(NewCustomer.person("Li", "Na").build());
      for (int[] step : life.steps()) {
        clock.advance(Duration.ofHours(step[0]));
        List<Trigger> allowed = new ArrayList<>(lifecycle.triggersFrom(crm.get(customer.id()).stage()));
        if (!allowed.isEmpty()) {
          engine.fire(customer.id(), allowed.get(step[1] % allowed.size()), "tester", "step");
        }
      }
    }
    TimeRange period = TimeRange.between(T0.plus(Duration.ofDays(periodStartDay)),
        T0.plus(Duration.ofDays(periodStartDay + periodDays)));

    Funnel.Report report = new Funnel(lifecycle, store.customers(), history).report(period);

    List<Customer> customers = store.customers().stream(Criteria.all())
        .filter(c -> c.createdAt().isBefore(period.to())).toList();
    assertThat(report.customersAtEnd().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(customers.size());
    for (LifecycleStage stage : lifecycle.stages()) {
      long atEnd = customers.stream()
          .filter(c -> stageJustBefore(c, history.forCustomer(c.id()), period.to()).equals(stage)).count();
      assertThat(report.customersAtEnd().get(stage)).as("customers in %s at the end", stage).isEqualTo(atEnd);
    }
    for (Funnel.Report.Conversion conversion : report.conversions()) {
      long converted = customers.stream().filter(c -> history.forCustomer(c.id()).stream().anyMatch(m ->
          m.from().equals(conversion.from()) && m.to().equals(conversion.to()) && period.contains(m.at()))).count();
      long inFrom = customers.stream()
          .filter(c -> stagesDuring(c, history.forCustomer(c.id()), period).contains(conversion.from())).count();
      assertThat(conversion.customersConverted()).as("converted %s", conversion).isEqualTo(converted);
      assertThat(conversion.customersInFrom()).as("in source stage of %s", conversion).isEqualTo(inFrom);
    }
    for (LifecycleStage stage : lifecycle.stages()) {
      List<Duration> stays = new ArrayList<>();
      for (Customer c : customers) {
        Instant entered = c.createdAt();
        for (HistoryEntry m : history.forCustomer(c.id())) {
          if (m.from().equals(stage) && period.contains(m.at())) {
            stays.add(Duration.between(entered, m.at()));
          }
          entered = m.at();
        }
      }
      if (stays.isEmpty()) {
        assertThat(report.timeIn(stage)).isEmpty();
      } else {
        Duration total = stays.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(report.timeIn(stage)).hasValueSatisfying(t -> {
          assertThat(t.completedStays()).isEqualTo(stays.size());
          assertThat(t.average()).isEqualTo(total.dividedBy(stays.size()));
        });
      }
    }
  }

  @Provide
  Arbitrary<List<Life>> lives() {
    // Whole days half of the time, so that moves land on period boundaries (periods are whole days).
    Arbitrary<Integer> hours = Arbitraries.oneOf(Arbitraries.integers().between(0, 240),
        Arbitraries.integers().between(0, 10).map(days -> days * 24));
    Arbitrary<int[]> step = Combinators.combine(hours, Arbitraries.integers().between(0, 9))
        .as((h, pick) -> new int[] {h, pick});
    Arbitrary<Integer> registered = Arbitraries.oneOf(Arbitraries.integers().between(0, 24 * 30),
        Arbitraries.integers().between(0, 30).map(days -> days * 24));
    Arbitrary<Life> life = Combinators.combine(registered, step.list().ofMaxSize(8)).as(Life::new);
    return life.list().ofMinSize(1).ofMaxSize(6);
  }

  /** The stage in force just before {@code instant}: after the last move before it. */
  private static LifecycleStage stageJustBefore(Customer c, List<HistoryEntry> moves, Instant instant) {
    LifecycleStage stage = moves.isEmpty() ? c.stage() : moves.get(0).from();
    for (HistoryEntry m : moves) {
      if (m.at().isBefore(instant)) {
        stage = m.to();
      }
    }
    return stage;
  }

  /** Every stage the customer was in at some instant of {@code period}, or moved out of within it. */
  private static Set<LifecycleStage> stagesDuring(Customer c, List<HistoryEntry> moves, TimeRange period) {
    Set<LifecycleStage> stages = new HashSet<>();
    Instant start = c.createdAt().isAfter(period.from()) ? c.createdAt() : period.from();
    LifecycleStage atStart = moves.isEmpty() ? c.stage() : moves.get(0).from();
    for (HistoryEntry m : moves) {
      if (!m.at().isAfter(start)) {
        atStart = m.to();
      }
      if (period.contains(m.at())) {
        stages.add(m.from());
        stages.add(m.to());
      }
    }
    stages.add(atStart);
    return stages;
  }
}
