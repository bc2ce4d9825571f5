package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.Crm;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.metric.CustomerMetric;
import io.crmkit.core.metric.CustomerMetrics;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCommandTest {

  @TempDir
  Path dir;

  private String url;
  private List<Customer> customers;

  /**
   * Five buyers, each better than the next in every figure (a bought on 5 recent days for 100
   * each, ..., e once long ago for 10), and one customer who never bought.
   */
  @BeforeEach
  void fiveBuyersAndOneProspect() {
    url = TestStore.url(dir);
    try (StoreOptions.OpenStore open = TestStore.open(url)) {
      Crm crm = Crm.builder().store(open.stores().base()).build();
      Instant now = Instant.now();
      String[] names = {"a", "b", "c", "d", "e", "f"};
      customers = new ArrayList<>();
      for (int i = 0; i < names.length; i++) {
        Customer customer = crm.register(NewCustomer.person("Buyer", names[i]).build());
        customers.add(customer);
        int days = 5 - i;
        for (int d = 0; d < days; d++) {
          crm.recordPurchase(crm.newPurchase(customer.id())
              .amount(Money.of(CurrencyUnit.of("CNY"), new BigDecimal(100 / (i + 1))))
              .occurredAt(now.minus(Duration.ofDays(10L * i + d + 1))).channel("online").build());
        }
      }
    }
  }

  private CliRun segment(String... more) {
    String[] args = new String[more.length + 4];
    args[0] = "segment";
    args[1] = "--jdbc-url";
    args[2] = url;
    args[3] = "--quiet";
    System.arraycopy(more, 0, args, 4, more.length);
    return CliRun.execute(new CoreMatchEngine(), args);
  }

  @Test
  void scoresEveryBuyerRecordsTheReportsMetricsWritesTiersAndMovesTheLifecycle() {
    CliRun run = segment("--tiers", "quantile:20,40");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    assertThat(run.out()).contains("6, 5 scored").contains("currency           CNY")
        .contains("PROSPECT -> NEW").contains("not fitted: 4 customers with a repeat purchase, 100 needed");
    try (StoreOptions.OpenStore open = TestStore.open(url)) {
      CustomerMetrics metrics = open.stores().metrics().customerMetrics();
      Customer best = open.stores().base().customers().findById(customers.get(0).id()).orElseThrow();
      Customer worst = open.stores().base().customers().findById(customers.get(4).id()).orElseThrow();
      Customer prospect = open.stores().base().customers().findById(customers.get(5).id()).orElseThrow();
      assertThat(metrics.allOf(best.id())).containsKeys("rfm_r", "rfm_f", "rfm_m", "rfm_segment", "historical_value");
      assertThat(metrics.find(best.id(), "rfm_segment").orElseThrow().value().raw()).isEqualTo("Champions");
      assertThat(metrics.find(best.id(), "rfm_f").orElseThrow().value().raw()).isEqualTo(5.0);
      assertThat(metrics.find(worst.id(), "rfm_m").orElseThrow().value().raw()).isEqualTo(1.0);
      assertThat(metrics.allOf(prospect.id())).doesNotContainKeys("rfm_r", "rfm_f", "rfm_m", "rfm_segment");
      assertThat(best.tier()).contains(ValueTier.HIGH);
      assertThat(worst.tier()).contains(ValueTier.LOW);
      assertThat(prospect.tier()).isEmpty();
      assertThat(best.stage()).isNotEqualTo(LifecycleStage.PROSPECT);
      assertThat(prospect.stage()).isEqualTo(LifecycleStage.PROSPECT);
    }
  }

  @Test
  void runningAgainWritesNoTierTwice() {
    assertThat(segment().exitCode()).isEqualTo(ExitCodes.DONE);

    CliRun again = segment();

    assertThat(again.exitCode()).isEqualTo(ExitCodes.DONE);
    assertThat(again.out()).contains("tiers written      0 changed, 5 unchanged");
  }

  @Test
  void aSecondRunScoringFewerCustomersLeavesTheOthersNoTierAndNoneOfItsMetrics() {
    assertThat(segment().exitCode()).isEqualTo(ExitCodes.DONE);
    Instant earlier = Instant.parse("2020-01-01T00:00:00Z");
    staleLifetimeValueAndAMetricOfSomeoneElse(earlier);
    String fiveWeeksAgo = LocalDate.now(ZoneOffset.UTC).minusDays(35).toString();

    CliRun run = segment("--as-of", fiveWeeksAgo);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    assertThat(run.out()).contains("6, 1 scored").contains("tiers removed      4 (customers not scored)");
    try (StoreOptions.OpenStore open = TestStore.open(url)) {
      CustomerMetrics metrics = open.stores().metrics().customerMetrics();
      Customer onlyBuyerThen = open.stores().base().customers().findById(customers.get(4).id()).orElseThrow();
      assertThat(onlyBuyerThen.tier()).isPresent();
      assertThat(metrics.allOf(onlyBuyerThen.id())).containsOnlyKeys("rfm_r", "rfm_f", "rfm_m", "rfm_segment",
          "historical_value", "churn_score");
      assertThat(metrics.find(onlyBuyerThen.id(), "rfm_r").orElseThrow().computedAt()).isAfter(earlier);
      for (Customer customer : customers.subList(0, 4)) {
        assertThat(open.stores().base().customers().findById(customer.id()).orElseThrow().tier()).isEmpty();
        assertThat(metrics.allOf(customer.id())).containsOnlyKeys("churn_score");
      }
    }
  }

  @Test
  void aRunScoringNobodyRemovesEveryTierAndEveryMetricItWrites() {
    assertThat(segment().exitCode()).isEqualTo(ExitCodes.DONE);
    staleLifetimeValueAndAMetricOfSomeoneElse(Instant.parse("2020-01-01T00:00:00Z"));

    CliRun run = segment("--as-of", "1900-01-01");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    assertThat(run.out()).contains("6, 0 scored").contains("tiers removed      5 (customers not scored)");
    try (StoreOptions.OpenStore open = TestStore.open(url)) {
      CustomerMetrics metrics = open.stores().metrics().customerMetrics();
      assertThat(open.stores().base().customers().count(Criteria.all())).isEqualTo(6);
      for (Customer customer : customers) {
        assertThat(open.stores().base().customers().findById(customer.id()).orElseThrow().tier()).isEmpty();
        assertThat(metrics.allOf(customer.id())).containsOnlyKeys("churn_score");
      }
    }
  }

  /**
   * What an earlier run that fitted lifetime value would have left on every customer, and a metric
   * that another program wrote, which segmenting must leave alone.
   */
  private void staleLifetimeValueAndAMetricOfSomeoneElse(Instant computedAt) {
    try (StoreOptions.OpenStore open = TestStore.open(url)) {
      List<CustomerMetric> stale = new ArrayList<>();
      for (Customer customer : customers) {
        stale.add(CustomerMetric.number(customer.id(), "clv", 250.0, computedAt));
        stale.add(CustomerMetric.number(customer.id(), "p_alive", 0.8, computedAt));
        stale.add(CustomerMetric.number(customer.id(), "churn_score", 0.1, computedAt));
      }
      open.stores().metrics().customerMetrics().recordAll(stale);
    }
  }

  @Test
  void badOptionsAreUsageErrorsAndTouchNothing() {
    assertThat(segment("--tiers", "pareto:90").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(segment("--as-of", "2999-01-01").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(segment("--as-of", "yesterday").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(segment("--currency", "XYZ").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(segment("--no-such-option").exitCode()).isEqualTo(ExitCodes.USAGE);
    try (StoreOptions.OpenStore open = TestStore.open(url)) {
      assertThat(open.stores().base().customers().findById(customers.get(0).id()).orElseThrow().tier()).isEmpty();
    }
  }

  @Test
  void customersWhoBoughtInAnotherCurrencyOrInSeveralAreLeftOutAndCountedAndTheLifecycleStillRuns() {
    euroPurchases();

    CliRun run = segment();

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.DONE);
    assertThat(run.out()).contains("6, 4 scored").contains("currency           CNY")
        .contains("not scored         0 without a purchase, 2 in another currency").contains("PROSPECT -> NEW");
    assertThat(run.out() + run.err()).doesNotContain("RfmAnalysis").doesNotContain("CurrencyPolicy");
    try (StoreOptions.OpenStore open = TestStore.open(url)) {
      CustomerMetrics metrics = open.stores().metrics().customerMetrics();
      for (Customer customer : customers.subList(4, 6)) {
        Customer stored = open.stores().base().customers().findById(customer.id()).orElseThrow();
        assertThat(stored.tier()).isEmpty();
        assertThat(metrics.allOf(customer.id())).isEmpty();
        assertThat(stored.stage()).isNotEqualTo(LifecycleStage.PROSPECT);
      }
      assertThat(metrics.find(customers.get(0).id(), "rfm_segment")).isPresent();
    }
  }

  @Test
  void theCurrencyNamedIsTheOneAnalysedAndOneNobodyBoughtInIsRefusedChangingNothing() {
    euroPurchases();

    CliRun inEuros = segment("--currency", "EUR");

    assertThat(inEuros.exitCode()).as(inEuros.err()).isEqualTo(ExitCodes.DONE);
    assertThat(inEuros.out()).contains("6, 1 scored").contains("currency           EUR")
        .contains("0 without a purchase, 5 in another currency");
    try (StoreOptions.OpenStore open = TestStore.open(url)) {
      assertThat(open.stores().base().customers().findById(customers.get(5).id()).orElseThrow().tier()).isPresent();
    }

    CliRun inDollars = segment("--currency", "USD");

    assertThat(inDollars.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(inDollars.err()).contains("nobody bought in USD before", "most customers bought in CNY",
        "nothing was changed");
    try (StoreOptions.OpenStore open = TestStore.open(url)) {
      assertThat(open.stores().base().customers().findById(customers.get(5).id()).orElseThrow().tier()).isPresent();
    }
  }

  /** The prospect buys once in euros, and the worst buyer once in euros beside its yuan. */
  private void euroPurchases() {
    try (StoreOptions.OpenStore open = TestStore.open(url)) {
      Crm crm = Crm.builder().store(open.stores().base()).build();
      for (Customer customer : customers.subList(4, 6)) {
        crm.recordPurchase(crm.newPurchase(customer.id()).amount(Money.of(CurrencyUnit.EUR, new BigDecimal("30")))
            .occurredAt(Instant.now().minus(Duration.ofDays(3))).channel("online").build());
      }
    }
  }
}
