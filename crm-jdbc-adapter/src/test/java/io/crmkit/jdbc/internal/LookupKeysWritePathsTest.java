package io.crmkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.LookupKey;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.PersonIdentifier;
import io.crmkit.core.imports.CustomerImporter;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every path that writes customers keeps the lookup table equal to {@code LookupKey.of} of what is
 * stored, in the same transaction: a single save, an update that changes a phone, the importer's
 * batch insert (COPY on PostgreSQL from 100 rows) and its upsert.
 */
class LookupKeysWritePathsTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aSaveWritesTheKeysAndAnUpdateReplacesThem(String dialect) throws SQLException {
    DataSource dataSource = database(dialect);
    JdbcCrmStore store = JdbcCrmStore.create(dataSource);
    Customer saved = store.customers().save(person(1, "+8613812345678"));
    assertThat(storedKeys(dataSource)).isEqualTo(expectedKeys(store));
    assertThat(store.customers().count(Criteria.hasPhone("138 1234 5678", "CN"))).isOne();

    Customer changed = new Customer.Builder().from(saved)
        .contactPoints(List.of(ContactPoint.phone("+8613987654321"), ContactPoint.email("new@example.cn")))
        .build();
    store.customers().save(changed);

    assertThat(storedKeys(dataSource)).isEqualTo(expectedKeys(store));
    assertThat(store.customers().count(Criteria.hasPhone("138 1234 5678", "CN"))).isZero();
    assertThat(store.customers().count(Criteria.hasPhone("139-8765-4321", "CN"))).isOne();
    assertThat(store.customers().count(Criteria.hasEmail("new@EXAMPLE.cn"))).isOne();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aLargeImportWritesTheKeysOfEveryRowAndAnUpsertReplacesTheChangedOnes(String dialect) throws SQLException {
    DataSource dataSource = database(dialect);
    JdbcCrmStore store = JdbcCrmStore.create(dataSource);
    List<Customer> rows = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      rows.add(person(i, String.format("+86138%08d", i)));
    }
    assertThat(CustomerImporter.on(store).insertAll(rows).inserted()).isEqualTo(150);
    assertThat(storedKeys(dataSource)).isEqualTo(expectedKeys(store)).hasSizeGreaterThan(150 * 4);
    assertThat(store.customers().count(Criteria.hasPhone("+86 138 0000 0149"))).isOne();
    assertThat(store.customers().count(Criteria.hasPersonIdentifier(PersonIdentifier.CN_RIN, rin(7).toLowerCase())))
        .isOne();

    List<NewCustomer> updates = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      updates.add(NewCustomer.person("Li", "Na " + i)
          .addContactPoint(ContactPoint.phone(String.format("+86139%08d", i)))
          .addExternalReference(ExternalReference.of("erp", "P-" + i)).build());
    }
    CustomerImporter.Report report = CustomerImporter.on(store).upsertByExternalReference("erp", updates);

    assertThat(report.updated()).isEqualTo(120);
    assertThat(storedKeys(dataSource)).isEqualTo(expectedKeys(store));
    assertThat(store.customers().count(Criteria.hasPhone("+86 138 0000 0007"))).isZero();
    assertThat(store.customers().count(Criteria.hasPhone("+86 139 0000 0007"))).isOne();
    assertThat(store.customers().count(Criteria.hasPhone("+86 138 0000 0140"))).isOne();
    assertThat(store.customers().count(Criteria.nameStartsWith("li"))).isEqualTo(120);
  }

  static Customer person(int n, String phone) {
    return new Customer.Builder().from(NewCustomer.person("Wang", "Fang " + n)
            .addContactPoint(ContactPoint.phone(phone))
            .addContactPoint(ContactPoint.email("Fang" + n + "@Example.com"))
            .addPersonIdentifier(PersonIdentifier.residentIdentityNumber(rin(n)))
            .addExternalReference(ExternalReference.of("erp", "P-" + n)).build())
        .id(CustomerId.of(new UUID(42, n))).version(0)
        .createdAt(java.time.Instant.parse("2025-01-01T00:00:00Z"))
        .updatedAt(java.time.Instant.parse("2025-01-01T00:00:00Z")).build();
  }

  /** A valid resident identity number, born in 1980, sequence {@code n}. */
  static String rin(int n) {
    String first17 = "11010519800101" + String.format("%03d", n % 1000);
    return first17 + io.crmkit.core.identifier.ResidentIdentityNumber.computeCheckCharacter(first17);
  }

  static Set<List<String>> storedKeys(DataSource dataSource) throws SQLException {
    Set<List<String>> keys = new HashSet<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT key_type, key_value, customer_id FROM crm_customer_lookup");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        keys.add(List.of(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class).toString()));
      }
    }
    return keys;
  }

  static Set<List<String>> expectedKeys(JdbcCrmStore store) {
    Set<List<String>> keys = new HashSet<>();
    try (var customers = store.customers().stream(Criteria.all())) {
      customers.forEach(customer -> {
        for (LookupKey key : LookupKey.of(customer)) {
          keys.add(List.of(key.type(), key.value(), customer.id().value().toString()));
        }
      });
    }
    return keys;
  }

  private static DataSource database(String dialect) {
    String name = "lookup_writes_" + DATABASES.incrementAndGet();
    return dialect.equals("h2") ? TestDatabases.h2(name) : TestDatabases.postgres(name);
  }
}
