package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.common.CrmValidationException;
import io.crmkit.core.common.Rejection;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerField;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.Need;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.imports.CustomerImporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The core's customer import on a JDBC store (JDBC batches, and COPY on PostgreSQL) and hostile
 * values through every write path, run on H2 and PostgreSQL by subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BulkAndHostileBehaviour {
  /** Strings that break naive SQL, LIKE patterns, COPY text format, JSON or encodings. */
  static final List<String> HOSTILE = List.of(
      "O'Brien", "'; DROP TABLE crm_customer; --", "\" OR 1=1 --", "100%", "_under_score_", "back\\slash\\",
      "\\N", "\\.", "tab\there", "line\nbreak", "cr\rlf", "😀 emoji 🎉", "张伟 北京市朝阳区", "Ünïcödé ß",
      "\uD83D\uDE00\uE000\uFFFD", "{\"json\": [1, 2]}", "$1 ? :name");

  DataSource dataSource;
  JdbcCrmStore store;

  abstract DataSource newDatabase(String name);

  @BeforeAll
  void createStore() {
    dataSource = newDatabase(getClass().getSimpleName());
    store = JdbcCrmStore.create(dataSource);
  }

  @Test
  void hostileValuesAreStoredAndReadBackExactlyThroughSaveAndBulkLoads() {
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      customers.add(hostile(HOSTILE.get(i % HOSTILE.size()), i));
    }
    // The bulk loader validates rows as the facade does, and single-line text must not hold tabs or
    // line breaks; the port itself stores whatever the database can hold.
    List<Customer> bulk = new ArrayList<>();
    for (Customer customer : customers) {
      if (customer.displayName().chars().anyMatch(Character::isISOControl)) {
        store.customers().save(customer);
      } else {
        bulk.add(customer);
      }
    }
    assertThat(bulk.size()).isGreaterThan(100);
    CustomerImporter.Report report = importer().insertAll(bulk);
    assertThat(report.rejected()).isEmpty();

    for (Customer customer : customers) {
      assertThat(store.customers().findById(customer.id())).contains(customer.withVersion(1));
    }
    for (String value : HOSTILE) {
      List<Customer> expected = customers.stream().filter(c -> c.owner().equals(Optional.of(value)))
          .map(c -> c.withVersion(1)).toList();
      assertThat(find(Criteria.ownerIs(value))).as(value).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(find(Criteria.hasTag(value))).as(value).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(find(Criteria.attributeIs("raw", AttributeValue.text(value)))).as(value)
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(find(Criteria.codeStartsWith("hostile", value))).as(value)
          .containsExactlyInAnyOrderElementsOf(customers.stream()
              .filter(c -> c.dimensionCodes().get("hostile").startsWith(value)).map(c -> c.withVersion(1)).toList());
      assertThat(store.customers().findByExternalReference(ExternalReference.of("hostile", value + "#" + HOSTILE.indexOf(value))))
          .isPresent();
    }
  }

  @Test
  void tenThousandCharacterTextIsStoredWhereTheModelAllowsItAndRejectedClearlyWhereNot() {
    String big = "长".repeat(5_000) + "x'%_\\".repeat(1_000);
    Customer roomy = new Customer.Builder().from(TestCustomers.organisation(77))
        .id(CustomerId.of(UUID.randomUUID()))
        .addNeed(new Need.Builder().type("long").description(big).urgency(Need.Urgency.LOW)
            .frequency(Need.Frequency.ONCE).build())
        .addAddress(new PostalAddress.Builder().country("CN").line(big).build())
        .putAttribute("essay", AttributeValue.text(big))
        .build();
    store.customers().save(roomy);
    assertThat(store.customers().findById(roomy.id())).contains(roomy.withVersion(1));
    assertThat(find(Criteria.attributeIs("essay", AttributeValue.text(big)))).containsExactly(roomy.withVersion(1));

    Customer tooLong = new Customer.Builder().from(TestCustomers.organisation(78))
        .id(CustomerId.of(UUID.randomUUID())).displayName(big).owner(big).build();
    assertThatThrownBy(() -> store.customers().save(tooLong))
        .isInstanceOf(CrmValidationException.class)
        .satisfies(e -> assertThat(((CrmValidationException) e).violations()).extracting(Violation::path)
            .containsExactly("displayName", "owner"));
    assertThat(store.customers().findById(tooLong.id())).isEmpty();
  }

  @Test
  void nulCharactersAreAValidationErrorNeverASqlError() {
    Customer nul = new Customer.Builder().from(TestCustomers.organisation(79))
        .id(CustomerId.of(UUID.randomUUID())).owner("a\u0000b").putAttribute("x", AttributeValue.text("\u0000")).build();
    assertThatThrownBy(() -> store.customers().save(nul))
        .isInstanceOf(CrmValidationException.class)
        .hasMessageContaining("NUL")
        .satisfies(e -> assertThat(((CrmValidationException) e).violations()).extracting(Violation::path)
            .containsExactly("owner", "attributes[x]"));
    assertThatThrownBy(() -> store.customers().count(Criteria.ownerIs("a\u0000b")))
        .isInstanceOf(CrmValidationException.class);
    assertThatThrownBy(() -> store.customers().findByExternalReference(ExternalReference.of("erp", "\u0000")))
        .isInstanceOf(CrmValidationException.class);
    CustomerImporter.Report report = importer().insertAll(List.of(nul, TestCustomers.organisation(80)));
    assertThat(report.inserted()).isEqualTo(1);
    assertThat(report.rejected()).singleElement().extracting(BulkAndHostileBehaviour::row).isEqualTo(1L);
  }

  @Test
  void extremeDatesAndInstantsInCriteriaNeverFail() {
    assertThat(store.customers().count(Criteria.eq(CustomerField.BIRTH_DATE, java.time.LocalDate.MIN))).isZero();
    assertThat(store.customers().count(Criteria.below(CustomerField.BIRTH_DATE, java.time.LocalDate.of(-5, 1, 1))))
        .isZero();
    long all = store.customers().count(Criteria.all());
    assertThat(store.customers().count(Criteria.createdBetween(java.time.Instant.MIN, java.time.Instant.MAX)))
        .isEqualTo(all);
    assertThat(store.customers().count(Criteria.atLeast(CustomerField.CREATED_AT, java.time.Instant.MAX))).isZero();
  }

  @Test
  void insertAllReportsEveryBadRowWithItsReasonsAndWritesTheGoodOnes() {
    Customer existing = store.customers().save(new Customer.Builder().from(TestCustomers.organisation(90))
        .id(CustomerId.of(UUID.randomUUID())).addExternalReference(ExternalReference.of("crm-test", "taken")).build());
    Customer good = fresh(91);
    Customer blankName = new Customer.Builder().from(fresh(92)).displayName(" ").build();
    Customer sameIdAsGood = new Customer.Builder().from(fresh(93)).id(good.id()).build();
    Customer existingId = new Customer.Builder().from(fresh(94)).id(existing.id()).build();
    Customer takenReference = new Customer.Builder().from(fresh(95))
        .addExternalReference(ExternalReference.of("crm-test", "taken")).build();
    Customer alsoGood = fresh(96);

    CustomerImporter.Report report = importer()
        .insertAll(List.of(good, blankName, sameIdAsGood, existingId, takenReference, alsoGood));

    assertThat(report.inserted()).isEqualTo(2);
    assertThat(report.rejected()).extracting(BulkAndHostileBehaviour::row).containsExactly(2L, 3L, 4L, 5L);
    assertThat(report.rejected().get(0).violations()).extracting(Violation::path).contains("displayName");
    assertThat(report.rejected().get(1).violations()).extracting(Violation::rule).containsExactly("UniqueInBatch");
    assertThat(report.rejected().get(2).toString()).contains("already exists");
    assertThat(report.rejected().get(3).toString()).contains("crm-test:taken", "already belongs");
    assertThat(store.customers().findById(good.id())).contains(good.withVersion(1));
    assertThat(store.customers().findById(alsoGood.id())).contains(alsoGood.withVersion(1));
    assertThat(store.customers().findById(existing.id())).contains(existing);
  }

  @Test
  void upsertByExternalReferenceIsIdempotentAndUpdatesOnlyWhatChanged() {
    String system = "erp-" + UUID.randomUUID();
    List<NewCustomer> records = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      records.add(record(system, i, "Bonn"));
    }
    CustomerImporter.Report first = importer().upsertByExternalReference(system, records);
    assertThat(first.inserted()).isEqualTo(300);

    CustomerImporter.Report again = importer().upsertByExternalReference(system, records);
    assertThat(again.inserted()).isZero();
    assertThat(again.updated()).isZero();
    assertThat(again.unchanged()).isEqualTo(300);
    Customer before = store.customers().findByExternalReference(ExternalReference.of(system, "K-7")).orElseThrow();

    List<NewCustomer> changed = new ArrayList<>(records);
    changed.set(7, record(system, 7, "Köln"));
    changed.add(record(system, 300, "Ulm"));
    changed.add(NewCustomer.organisation("No Key GmbH").build());
    CustomerImporter.Report third = importer().upsertByExternalReference(system, changed);

    assertThat(third.updated()).isEqualTo(1);
    assertThat(third.inserted()).isEqualTo(1);
    assertThat(third.unchanged()).isEqualTo(299);
    assertThat(third.rejected()).singleElement().satisfies(rejection -> {
      assertThat(row(rejection)).isEqualTo(302);
      assertThat(rejection.subject()).isEqualTo("row 302");
      assertThat(rejection.violations()).extracting(Violation::rule).containsExactly("UpsertKey");
    });
    Customer after = store.customers().findByExternalReference(ExternalReference.of(system, "K-7")).orElseThrow();
    assertThat(after.id()).isEqualTo(before.id());
    assertThat(after.version()).isEqualTo(2);
    assertThat(after.createdAt()).isEqualTo(before.createdAt());
    assertThat(after.addresses().get(0).city()).contains("Köln");
    try (Stream<Customer> all = store.customers().stream(Criteria.all())) {
      assertThat(all.filter(c -> c.externalReferences().stream().anyMatch(r -> r.system().equals(system))).count())
          .isEqualTo(301);
    }
  }

  @Test
  void anUpsertUpdatesDetailsButNeverMovesAStoredCustomersStage() {
    String system = "erp-" + UUID.randomUUID();
    importer().upsertByExternalReference(system, List.of(record(system, 1, "Bonn")));
    Customer imported = store.customers().findByExternalReference(ExternalReference.of(system, "K-1")).orElseThrow();
    Customer active = store.customers().save(imported.withStage(LifecycleStage.ACTIVE));

    CustomerImporter.Report again = importer().upsertByExternalReference(system, List.of(record(system, 1, "Bonn")));
    CustomerImporter.Report moved = importer().upsertByExternalReference(system, List.of(record(system, 1, "Köln")));

    assertThat(again.unchanged()).isEqualTo(1);
    assertThat(moved.updated()).isEqualTo(1);
    Customer after = store.customers().findById(active.id()).orElseThrow();
    assertThat(after.stage()).isEqualTo(LifecycleStage.ACTIVE);
    assertThat(after.addresses().get(0).city()).contains("Köln");
  }

  @Test
  void aRejectedRowDoesNotTakeDownALaterGoodRowWithTheSameKeys() {
    Customer good = new Customer.Builder().from(fresh(97))
        .addExternalReference(ExternalReference.of("crm-test", "twin-" + UUID.randomUUID())).build();
    Customer badTwin = new Customer.Builder().from(good).displayName(" ").build();

    CustomerImporter.Report inserted = importer().insertAll(List.of(badTwin, good));

    assertThat(inserted.inserted()).isEqualTo(1);
    assertThat(inserted.rejected()).singleElement().satisfies(rejection -> {
      assertThat(row(rejection)).isEqualTo(1);
      assertThat(rejection.subject()).isEqualTo(good.id().toString());
      assertThat(rejection.violations()).extracting(Violation::path).containsExactly("displayName");
    });
    assertThat(store.customers().findById(good.id())).contains(good.withVersion(1));

    String system = "erp-" + UUID.randomUUID();
    NewCustomer valid = record(system, 1, "Bonn");
    CustomerImporter.Report upserted = importer().upsertByExternalReference(system,
        List.of(new NewCustomer.Builder().from(valid).displayName(" ").build(), valid));

    assertThat(upserted.inserted()).isEqualTo(1);
    assertThat(upserted.rejected()).extracting(BulkAndHostileBehaviour::row).containsExactly(1L);
  }

  @Test
  void importsRacingOverTheSameNewCustomersAllCompleteAndStoreEachOnce() throws Exception {
    for (int round = 0; round < 10; round++) {
      String system = "erp-" + UUID.randomUUID();
      List<NewCustomer> records = List.of(record(system, 1, "Bonn"), record(system, 2, "Ulm"));
      List<Customer> customers = List.of(fresh(98), fresh(99));

      List<CustomerImporter.Report> upserts =
          Race.run(3, racer -> () -> importer().upsertByExternalReference(system, records));
      List<CustomerImporter.Report> inserts = Race.run(3, racer -> () -> importer().insertAll(customers));

      assertThat(upserts).allSatisfy(report -> assertThat(report.rejected()).isEmpty());
      assertThat(upserts.stream().mapToInt(CustomerImporter.Report::inserted).sum()).isEqualTo(2);
      try (Stream<Customer> all = store.customers().stream(Criteria.all())) {
        assertThat(all.filter(c -> c.externalReferences().stream().anyMatch(r -> r.system().equals(system))))
            .hasSize(2);
      }
      assertThat(inserts.stream().mapToInt(CustomerImporter.Report::inserted).sum()).isEqualTo(2);
      assertThat(inserts.stream().flatMap(report -> report.rejected().stream()).map(Rejection::toString))
          .allMatch(text -> text.contains("already exists") || text.contains("already belongs"));
    }
  }

  /** The core's importer on the JDBC store, with its default settings. */
  private CustomerImporter importer() {
    return CustomerImporter.on(store);
  }

  private static long row(Rejection rejection) {
    return rejection.position().orElseThrow();
  }

  private static NewCustomer record(String system, int n, String city) {
    return NewCustomer.person("Meyer", "Eva " + n)
        .addAddress(new PostalAddress.Builder().country("DE").city(city).build())
        .addExternalReference(ExternalReference.of(system, "K-" + n))
        .build();
  }

  private static Customer fresh(int n) {
    return new Customer.Builder().from(TestCustomers.organisation(n)).id(CustomerId.of(UUID.randomUUID())).build();
  }

  private List<Customer> find(Criteria criteria) {
    try (Stream<Customer> stream = store.customers().stream(criteria)) {
      return stream.toList();
    }
  }

  private static Customer hostile(String value, int n) {
    return new Customer.Builder().from(TestCustomers.fullPerson(n))
        .id(CustomerId.of(UUID.randomUUID()))
        .displayName(value)
        .owner(value)
        .tags(List.of(value, "n" + n))
        .putDimensionCode("hostile", value + n)
        .putAttribute("raw", AttributeValue.text(value))
        .putAttribute("multiline", AttributeValue.text("tab\there\r\nnew line \\N " + value))
        .externalReferences(List.of(ExternalReference.of("hostile", value + "#" + n)))
        .addAddress(new PostalAddress.Builder().country("CN").line(value).street(value).build())
        .build();
  }
}
