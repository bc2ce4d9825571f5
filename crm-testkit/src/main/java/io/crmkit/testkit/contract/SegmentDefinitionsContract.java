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
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.metric.CustomerMetric;
import io.crmkit.core.metric.MetricStore;
import io.crmkit.segmentation.segment.Segment;
import io.crmkit.segmentation.segment.SegmentDefinitions;
import io.crmkit.segmentation.segment.SegmentMembership;
import io.crmkit.segmentation.segment.SegmentationStore;
import io.crmkit.testkit.CrmArbitraries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The contract of crm-segmentation's segment store: {@link SegmentDefinitions} keeps definitions
 * (every kind of criterion, metric criteria included) and gives them back equal, and {@link
 * SegmentMembership} over the store finds the members, sizes and pairwise overlaps the reference
 * evaluator finds. Extend it with a factory of a fresh, empty store with the segmentation and
 * metrics capabilities attached:
 *
 * <pre>{@code
 * class JdbcSegmentDefinitionsTest extends SegmentDefinitionsContract {
 *   protected Stores newStores() {
 *     JdbcCrmStore store = emptyStore();
 *     return new Stores(store.attach(JdbcSegmentation.extension()), store.attach(JdbcMetrics.extension()));
 *   }
 * }
 * }</pre>
 */
public abstract class SegmentDefinitionsContract {
  private static final Instant T0 = Instant.parse("2025-06-30T00:00:00Z");

  /** The segmentation and metric stores of one fresh, empty base store. */
  public record Stores(SegmentationStore segmentation, MetricStore metrics) {}

  /** Called once per example or property try. */
  protected abstract Stores newStores();

  @Property(tries = 40)
  void aDefinitionComesBackEqualWhateverItsCriteria(@ForAll("criteria") Criteria criteria,
      @ForAll("names") String name) {
    SegmentDefinitions definitions = newStores().segmentation().segmentDefinitions();
    Segment segment = Segment.of(name, criteria);

    definitions.save(segment);

    assertThat(definitions.find(name)).contains(segment);
    assertThat(definitions.all()).containsExactly(segment);
  }

  @Example
  void savingUnderTheSameNameReplacesAndRemovingForgets() {
    SegmentDefinitions definitions = newStores().segmentation().segmentDefinitions();
    definitions.save(Segment.of("VIP", Criteria.tierIs(ValueTier.VIP)));
    Segment widened = Segment.of("VIP", Criteria.or(Criteria.tierIs(ValueTier.VIP), Criteria.metric("clv").atLeast(1000)));
    definitions.save(widened);
    definitions.save(Segment.of("Ärger", Criteria.hasTag("complaint")));
    definitions.save(Segment.of("At risk", Criteria.metric("p_alive").lessThan(0.3)));

    assertThat(definitions.find("VIP")).contains(widened);
    assertThat(definitions.all()).extracting(Segment::name).containsExactly("At risk", "VIP", "Ärger");
    assertThat(definitions.remove("VIP")).isTrue();
    assertThat(definitions.remove("VIP")).isFalse();
    assertThat(definitions.find("VIP")).isEmpty();
    assertThat(definitions.find("vip")).isEmpty();
  }

  @Example
  void aDefinitionSavedInARolledBackUnitOfWorkIsGone() {
    SegmentationStore store = newStores().segmentation();

    assertThatThrownBy(() -> store.base().transactions().inTransaction(() -> {
      store.segmentDefinitions().save(Segment.of("VIP", Criteria.tierIs(ValueTier.VIP)));
      throw new IllegalStateException("abort");
    })).hasMessage("abort");

    assertThat(store.segmentDefinitions().all()).isEmpty();
  }

  @Example
  void anUnknownSegmentIsAClearError() {
    SegmentMembership membership = SegmentMembership.on(newStores().segmentation());

    assertThatThrownBy(() -> membership.size("nobody")).isInstanceOf(SegmentMembership.UnknownSegmentException.class)
        .hasMessageContaining("'nobody'");
  }

  /**
   * Random customers with random metrics, and random segments over them: members, sizes and every
   * pairwise overlap are what the evaluator computes.
   */
  @Property(tries = 25)
  void membersSizesAndOverlapsAreWhatTheEvaluatorFinds(
      @ForAll("customersWithMetrics") Tuple.Tuple2<List<Customer>, List<CustomerMetric>> example,
      @ForAll("segmentCriteria") List<Criteria> segmentCriteria) {
    Stores stores = newStores();
    Customers customers = stores.segmentation().base().customers();
    List<Customer> stored = example.get1().stream().map(customers::save).toList();
    stores.metrics().customerMetrics().recordAll(example.get2());
    List<String> names = new ArrayList<>();
    for (int i = 0; i < segmentCriteria.size(); i++) {
      names.add("segment " + i);
      stores.segmentation().segmentDefinitions().save(Segment.of("segment " + i, segmentCriteria.get(i)));
    }
    Map<CustomerId, Map<String, MetricValue>> values = example.get2().stream().collect(Collectors.groupingBy(
        CustomerMetric::customerId, Collectors.toMap(CustomerMetric::name, CustomerMetric::value)));
    CriteriaEvaluator.MetricLookup lookup = (id, name) -> Optional.ofNullable(values.getOrDefault(id, Map.of()).get(name));
    List<List<CustomerId>> expected = segmentCriteria.stream().map(criteria -> stored.stream()
        .filter(c -> CriteriaEvaluator.matches(criteria, c, lookup)).map(Customer::id).sorted().toList()).toList();
    SegmentMembership membership = SegmentMembership.on(stores.segmentation());

    SegmentMembership.Overlaps overlaps = membership.overlaps(names);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      assertThat(membership.members(name, PageRequest.first(100)).items()).extracting(Customer::id)
          .as("members of %s", segmentCriteria.get(i)).isEqualTo(expected.get(i));
      try (Stream<CustomerId> ids = membership.memberIds(name)) {
        assertThat(ids.toList()).isEqualTo(expected.get(i));
      }
      assertThat(membership.size(name)).isEqualTo(expected.get(i).size());
      for (int j = 0; j < names.size(); j++) {
        List<CustomerId> other = expected.get(j);
        long both = expected.get(i).stream().filter(other::contains).count();
        assertThat(overlaps.overlap(name, names.get(j))).as("%s and %s", name, names.get(j)).isEqualTo(both);
      }
    }
    Map<String, Long> sizes = membership.sizes();
    assertThat(sizes.keySet()).containsExactlyInAnyOrderElementsOf(names);
    names.forEach(name -> assertThat(sizes.get(name)).isEqualTo(overlaps.size(name)));
  }

  @Provide
  Arbitrary<Criteria> criteria() {
    return Arbitraries.oneOf(CrmArbitraries.criteria(), CrmArbitraries.metricCriteria());
  }

  @Provide
  Arbitrary<String> names() {
    return CrmArbitraries.text(Segment.MAX_NAME_LENGTH);
  }

  @Provide
  Arbitrary<List<Criteria>> segmentCriteria() {
    return CrmArbitraries.metricCriteria().list().ofMinSize(1).ofMaxSize(5);
  }

  @Provide
  Arbitrary<Tuple.Tuple2<List<Customer>, List<CustomerMetric>>> customersWithMetrics() {
    return CrmArbitraries.customerLists(0, 10).flatMap(customers -> CrmArbitraries
        .customerMetrics(customers.stream().map(Customer::id).toList(), T0).map(metrics -> Tuple.of(customers, metrics)));
  }
}
