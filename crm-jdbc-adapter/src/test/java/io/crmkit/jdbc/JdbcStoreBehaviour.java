package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.Crm;
import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.ConcurrentUpdateException;
import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.PageRequest;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerField;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.Sort;
import io.crmkit.core.imports.CustomerImporter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the JDBC store does beyond the port contracts, run on H2 and PostgreSQL by subclasses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcStoreBehaviour {
  DataSource dataSource;
  JdbcCrmStore store;

  /** A new, empty database (or schema) for this test class. */
  abstract DataSource newDatabase(String name);

  @BeforeAll
  void createStore() {
    dataSource = newDatabase(getClass().getSimpleName());
    store = JdbcCrmStore.create(dataSource);
  }

  @Test
  void aSavedCustomerReadsBackExactlyByIdAndByExternalReference() {
    Customer person = TestCustomers.fullPerson(1);
    Customer organisation = TestCustomers.organisation(1);
    Customer storedPerson = store.customers().save(person);
    store.customers().save(organisation);

    assertThat(storedPerson).isEqualTo(person.withVersion(1));
    assertThat(store.customers().findById(person.id())).contains(person.withVersion(1));
    assertThat(store.customers().findById(organisation.id())).contains(organisation.withVersion(1));
    assertThat(store.customers().findByExternalReference(ExternalReference.of("erp", "C-1")))
        .contains(person.withVersion(1));
    assertThat(store.customers().findByExternalReference(ExternalReference.of("erp", "c-1"))).isEmpty();
  }

  @Test
  void aStaleSaveFailsWithConcurrentUpdateAndWritesNothing() {
    Customer first = store.customers().save(TestCustomers.fullPerson(2));
    Customer second = store.customers().save(first.withOwner("alice"));

    assertThatThrownBy(() -> store.customers().save(first.withOwner("bob")))
        .isInstanceOf(ConcurrentUpdateException.class)
        .hasMessageContaining("expected version 1, found 2");
    assertThatThrownBy(() -> store.customers().save(TestCustomers.fullPerson(2)))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThatThrownBy(() -> store.customers().save(TestCustomers.organisation(999).withVersion(3)))
        .isInstanceOf(ConcurrentUpdateException.class)
        .hasMessageContaining("does not exist");
    assertThat(store.customers().findById(first.id())).contains(second);
  }

  @Test
  void anExternalReferenceOfAnotherCustomerIsADuplicateKeyAndNothingIsWritten() {
    store.customers().save(TestCustomers.fullPerson(3));
    Customer thief = new Customer.Builder().from(TestCustomers.organisation(3))
        .addExternalReference(ExternalReference.of("erp", "C-3")).build();

    assertThatThrownBy(() -> store.customers().save(thief)).isInstanceOf(DuplicateKeyException.class)
        .hasMessageContaining("erp:C-3");
    assertThat(store.customers().findById(thief.id())).isEmpty();
  }

  @Test
  void findSortsAbsentValuesLastInBothDirectionsThenById() {
    String tag = "sort-" + UUID.randomUUID();
    List<Customer> saved = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Customer c = new Customer.Builder().from(TestCustomers.organisation(100 + i))
          .id(CustomerId.of(UUID.randomUUID())).tags(List.of(tag))
          .owner(i % 3 == 0 ? java.util.Optional.empty() : java.util.Optional.of("o" + (i % 2)))
          .build();
      saved.add(store.customers().save(c));
    }
    Criteria tagged = Criteria.hasTag(tag);
    for (Sort sort : List.of(Sort.ascending(CustomerField.OWNER), Sort.descending(CustomerField.OWNER))) {
      List<Customer> expected = saved.stream()
          .sorted(io.crmkit.core.customer.CriteriaEvaluator.comparator(sort)).toList();
      assertThat(store.customers().find(tagged, sort, PageRequest.first(10)).items()).isEqualTo(expected);
      assertThat(store.customers().find(tagged, sort, new PageRequest(2, 3)).items())
          .isEqualTo(expected.subList(2, 5));
    }
    assertThat(store.customers().find(tagged, Sort.byId(), PageRequest.first(5)).hasNext()).isTrue();
    assertThat(store.customers().count(tagged)).isEqualTo(6);
  }

  @Test
  void attributeAndCodePrefixFiltersMatchExactly() {
    Customer c = store.customers().save(TestCustomers.fullPerson(4));
    assertThat(ids(Criteria.attributeIs("score", AttributeValue.number(new BigDecimal("12.5000")))))
        .contains(c.id());
    assertThat(ids(Criteria.and(Criteria.attributeIs("score", AttributeValue.text("12.5")),
        Criteria.hasTag("tag-4")))).isEmpty();
    assertThat(ids(Criteria.and(Criteria.codeStartsWith("region", "1101"), Criteria.hasTag("tag-4"))))
        .containsExactly(c.id());
    assertThat(ids(Criteria.and(Criteria.codeStartsWith("region", "11_1"), Criteria.hasTag("tag-4")))).isEmpty();
    assertThat(ids(Criteria.and(Criteria.codeStartsWith("region", "%"), Criteria.hasTag("tag-4")))).isEmpty();
    assertThat(ids(Criteria.and(Criteria.not(Criteria.codeIs("nowhere", "x")), Criteria.hasTag("tag-4"))))
        .containsExactly(c.id());
  }

  @Test
  void streamAndItsIdsReadEveryMatchInIdOrderAcrossKeysetPages() {
    String tag = "stream-" + UUID.randomUUID();
    List<Customer> rows = IntStream.range(0, 2_345)
        .mapToObj(i -> new Customer.Builder().from(TestCustomers.organisation(10_000 + i))
            .id(CustomerId.of(UUID.randomUUID())).addTag(tag).build())
        .collect(Collectors.toList());
    assertThat(CustomerImporter.on(store).insertAll(rows).inserted()).isEqualTo(rows.size());

    List<CustomerId> expected = rows.stream().map(Customer::id).sorted().toList();
    try (Stream<Customer> stream = store.customers().stream(Criteria.hasTag(tag))) {
      assertThat(stream.map(Customer::id).toList()).isEqualTo(expected);
    }
    try (Stream<CustomerId> ids = store.customers().streamIds(Criteria.hasTag(tag))) {
      assertThat(ids.toList()).isEqualTo(expected);
    }
  }

  @Test
  void aManagedTransactionRollsBackEveryWriteWhenTheWorkThrows() {
    Customer a = TestCustomers.fullPerson(5);
    Customer b = TestCustomers.fullPerson(6);
    assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
      store.customers().save(a);
      store.transactions().inTransaction(() -> store.customers().save(b));
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(store.customers().findById(a.id())).isEmpty();
    assertThat(store.customers().findById(b.id())).isEmpty();

    store.transactions().inTransaction(() -> store.customers().save(a));
    assertThat(store.customers().findById(a.id())).isPresent();
  }

  @Test
  void aJoinedConnectionCommitsOrRollsBackWithTheHost() throws Exception {
    NewCustomer committed = NewCustomer.organisation("Joined Commit Ltd").build();
    NewCustomer rolledBack = NewCustomer.organisation("Joined Rollback Ltd").build();
    long outboxBefore = store.outboxRelay(event -> { }).pendingCount();
    Customer kept;
    Customer dropped;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      kept = Crm.builder().store(store.joining(connection)).build().register(committed);
      assertThat(store.customers().findById(kept.id())).as("not visible before the host commits").isEmpty();
      connection.commit();
      dropped = Crm.builder().store(store.joining(connection)).build().register(rolledBack);
      connection.rollback();
      assertThat(connection.getAutoCommit()).isFalse();
      assertThat(connection.isClosed()).isFalse();
    }
    assertThat(store.customers().findById(kept.id())).isPresent();
    assertThat(store.customers().findById(dropped.id())).isEmpty();
    assertThat(store.outboxRelay(event -> { }).pendingCount()).isEqualTo(outboxBefore + 1);
  }

  @Test
  void externalModeJoinsTheHostTransactionOfATransactionAwareDataSource() throws Exception {
    HostTransactions host = new HostTransactions(dataSource);
    JdbcCrmStore external = JdbcCrmStore.create(host,
        JdbcOptions.builder().transactionMode(TransactionMode.EXTERNAL).build());
    Crm crm = Crm.builder().store(external).build();

    host.begin();
    Customer kept = crm.register(NewCustomer.organisation("External Commit AG").build());
    crm.update(kept.withOwner("host"));
    host.commit();

    host.begin();
    Customer dropped = crm.register(NewCustomer.organisation("External Rollback AG").build());
    crm.update(kept.withVersion(2).withOwner("gone"));
    host.rollback();

    assertThat(store.customers().findById(kept.id())).map(Customer::owner).contains(java.util.Optional.of("host"));
    assertThat(store.customers().findById(dropped.id())).isEmpty();

    Customer alone = crm.register(NewCustomer.organisation("No Host Transaction AG").build());
    assertThat(store.customers().findById(alone.id())).as("auto-commit without a host transaction").isPresent();
  }

  @Test
  void purchasesAreIdempotentAndOrderedByTimeThenId() {
    CustomerId customer = CustomerId.of(UUID.randomUUID());
    Purchase late = purchase(customer, 10, "100.00");
    Purchase early = purchase(customer, 1, "-5.50");
    store.purchases().recordAll(List.of(late, early));
    store.purchases().record(late);

    assertThat(store.purchases().forCustomer(customer, TimeRange.all())).containsExactly(early, late);
    assertThat(store.purchases().forCustomer(customer, TimeRange.since(late.occurredAt()))).containsExactly(late);
    Purchase changed = new Purchase.Builder().from(late).channel("store").build();
    assertThatThrownBy(() -> store.purchases().recordAll(List.of(purchase(customer, 20, "1.00"), changed)))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(store.purchases().forCustomer(customer, TimeRange.all())).hasSize(2);
    try (Stream<Purchase> all = store.purchases().stream(TimeRange.all())) {
      assertThat(all.filter(p -> p.customerId().equals(customer)).toList()).containsExactly(early, late);
    }
  }

  private static Purchase purchase(CustomerId customer, int minutes, String amount) {
    return new Purchase.Builder().id(ActivityId.of(UUID.randomUUID())).customerId(customer)
        .occurredAt(TestCustomers.T0.plusSeconds(60L * minutes))
        .amount(Money.of(CurrencyUnit.EUR, new BigDecimal(amount))).channel("online").build();
  }

  private List<CustomerId> ids(Criteria criteria) {
    try (Stream<Customer> stream = store.customers().stream(criteria)) {
      return stream.map(Customer::id).toList();
    }
  }
}
