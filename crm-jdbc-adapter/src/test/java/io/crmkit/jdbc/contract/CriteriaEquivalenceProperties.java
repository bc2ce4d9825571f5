package io.crmkit.jdbc.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.common.PageRequest;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.CriteriaEvaluator;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerField;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.customer.Sort;
import io.crmkit.jdbc.TestCustomers;
import io.crmkit.testkit.CrmArbitraries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * One query language, three engines, one answer: random criteria and sort orders over random
 * customers return exactly the same customers, in the same order, from the in-memory evaluator
 * (the reference semantics), H2 and PostgreSQL.
 */
class CriteriaEquivalenceProperties {

  @Property(tries = 100)
  void randomCriteriaReturnTheSameCustomersInMemoryOnH2AndOnPostgres(
      @ForAll("customers") List<Customer> customers, @ForAll("criteria") Criteria criteria,
      @ForAll("sorts") Sort sort, @ForAll("pages") PageRequest page) {
    Map<String, Customers> engines = engines(customers);
    List<Customer> stored = customers.stream().map(c -> c.withVersion(1)).toList();
    List<Customer> expected = stored.stream().filter(c -> CriteriaEvaluator.matches(criteria, c))
        .sorted(CriteriaEvaluator.comparator(sort)).toList();
    List<Customer> expectedById = expected.stream().sorted(CriteriaEvaluator.comparator(Sort.byId())).toList();

    engines.forEach((engine, store) -> {
      assertThat(store.find(criteria, sort, page).items()).as("%s find %s %s %s", engine, criteria, sort, page)
          .isEqualTo(window(expected, page));
      assertThat(store.count(criteria)).as("%s count %s", engine, criteria).isEqualTo(expected.size());
      try (Stream<Customer> stream = store.stream(criteria)) {
        assertThat(stream.toList()).as("%s stream %s", engine, criteria).isEqualTo(expectedById);
      }
    });
  }

  /**
   * The corner where UTF-16 order and code-point order disagree: supplementary characters (emoji,
   * surrogate pairs starting at U+D800) against U+E000..U+FFFF (fullwidth forms, U+FFFD). crmkit
   * orders text by code point everywhere; H2 only does so because the adapter compares UTF-8 bytes.
   */
  @Example
  void textBetweenSurrogatesAndTheTopOfTheBasicPlaneSortsByCodePointEverywhere() {
    List<String> names = List.of("\uFF21 fullwidth", "\uD83D\uDE00 emoji", "\uFFFD replacement", "z plain",
        "\uE000 private", "\uD800\uDC00 linear b");
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      customers.add(new Customer.Builder().from(TestCustomers.organisation(i)).id(CustomerId.of(new UUID(7, i)))
          .displayName(names.get(i)).owner(names.get(i)).putDimensionCode("region", names.get(i)).build());
    }
    Map<String, Customers> engines = engines(customers);
    List<Sort> sorts = List.of(Sort.ascending(CustomerField.DISPLAY_NAME), Sort.descending(CustomerField.OWNER),
        Sort.ascending(CustomerField.dimension("region")));
    List<Criteria> ranges = List.of(
        Criteria.between(CustomerField.DISPLAY_NAME, "\uE000", "\uFFFF"),
        Criteria.atLeast(CustomerField.OWNER, "\uD800\uDC00"),
        Criteria.below(CustomerField.dimension("region"), "\uFF00"),
        Criteria.codeStartsWith("region", "\uD83D\uDE00"));
    for (Sort sort : sorts) {
      for (Criteria criteria : ranges) {
        List<Customer> expected = customers.stream().map(c -> c.withVersion(1))
            .filter(c -> CriteriaEvaluator.matches(criteria, c)).sorted(CriteriaEvaluator.comparator(sort)).toList();
        engines.forEach((engine, store) -> assertThat(store.find(criteria, sort, PageRequest.first(100)).items())
            .as("%s %s %s", engine, criteria, sort).isEqualTo(expected));
      }
    }
  }

  @Provide
  Arbitrary<List<Customer>> customers() {
    return CrmArbitraries.customerLists(0, 12);
  }

  @Provide
  Arbitrary<Criteria> criteria() {
    return CrmArbitraries.criteria();
  }

  @Provide
  Arbitrary<Sort> sorts() {
    return CrmArbitraries.sorts();
  }

  @Provide
  Arbitrary<PageRequest> pages() {
    return Arbitraries.integers().between(0, 14).flatMap(offset ->
        Arbitraries.integers().between(1, 15).map(limit -> new PageRequest(offset, limit)));
  }

  private static Map<String, Customers> engines(List<Customer> customers) {
    Map<String, Customers> engines = new java.util.LinkedHashMap<>();
    engines.put("in-memory", io.crmkit.core.memory.InMemoryCrmStore.create().customers());
    engines.put("h2", ContractStores.emptyH2().customers());
    engines.put("postgresql", ContractStores.emptyPostgres().customers());
    engines.values().forEach(store -> customers.forEach(store::save));
    return engines;
  }

  private static List<Customer> window(List<Customer> all, PageRequest page) {
    int from = (int) Math.min(all.size(), page.offset());
    return all.subList(from, Math.min(all.size(), from + page.limit()));
  }
}
