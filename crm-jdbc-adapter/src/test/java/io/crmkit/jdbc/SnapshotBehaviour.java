package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.ActivityId;
import io.crmkit.core.activity.Purchase;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link JdbcCrmStore#inSnapshot}: one transaction that reads a snapshot of the database, run on H2
 * and PostgreSQL by subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SnapshotBehaviour {
  DataSource dataSource;
  JdbcCrmStore store;

  /** A new, empty database (or schema) for this test class. */
  abstract DataSource newDatabase(String name);

  /** The isolation level the dialect reads a snapshot at. */
  abstract int expectedIsolation();

  @BeforeAll
  void createStore() {
    dataSource = newDatabase(getClass().getSimpleName());
    store = JdbcCrmStore.create(dataSource);
  }

  @Test
  void aSnapshotKeepsReadingWhatWasCommittedWhenItBeganWhileOthersCommitMore() {
    String tag = "snapshot-" + UUID.randomUUID();
    Customer before = store.customers().save(tagged(1, tag));
    Customer after = tagged(2, tag);

    List<Long> counts = store.inSnapshot(snapshot -> {
      long first = snapshot.customers().count(Criteria.hasTag(tag));
      store.customers().save(after); // another connection, committed at once
      store.purchases().recordAll(List.of(purchaseOf(after.id())));
      long second = snapshot.customers().count(Criteria.hasTag(tag));
      long purchases = snapshot.purchases().forCustomer(after.id(), TimeRange.all()).size();
      return List.of(first, second, purchases);
    });

    assertThat(counts).containsExactly(1L, 1L, 0L);
    assertThat(store.customers().count(Criteria.hasTag(tag))).isEqualTo(2);
    assertThat(store.customers().findById(before.id())).isPresent();
  }

  @Test
  void aSnapshotCommitsWhatItsWorkWritesOrRollsItBackWhenTheWorkThrows() {
    Customer kept = tagged(3, "snapshot-kept");
    Customer dropped = tagged(4, "snapshot-dropped");

    store.inSnapshot(snapshot -> snapshot.customers().save(kept));
    assertThatThrownBy(() -> store.inSnapshot(snapshot -> {
      snapshot.customers().save(dropped);
      throw new IllegalStateException("boom");
    })).hasMessage("boom");

    assertThat(store.customers().findById(kept.id())).isPresent();
    assertThat(store.customers().findById(dropped.id())).isEmpty();
  }

  @Test
  void aSnapshotRunsAtTheDialectsSnapshotIsolationAndGivesItsConnectionBackAsItFoundIt() throws Exception {
    try (Connection physical = dataSource.getConnection()) {
      int isolation = physical.getTransactionIsolation();
      JdbcCrmStore onOne = JdbcCrmStore.create(oneConnection(physical));

      int seen = onOne.inSnapshot(snapshot -> snapshot.transactions().inTransaction(() -> {
        snapshot.customers().count(Criteria.all());
        return isolationOf(physical);
      }));
      assertThatThrownBy(() -> onOne.inSnapshot(snapshot -> {
        throw new IllegalStateException("boom");
      })).hasMessage("boom");

      assertThat(seen).isEqualTo(expectedIsolation());
      assertThat(physical.getAutoCommit()).isTrue();
      assertThat(physical.getTransactionIsolation()).isEqualTo(isolation);
      assertThat(physical.isClosed()).isFalse();
    }
  }

  @Test
  void aSnapshotInsideTheHostsTransactionIsRefusedInExternalMode() throws Exception {
    HostTransactions host = new HostTransactions(dataSource);
    JdbcCrmStore external = JdbcCrmStore.create(host,
        JdbcOptions.builder().transactionMode(TransactionMode.EXTERNAL).build());

    host.begin();
    try {
      assertThatThrownBy(() -> external.inSnapshot(snapshot -> snapshot.customers().count(Criteria.all())))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside the host's transaction");
    } finally {
      host.rollback();
    }
    long outside = external.inSnapshot(snapshot -> snapshot.customers().count(Criteria.all()));
    assertThat(outside).isEqualTo(store.customers().count(Criteria.all()));
  }

  private static int isolationOf(Connection connection) {
    try {
      return connection.getTransactionIsolation();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Customer tagged(int n, String tag) {
    return new Customer.Builder().from(TestCustomers.organisation(900 + n)).id(CustomerId.of(UUID.randomUUID()))
        .tags(List.of(tag)).externalReferences(List.of()).build();
  }

  private static Purchase purchaseOf(CustomerId customer) {
    return new Purchase.Builder().id(ActivityId.of(UUID.randomUUID())).customerId(customer)
        .occurredAt(TestCustomers.T0).amount(Money.of(CurrencyUnit.of("CNY"), 10)).channel("online").build();
  }

  /** A DataSource that always hands out {@code physical}, whose {@code close()} does nothing. */
  private static DataSource oneConnection(Connection physical) {
    Connection unclosable = (Connection) Proxy.newProxyInstance(SnapshotBehaviour.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            return null;
          }
          try {
            return method.invoke(physical, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    return (DataSource) Proxy.newProxyInstance(SnapshotBehaviour.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
          if (method.getName().equals("getConnection")) {
            return unclosable;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
