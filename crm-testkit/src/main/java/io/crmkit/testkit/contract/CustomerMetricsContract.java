package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.common.PageRequest;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.CriteriaEvaluator;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.customer.MetricValue;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.Sort;
import io.crmkit.core.metric.CustomerMetric;
import io.crmkit.core.metric.CustomerMetrics;
import io.crmkit.core.metric.MetricStore;
import io.crmkit.testkit.CrmArbitraries;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The contract of the metrics capability: the {@link CustomerMetrics} port, and the store's
 * {@link Customers} answering {@code Criteria.metric(...)} over what it holds exactly as {@link
 * CriteriaEvaluator} does. Extend it with a factory of a fresh, empty store with the capability
 * attached:
 *
 * <pre>{@code
 * class JdbcCustomerMetricsTest extends CustomerMetricsContract {
 *   protected MetricStore newStore() { return emptyStore().attach(JdbcMetrics.extension()); }
 * }
 * }</pre>
 *
 * <p>Numbers must come back bit for bit (store them as double precision); computation times are
 * whole microseconds here.
 */
public abstract class CustomerMetricsContract {
  private static final Instant T0 = Instant.parse("2025-06-30T00:00:00Z");

  /** A fresh, empty store with the metrics capability attached; called once per example or try. */
  protected abstract MetricStore newStore();

  @Property(tries = 40)
  void aMetricComesBackExactlyAsRecorded(@ForAll("values") MetricValue value, @ForAll("microseconds") long micros) {
    CustomerMetrics metrics = newStore().customerMetrics();
    CustomerMetric metric = new CustomerMetric(id(1), "clv", value, Instant.EPOCH.plus(micros, ChronoUnit.MICROS));

    metrics.record(metric);

    assertThat(metrics.find(id(1), "clv")).contains(metric);
    assertThat(metrics.allOf(id(1))).containsExactly(Map.entry("clv", metric));
    assertThat(metrics.find(List.of(id(1), id(2)), "clv")).containsExactly(Map.entry(id(1), metric));
  }

  @Example
  void recordingAgainReplacesTheValueWhateverTheComputationTimes() {
    CustomerMetrics metrics = newStore().customerMetrics();
    metrics.record(CustomerMetric.number(id(1), "clv", 10, T0));
    CustomerMetric earlierRun = CustomerMetric.text(id(1), "clv", "unknown", T0.minus(1, ChronoUnit.DAYS));
    metrics.record(earlierRun);

    assertThat(metrics.find(id(1), "clv")).contains(earlierRun);
    assertThat(metrics.find(id(1), "CLV")).isEmpty();
  }

  @Example
  void oneBulkWriteKeepsTheLaterOfTwoValuesForTheSameCustomerAndMetric() {
    CustomerMetrics metrics = newStore().customerMetrics();
    metrics.recordAll(List.of(CustomerMetric.number(id(1), "clv", 1, T0), CustomerMetric.number(id(2), "clv", 2, T0),
        CustomerMetric.number(id(1), "clv", 3, T0)));

    assertThat(metrics.find(id(1), "clv").map(CustomerMetric::value)).contains(MetricValue.number(3));
    assertThat(metrics.find(id(2), "clv").map(CustomerMetric::value)).contains(MetricValue.number(2));
  }

  @Example
  void aBulkWriteOfThousandsIsReadBackInBulk() {
    CustomerMetrics metrics = newStore().customerMetrics();
    List<CustomerMetric> all = IntStream.range(0, 5_000)
        .mapToObj(i -> CustomerMetric.number(id(i), "p_alive", i / 5_000.0, T0)).toList();

    metrics.recordAll(all);

    Map<CustomerId, CustomerMetric> read = metrics.find(all.stream().map(CustomerMetric::customerId).toList(), "p_alive");
    assertThat(read).hasSize(5_000);
    assertThat(read.values()).containsExactlyInAnyOrderElementsOf(all);
  }

  @Example
  void aBulkWriteThatFailsHalfwayWritesNothing() {
    MetricStore store = newStore();
    CustomerMetrics metrics = store.customerMetrics();
    metrics.record(CustomerMetric.number(id(0), "clv", -1, T0));
    Iterable<CustomerMetric> failing = () -> new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public CustomerMetric next() {
        if (next == 2_500) {
          throw new IllegalStateException("the model run failed");
        }
        return CustomerMetric.number(id(next++), "clv", 7, T0);
      }
    };

    assertThatThrownBy(() -> metrics.recordAll(failing)).hasMessageContaining("the model run failed");

    assertThat(metrics.find(id(0), "clv").map(CustomerMetric::value)).contains(MetricValue.number(-1));
    assertThat(metrics.find(IntStream.range(1, 2_500).mapToObj(CustomerMetricsContract::id).toList(), "clv")).isEmpty();
  }

  @Example
  void metricsWrittenInARolledBackUnitOfWorkAreGone() {
    MetricStore store = newStore();
    CustomerMetrics metrics = store.customerMetrics();
    Customer customer = store.base().customers().save(customer(1));

    assertThatThrownBy(() -> store.base().transactions().inTransaction(() -> {
      metrics.record(CustomerMetric.number(customer.id(), "clv", 900, T0));
      assertThat(store.base().customers().count(Criteria.metric("clv").atLeast(900))).isEqualTo(1);
      throw new IllegalStateException("abort");
    })).hasMessage("abort");

    assertThat(metrics.find(customer.id(), "clv")).isEmpty();
    assertThat(store.base().customers().count(Criteria.metric("clv").present())).isZero();
  }

  @Example
  void removingOneValueOrAWholeMetric() {
    CustomerMetrics metrics = newStore().customerMetrics();
    metrics.recordAll(List.of(CustomerMetric.number(id(1), "clv", 1, T0), CustomerMetric.number(id(2), "clv", 2, T0),
        CustomerMetric.text(id(1), "rfm_segment", "Loyal", T0)));

    assertThat(metrics.remove(id(1), "clv")).isTrue();
    assertThat(metrics.remove(id(1), "clv")).isFalse();
    assertThat(metrics.removeAll("clv")).isEqualTo(1);
    assertThat(metrics.removeAll("clv")).isZero();
    assertThat(metrics.allOf(id(1))).containsOnlyKeys("rfm_segment");
  }

  @Example
  void aMetricOfAnIdWithoutACustomerIsKeptAndSelectsNobody() {
    MetricStore store = newStore();
    store.customerMetrics().record(CustomerMetric.number(id(9), "clv", 5, T0));

    assertThat(store.customerMetrics().find(id(9), "clv")).isPresent();
    assertThat(store.base().customers().count(Criteria.metric("clv").present())).isZero();
  }

  @Example
  void segmentsByMetricFindTheirCustomers() {
    MetricStore store = newStore();
    Customers customers = store.base().customers();
    List<Customer> saved = IntStream.range(0, 4).mapToObj(i -> customers.save(customer(i))).toList();
    store.customerMetrics().recordAll(List.of(
        CustomerMetric.number(saved.get(0).id(), "clv", 900, T0),
        CustomerMetric.number(saved.get(1).id(), "clv", 500, T0),
        CustomerMetric.text(saved.get(1).id(), "rfm_segment", "Champions", T0),
        CustomerMetric.text(saved.get(2).id(), "rfm_segment", "At Risk", T0)));

    assertThat(ids(customers, Criteria.metric("clv").greaterThan(500))).containsExactly(saved.get(0).id());
    assertThat(ids(customers, Criteria.metric("clv").atLeast(500))).containsExactly(saved.get(0).id(), saved.get(1).id());
    assertThat(ids(customers, Criteria.metricIs("rfm_segment", "Champions"))).containsExactly(saved.get(1).id());
    assertThat(ids(customers, Criteria.not(Criteria.metric("clv").present())))
        .containsExactly(saved.get(2).id(), saved.get(3).id());
    assertThat(ids(customers, Criteria.or(Criteria.metric("clv").atLeast(900),
        Criteria.metric("rfm_segment").in("At Risk", "Lost")))).containsExactly(saved.get(0).id(), saved.get(2).id());
  }

  /**
   * Random metrics (numbers and texts, some absent) and random criteria mixing metric and other
   * tests: find, count and stream return what the evaluator returns with the same metrics.
   */
  @Property(tries = 30)
  void criteriaOverMetricsReturnWhatTheEvaluatorReturns(
      @ForAll("customersWithMetrics") Tuple.Tuple2<List<Customer>, List<CustomerMetric>> example,
      @ForAll("metricCriteria") Criteria criteria) {
    MetricStore store = newStore();
    Customers customers = store.base().customers();
    List<Customer> stored = example.get1().stream().map(customers::save).toList();
    store.customerMetrics().recordAll(example.get2());
    Map<CustomerId, Map<String, MetricValue>> values = example.get2().stream().collect(Collectors.groupingBy(
        CustomerMetric::customerId, Collectors.toMap(CustomerMetric::name, CustomerMetric::value)));
    CriteriaEvaluator.MetricLookup lookup = (id, name) -> Optional.ofNullable(values.getOrDefault(id, Map.of()).get(name));
    List<Customer> expected = stored.stream().filter(c -> CriteriaEvaluator.matches(criteria, c, lookup))
        .sorted(CriteriaEvaluator.comparator(Sort.byId())).toList();

    assertThat(customers.find(criteria, Sort.byId(), PageRequest.first(100)).items()).as("find %s", criteria)
        .isEqualTo(expected);
    assertThat(customers.count(criteria)).as("count %s", criteria).isEqualTo(expected.size());
    try (Stream<Customer> stream = customers.stream(criteria)) {
      assertThat(stream.toList()).as("stream %s", criteria).isEqualTo(expected);
    }
  }

  @Provide
  Arbitrary<MetricValue> values() {
    return CrmArbitraries.metricValues();
  }

  @Provide
  Arbitrary<Long> microseconds() {
    return Arbitraries.longs().between(0, 4_102_444_800_000_000L);
  }

  @Provide
  Arbitrary<Criteria> metricCriteria() {
    return CrmArbitraries.metricCriteria();
  }

  @Provide
  Arbitrary<Tuple.Tuple2<List<Customer>, List<CustomerMetric>>> customersWithMetrics() {
    return CrmArbitraries.customerLists(0, 8).flatMap(customers -> {
      List<CustomerId> ids = new ArrayList<>(customers.stream().map(Customer::id).toList());
      return CrmArbitraries.customerMetrics(ids, T0).map(metrics -> Tuple.of(customers, metrics));
    });
  }

  private static List<CustomerId> ids(Customers customers, Criteria criteria) {
    return customers.find(criteria, Sort.byId(), PageRequest.first(100)).items().stream().map(Customer::id).toList();
  }

  private static CustomerId id(int n) {
    return CustomerId.of(new UUID(0x4d45545249430000L, n));
  }

  private static Customer customer(int n) {
    return new Customer.Builder().from(NewCustomer.organisation("Metric Org " + n).build()).id(id(n)).version(0)
        .createdAt(T0).updatedAt(T0).build();
  }
}
