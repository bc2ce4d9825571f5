package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.common.ConcurrentUpdateException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.Page;
import io.crmkit.core.common.PageRequest;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.CriteriaEvaluator;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Customers;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.Sort;
import io.crmkit.testkit.CrmArbitraries;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The contract of the {@link Customers} port: what every adapter (in memory, JDBC, or one you
 * write over your own tables) must do. Extend it in your tests and return a fresh, empty store
 * from {@link #newCustomers()}; jqwik runs every property and example against it.
 *
 * <pre>{@code
 * class ErpCustomersTest extends CustomersContract {
 *   @Override
 *   protected Customers newCustomers() {
 *     truncateCustomerTables();
 *     return new ErpCustomers(dataSource);
 *   }
 * }
 * }</pre>
 *
 * <p>The contract pins down what the {@link Customers} Javadoc promises: optimistic versions
 * (insert at 0, update at the stored version, anything else is a {@link
 * ConcurrentUpdateException} and writes nothing), external references unique across customers
 * ({@link DuplicateKeyException}, nothing written) and moving with their customer, exact round
 * trips of every attribute, queries that return exactly what {@link CriteriaEvaluator} returns for
 * random data and random criteria, and concurrent writers that never lose an update.
 *
 * <p>Properties run {@code jqwik.tries.default} tries (set it in {@code junit-platform.properties});
 * the concurrency properties run a few tries of a bounded race each.
 */
public abstract class CustomersContract {
  private static final int WRITERS = 6;
  private static final int UPDATES_PER_WRITER = 20;

  /**
   * A new, empty store. Called at the start of every try of every property, so make it cheap:
   * for a database, empty the tables and return an adapter over them.
   */
  protected abstract Customers newCustomers();

  @Property
  public void insertAtVersionZeroStoresVersionOne(@ForAll("customer") Customer customer) {
    Customers store = newCustomers();

    Customer saved = store.save(customer);

    assertThat(saved).isEqualTo(customer.withVersion(1));
    assertThat(store.findById(customer.id())).contains(saved);
  }

  @Property
  public void everyAttributeRoundTripsExactly(@ForAll("customer") Customer customer) {
    Customers store = newCustomers();
    Customer saved = store.save(customer);

    assertThat(store.findById(customer.id())).contains(saved);
    for (ExternalReference reference : customer.externalReferences()) {
      assertThat(store.findByExternalReference(reference)).contains(saved);
    }
    try (Stream<Customer> all = store.stream(Criteria.all())) {
      assertThat(all).containsExactly(saved);
    }
    assertThat(store.find(Criteria.all(), Sort.byId(), PageRequest.first(1)).items()).containsExactly(saved);
  }

  @Example
  public void textAtItsSizeLimitsAndInEveryScriptRoundTripsExactly() {
    Customers store = newCustomers();
    for (Customer customer : ExtremeCustomers.all()) {
      Customer saved = store.save(customer);
      assertThat(store.findById(customer.id())).as("%s", customer).contains(saved);
    }
  }

  @Property
  public void updateAtTheStoredVersionStoresTheNextVersion(
      @ForAll("customer") Customer original, @ForAll("customer") Customer changes) {
    Customers store = newCustomers();
    Customer first = store.save(original);

    Customer second = store.save(sameCustomer(changes, first));
    Customer third = store.save(second.withOwner("contract-owner"));

    assertThat(second).isEqualTo(sameCustomer(changes, first).withVersion(2));
    assertThat(third.version()).isEqualTo(3);
    assertThat(store.findById(original.id())).contains(third);
  }

  @Property
  public void staleVersionIsRejectedAndNothingIsWritten(
      @ForAll("customer") Customer original, @ForAll("customer") Customer changes) {
    Customers store = newCustomers();
    Customer first = store.save(original);
    store.save(first.withOwner("first-writer"));
    Snapshot before = Snapshot.of(store);
    ExternalReference onlyOnStale = ExternalReference.of("contract", "stale");
    Customer stale = withReferences(sameCustomer(changes, first), Set.of(onlyOnStale));

    assertThatThrownBy(() -> store.save(stale)).isInstanceOf(ConcurrentUpdateException.class);

    assertThat(Snapshot.of(store)).isEqualTo(before);
    assertThat(store.findByExternalReference(onlyOnStale)).isEmpty();
  }

  @Property
  public void versionAheadOfTheStoredOneIsRejectedAndNothingIsWritten(
      @ForAll("customer") Customer original, @ForAll @IntRange(min = 2, max = 1000) int version) {
    Customers store = newCustomers();
    store.save(original);
    Snapshot before = Snapshot.of(store);

    assertThatThrownBy(() -> store.save(original.withVersion(version)))
        .isInstanceOf(ConcurrentUpdateException.class);

    assertThat(Snapshot.of(store)).isEqualTo(before);
  }

  @Property
  public void insertOfAnExistingIdIsRejectedAndNothingIsWritten(
      @ForAll("customer") Customer original, @ForAll("customer") Customer other) {
    Customers store = newCustomers();
    Customer stored = store.save(original);
    Snapshot before = Snapshot.of(store);
    Customer sameId = withReferences(sameCustomer(other, original), Set.of(ExternalReference.of("contract", "x")));

    assertThatThrownBy(() -> store.save(sameId)).isInstanceOf(ConcurrentUpdateException.class);

    assertThat(Snapshot.of(store)).isEqualTo(before);
    assertThat(store.findById(original.id())).contains(stored);
    assertThat(store.findByExternalReference(ExternalReference.of("contract", "x"))).isEmpty();
  }

  @Property
  public void updateOfAMissingCustomerIsRejectedAndNothingIsWritten(
      @ForAll("customer") Customer customer, @ForAll @IntRange(min = 1, max = 1000) int version) {
    Customers store = newCustomers();

    assertThatThrownBy(() -> store.save(customer.withVersion(version)))
        .isInstanceOf(ConcurrentUpdateException.class);

    assertThat(store.findById(customer.id())).isEmpty();
    assertThat(store.count(Criteria.all())).isZero();
    for (ExternalReference reference : customer.externalReferences()) {
      assertThat(store.findByExternalReference(reference)).isEmpty();
    }
  }

  @Property
  public void insertWithAReferenceHeldByAnotherCustomerIsRejectedAndNothingIsWritten(
      @ForAll("customerPair") List<Customer> pair) {
    Customers store = newCustomers();
    ExternalReference shared = ExternalReference.of("erp", "C-00042");
    Customer holder = store.save(withReferences(pair.get(0), Set.of(shared)));
    Snapshot before = Snapshot.of(store);
    Customer claimant = withReferences(pair.get(1), Set.of(ExternalReference.of("erp", "C-00043"), shared));

    assertThatThrownBy(() -> store.save(claimant)).isInstanceOf(DuplicateKeyException.class);

    assertThat(Snapshot.of(store)).isEqualTo(before);
    assertThat(store.findById(claimant.id())).isEmpty();
    assertThat(store.findByExternalReference(shared)).contains(holder);
    assertThat(store.findByExternalReference(ExternalReference.of("erp", "C-00043"))).isEmpty();
  }

  @Property
  public void updateTakingAnotherCustomersReferenceIsRejectedAndNothingIsWritten(
      @ForAll("customerPair") List<Customer> pair) {
    Customers store = newCustomers();
    ExternalReference shared = ExternalReference.of("erp", "C-00042");
    Customer holder = store.save(withReferences(pair.get(0), Set.of(shared)));
    Customer other = store.save(withReferences(pair.get(1), Set.of()));
    Snapshot before = Snapshot.of(store);

    assertThatThrownBy(() -> store.save(withReferences(other, Set.of(shared))))
        .isInstanceOf(DuplicateKeyException.class);

    assertThat(Snapshot.of(store)).isEqualTo(before);
    assertThat(store.findByExternalReference(shared)).contains(holder);
  }

  @Property
  public void externalReferencesMoveWhenChanged(@ForAll("customerPair") List<Customer> pair) {
    Customers store = newCustomers();
    ExternalReference old = ExternalReference.of("erp", "C-1");
    ExternalReference kept = ExternalReference.of("shop", "S-1");
    ExternalReference added = ExternalReference.of("erp", "C-2");
    Customer first = store.save(withReferences(pair.get(0), Set.of(old, kept)));

    Customer moved = store.save(withReferences(first, Set.of(kept, added)));

    assertThat(store.findByExternalReference(old)).isEmpty();
    assertThat(store.findByExternalReference(kept)).contains(moved);
    assertThat(store.findByExternalReference(added)).contains(moved);
    Customer newHolder = store.save(withReferences(pair.get(1), Set.of(old)));
    assertThat(store.findByExternalReference(old)).contains(newHolder);
  }

  @Property
  public void savingACustomerWithItsOwnReferencesAgainSucceeds(@ForAll("customer") Customer customer) {
    Customers store = newCustomers();
    Customer first = store.save(withReferences(customer, Set.of(ExternalReference.of("erp", "C-7"))));

    Customer second = store.save(first);

    assertThat(second.version()).isEqualTo(2);
    assertThat(store.findByExternalReference(ExternalReference.of("erp", "C-7"))).contains(second);
  }

  @Property
  public void everyStoredCustomerIsFoundByIdAndByEachExternalReference(
      @ForAll("customerList") List<Customer> customers, @ForAll("customerId") CustomerId unknown) {
    Customers store = newCustomers();
    List<Customer> stored = saveAll(store, customers);

    for (Customer customer : stored) {
      assertThat(store.findById(customer.id())).contains(customer);
      for (ExternalReference reference : customer.externalReferences()) {
        assertThat(store.findByExternalReference(reference)).contains(customer);
      }
    }
    if (stored.stream().noneMatch(c -> c.id().equals(unknown))) {
      assertThat(store.findById(unknown)).isEmpty();
    }
    assertThat(store.findByExternalReference(ExternalReference.of("nowhere", "C-00042"))).isEmpty();
  }

  @Example
  public void anEmptyStoreFindsNothing() {
    Customers store = newCustomers();
    CustomerId id = CustomerId.of(new UUID(0, 1));

    assertThat(store.findById(id)).isEmpty();
    assertThat(store.findByExternalReference(ExternalReference.of("erp", "C-1"))).isEmpty();
    assertThat(store.count(Criteria.all())).isZero();
    Page<Customer> page = store.find(Criteria.all(), Sort.byId(), PageRequest.first(10));
    assertThat(page.items()).isEmpty();
    assertThat(page.hasNext()).isFalse();
    try (Stream<Customer> all = store.stream(Criteria.all())) {
      assertThat(all).isEmpty();
    }
  }

  @Property
  public void findReturnsThePageTheReferenceEvaluatorReturns(
      @ForAll("customerList") List<Customer> customers, @ForAll("criteria") Criteria criteria,
      @ForAll("sort") Sort sort, @ForAll("page") PageRequest page) {
    Customers store = newCustomers();
    List<Customer> expected = ReferenceQuery.matching(saveAll(store, customers), criteria, sort);

    Page<Customer> actual = store.find(criteria, sort, page);

    assertThat(actual.items()).isEqualTo(ReferenceQuery.window(expected, page));
    assertThat(actual.hasNext()).as("hasNext").isEqualTo(expected.size() > page.offset() + page.limit());
    assertThat(actual.request()).isEqualTo(page);
  }

  @Property
  public void thePageEndingAtTheLastMatchHasNoNextPage(
      @ForAll("customerList") List<Customer> customers, @ForAll("criteria") Criteria criteria,
      @ForAll("sort") Sort sort, @ForAll @IntRange(min = 1, max = 7) int pageSize) {
    Customers store = newCustomers();
    List<Customer> expected = ReferenceQuery.matching(saveAll(store, customers), criteria, sort);
    Assume.that(!expected.isEmpty());
    int limit = Math.min(pageSize, expected.size());
    PageRequest last = new PageRequest(expected.size() - limit, limit);

    Page<Customer> page = store.find(criteria, sort, last);

    assertThat(page.items()).isEqualTo(expected.subList(expected.size() - limit, expected.size()));
    assertThat(page.hasNext()).as("hasNext").isFalse();
  }

  @Property
  public void pagingThroughAResultVisitsEveryMatchOnceInOrder(
      @ForAll("customerList") List<Customer> customers, @ForAll("criteria") Criteria criteria,
      @ForAll("sort") Sort sort, @ForAll @IntRange(min = 1, max = 7) int pageSize) {
    Customers store = newCustomers();
    List<Customer> expected = ReferenceQuery.matching(saveAll(store, customers), criteria, sort);

    List<Customer> visited = new ArrayList<>();
    PageRequest request = PageRequest.first(pageSize);
    for (int pages = 0; pages <= expected.size() / pageSize + 1; pages++) {
      Page<Customer> page = store.find(criteria, sort, request);
      visited.addAll(page.items());
      assertThat(page.hasNext()).as("hasNext after %s of %s matches", visited.size(), expected.size())
          .isEqualTo(visited.size() < expected.size());
      if (!page.hasNext()) {
        break;
      }
      request = page.nextRequest();
    }

    assertThat(visited).isEqualTo(expected);
  }

  @Property
  public void countIsTheNumberOfMatches(
      @ForAll("customerList") List<Customer> customers, @ForAll("criteria") Criteria criteria) {
    Customers store = newCustomers();
    List<Customer> expected = ReferenceQuery.matching(saveAll(store, customers), criteria, Sort.byId());

    assertThat(store.count(criteria)).isEqualTo(expected.size());
  }

  @Property
  public void streamAndItsIdsReturnEveryMatchInIdOrder(
      @ForAll("customerList") List<Customer> customers, @ForAll("criteria") Criteria criteria) {
    Customers store = newCustomers();
    List<Customer> expected = ReferenceQuery.matching(saveAll(store, customers), criteria, Sort.byId());

    try (Stream<Customer> matches = store.stream(criteria)) {
      assertThat(matches).containsExactlyElementsOf(expected);
    }
    try (Stream<CustomerId> ids = store.streamIds(criteria)) {
      assertThat(ids).containsExactlyElementsOf(expected.stream().map(Customer::id).toList());
    }
  }

  @Property(tries = 5)
  public void concurrentUpdatesOfOneCustomerNeverLoseAnUpdate(@ForAll("customer") Customer customer) {
    Customers store = newCustomers();
    Customer initial = store.save(customer);

    List<List<Update>> updatesByWriter = Concurrently.run(WRITERS, writer -> () -> {
      List<Update> updates = new ArrayList<>();
      for (int attempt = 0; updates.size() < UPDATES_PER_WRITER; attempt++) {
        String tag = "writer-" + writer + "-" + attempt;
        Customer current = store.findById(initial.id()).orElseThrow();
        try {
          updates.add(new Update(tag, store.save(new Customer.Builder().from(current).addTag(tag).build())));
        } catch (ConcurrentUpdateException expected) {
          // Someone saved in between: read again and retry with a new tag, as a caller would.
        }
      }
      return updates;
    });

    List<Update> updates = updatesByWriter.stream().flatMap(List::stream).toList();
    int total = WRITERS * UPDATES_PER_WRITER;
    Set<String> expectedTags = new HashSet<>(initial.tags());
    updates.forEach(update -> expectedTags.add(update.tag()));
    Customer last = store.findById(initial.id()).orElseThrow();
    assertThat(updates.stream().map(update -> update.saved().version()).sorted().toList())
        .as("each successful save increments the version exactly once")
        .isEqualTo(LongStream.rangeClosed(2, total + 1).boxed().toList());
    assertThat(last.version()).isEqualTo(total + 1);
    assertThat(last.tags()).as("the tags of the successful saves and of no failed one").isEqualTo(expectedTags);
  }

  /** The losers of the race get a {@link ConcurrentUpdateException}, as an insert of an existing id does. */
  @Property(tries = 5)
  public void concurrentInsertsOfOneIdStoreExactlyOne(@ForAll("racers") List<Customer> candidates) {
    Customers store = newCustomers();
    Customer first = candidates.get(0);
    List<Customer> sameId = candidates.stream().map(c -> sameCustomer(c, first)).toList();

    List<Optional<Customer>> outcomes = Concurrently.run(sameId.size(), i -> () -> {
      try {
        return Optional.of(store.save(sameId.get(i)));
      } catch (ConcurrentUpdateException lost) {
        return Optional.empty();
      }
    });

    List<Customer> winners = outcomes.stream().flatMap(Optional::stream).toList();
    assertThat(winners).hasSize(1);
    assertThat(store.findById(first.id())).contains(winners.get(0));
    assertThat(store.count(Criteria.all())).isEqualTo(1);
  }

  @Property(tries = 5)
  public void concurrentClaimsOfOneExternalReferenceLetExactlyOneWin(
      @ForAll("racers") List<Customer> candidates) {
    Customers store = newCustomers();
    ExternalReference contested = ExternalReference.of("erp", "C-contested");
    List<Customer> claimants = candidates.stream().map(c -> withReferences(c, Set.of(contested))).toList();

    List<Boolean> won = Concurrently.run(claimants.size(), i -> () -> {
      try {
        store.save(claimants.get(i));
        return true;
      } catch (DuplicateKeyException lost) {
        return false;
      }
    });

    assertThat(won.stream().filter(w -> w).count()).isEqualTo(1);
    assertThat(store.count(Criteria.all())).isEqualTo(1);
    Customer winner = claimants.get(won.indexOf(true));
    assertThat(store.findByExternalReference(contested)).contains(winner.withVersion(1));
  }

  @Provide
  Arbitrary<Customer> customer() {
    return CrmArbitraries.customers();
  }

  @Provide
  Arbitrary<List<Customer>> customerList() {
    return CrmArbitraries.customerLists(0, 25);
  }

  @Provide
  Arbitrary<List<Customer>> racers() {
    return CrmArbitraries.customerLists(2, WRITERS);
  }

  @Provide
  Arbitrary<Criteria> criteria() {
    return CrmArbitraries.criteria();
  }

  @Provide
  Arbitrary<Sort> sort() {
    return CrmArbitraries.sorts();
  }

  @Provide
  Arbitrary<PageRequest> page() {
    return CrmArbitraries.pageRequests();
  }

  @Provide
  Arbitrary<List<Customer>> customerPair() {
    return CrmArbitraries.customerLists(2, 2);
  }

  @Provide
  Arbitrary<CustomerId> customerId() {
    return Arbitraries.oneOf(CrmArbitraries.customerIds(), Arbitraries.just(CustomerId.of(new UUID(0, 0))));
  }

  /** {@code details} as the customer {@code stored} at its stored version, ready to update it. */
  static Customer sameCustomer(Customer details, Customer stored) {
    return new Customer.Builder().from(details).id(stored.id()).version(stored.version()).build();
  }

  static Customer withReferences(Customer customer, Set<ExternalReference> references) {
    return new Customer.Builder().from(customer).externalReferences(references).build();
  }

  static List<Customer> saveAll(Customers store, List<Customer> customers) {
    List<Customer> stored = new ArrayList<>(customers.size());
    customers.forEach(customer -> stored.add(store.save(customer)));
    return stored;
  }

  /** One successful save of a concurrent writer and the tag it added. */
  private record Update(String tag, Customer saved) {}
}
