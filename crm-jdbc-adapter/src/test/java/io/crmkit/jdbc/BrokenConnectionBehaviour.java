package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.common.CrmStorageException;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.imports.CustomerImporter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A connection that breaks in the middle of a bulk operation: the operation rolls back completely,
 * and running it again completes it with no duplicate and no loss. Run on H2 and PostgreSQL.
 */
abstract class BrokenConnectionBehaviour {
  /** Calls counted towards the break: every statement execution, batch and COPY unwrap. */
  static final Set<String> STEPS = Set.of("executeBatch", "executeUpdate", "executeQuery", "execute", "unwrap");

  abstract DataSource newDatabase(String name);

  @Test
  void aConnectionBreakingMidInsertRollsTheBatchBackAndARetryLoadsEveryRowOnce() {
    DataSource healthy = newDatabase("broken_insert");
    FaultyDataSource faulty = new FaultyDataSource(healthy, STEPS);
    JdbcCrmStore store = JdbcCrmStore.create(faulty);
    List<Customer> rows = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      rows.add(new Customer.Builder().from(TestCustomers.fullPerson(i)).id(CustomerId.of(UUID.randomUUID())).build());
    }

    faulty.arm(breakStepOfInsert());
    assertThatThrownBy(() -> CustomerImporter.on(store).insertAll(rows))
        .isInstanceOf(CrmStorageException.class)
        .hasMessageContaining("bulk insert of 2500 customers");
    assertThat(faulty.broke()).isTrue();
    assertThat(store.customers().count(Criteria.all())).isZero();
    assertThat(tableRows(healthy, "crm_customer_tag")).isZero();

    CustomerImporter.Report retry = CustomerImporter.on(store).insertAll(rows);
    assertThat(retry.inserted()).isEqualTo(2_500);
    assertExactly(store, rows.stream().map(Customer::id).toList());
    assertThat(tableRows(healthy, "crm_customer_tag")).isEqualTo(5_000);
    assertThat(tableRows(healthy, "crm_external_ref")).isEqualTo(2_500);
  }

  @Test
  void aConnectionBreakingMidUpsertRollsBackInsertsAndUpdatesAndARetryCompletesIt() {
    DataSource healthy = newDatabase("broken_upsert");
    FaultyDataSource faulty = new FaultyDataSource(healthy, STEPS);
    JdbcCrmStore store = JdbcCrmStore.create(faulty);
    List<NewCustomer> records = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      records.add(TestCustomers.erpRecord(i, "Bonn"));
    }
    assertThat(CustomerImporter.on(store).upsertByExternalReference("erp", records).inserted()).isEqualTo(1_200);

    List<NewCustomer> second = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      second.add(i % 2 == 0 ? TestCustomers.erpRecord(i, "Mainz") : TestCustomers.erpRecord(i, "Bonn"));
    }
    faulty.arm(breakStepOfUpsert());
    assertThatThrownBy(() -> CustomerImporter.on(store).upsertByExternalReference("erp", second))
        .isInstanceOf(CrmStorageException.class);
    assertThat(faulty.broke()).isTrue();
    assertThat(store.customers().count(Criteria.all())).isEqualTo(1_200);
    assertThat(cities(store)).containsOnly("Bonn");

    CustomerImporter.Report retry = CustomerImporter.on(store).upsertByExternalReference("erp", second);
    assertThat(retry.inserted()).isEqualTo(300);
    assertThat(retry.updated()).isEqualTo(600);
    assertThat(retry.unchanged()).isEqualTo(600);
    assertThat(store.customers().count(Criteria.all())).isEqualTo(1_500);
    for (int i = 0; i < 1_500; i += 97) {
      assertThat(store.customers().findByExternalReference(ExternalReference.of("erp", "E-" + i)))
          .get().extracting(c -> c.addresses().get(0).city().orElseThrow())
          .isEqualTo(i % 2 == 0 ? "Mainz" : "Bonn");
    }
    assertThat(CustomerImporter.on(store).upsertByExternalReference("erp", second).unchanged()).isEqualTo(1_500);
  }

  /** The step that breaks a 2,500-row insert after some rows were written. */
  abstract int breakStepOfInsert();

  /** The step that breaks an upsert after its inserts were written and during its updates. */
  abstract int breakStepOfUpsert();

  private static void assertExactly(JdbcCrmStore store, List<CustomerId> expected) {
    try (Stream<Customer> all = store.customers().stream(Criteria.all())) {
      List<CustomerId> stored = all.map(Customer::id).toList();
      assertThat(new HashSet<>(stored)).hasSize(stored.size()).isEqualTo(new HashSet<>(expected));
    }
  }

  private static Set<String> cities(JdbcCrmStore store) {
    try (Stream<Customer> all = store.customers().stream(Criteria.all())) {
      Set<String> cities = new HashSet<>();
      all.forEach(c -> c.addresses().stream().map(PostalAddress::city).forEach(city -> cities.add(city.orElse(""))));
      return cities;
    }
  }

  static long tableRows(DataSource dataSource, String table) {
    try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
        var rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
