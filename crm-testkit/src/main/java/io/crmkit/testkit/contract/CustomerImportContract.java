package io.crmkit.testkit.contract;

import static io.crmkit.testkit.contract.ImportRows.customer;
import static io.crmkit.testkit.contract.ImportRows.invalid;
import static io.crmkit.testkit.contract.ImportRows.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.crmkit.core.common.DuplicateKeyException;
import io.crmkit.core.common.Rejection;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.AttributeValue;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerBatches;
import io.crmkit.core.customer.CustomerChanges;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.imports.CustomerImporter;
import io.crmkit.core.store.CrmStore;
import io.crmkit.testkit.CrmArbitraries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The contract of customer import on a store: the core's {@code CustomerImporter} over the
 * store's {@link CustomerBatches} port must give the same results on every store. Extend it with a
 * store of your technology; crmkit runs it on memory, H2 and PostgreSQL (whose large batches go
 * through {@code COPY}).
 *
 * <pre>{@code
 * class InMemoryCustomerImportTest extends CustomerImportContract {
 *   protected CrmStore newStore() { return InMemoryCrmStore.create(); }
 * }
 * }</pre>
 *
 * <p>It proves: every rejected row comes back with its 1-based row number and each reason (field
 * path and rule); every good row is kept with its details; re-running an upsert changes nothing;
 * imports racing over the same new customers all complete and store each once; an upsert never
 * moves a stored customer's lifecycle stage; keys repeated within a batch, or held by another
 * stored customer, are rejected, and a rejected row claims no key; an insert of a customer whose
 * version is not 0 is rejected; a large batch gives the results a small one does. Every example
 * uses a system and ids of its own, so the store may be shared between them.
 */
public abstract class CustomerImportContract {
  private static final int RACERS = 3;
  private static final int RACE_ROUNDS = 5;

  /** A store of the technology under test; it may be shared between examples. */
  protected abstract CrmStore newStore();

  /** The importer under test on {@code store}; the default settings unless overridden. */
  protected CustomerImporter importer(CrmStore store) {
    return CustomerImporter.on(store);
  }

  @Example
  public void everyRejectedRowComesBackWithItsRowNumberAndEachReason() {
    CrmStore store = newStore();
    String system = ImportRows.system();
    NewCustomer noKeyAndNoName = invalid(NewCustomer.person("Braun", "Jonas").build());
    NewCustomer twoKeys = new NewCustomer.Builder().from(record(system, 4, "Ulm"))
        .addExternalReference(ExternalReference.of(system, "K-4b")).build();

    CustomerImporter.Report report = importer(store).upsertByExternalReference(system,
        List.of(record(system, 1, "Bonn"), noKeyAndNoName, record(system, 3, "Köln"), twoKeys,
            invalid(record(system, 5, "Jena"))));

    assertThat(report.inserted()).isEqualTo(2);
    assertThat(report.rows()).isEqualTo(5);
    assertThat(positions(report)).containsExactly(2L, 4L, 5L);
    assertThat(report.rejected()).extracting(Rejection::subject).containsExactly("row 2", "row 4", system + ":K-5");
    assertThat(report.rejected().get(0).violations()).extracting(Violation::path, Violation::rule)
        .containsExactlyInAnyOrder(tuple("displayName", "NotBlank"), tuple("externalReferences", "UpsertKey"));
    assertThat(report.rejected().get(1).violations()).extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("externalReferences", "UpsertKey"));
    assertThat(report.rejected().get(2).violations()).extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("displayName", "NotBlank"));
    assertThat(keyed(store, system)).hasSize(2);
  }

  @Example
  public void everyGoodRowIsKeptWithItsDetails() {
    CrmStore store = newStore();
    String system = ImportRows.system();
    List<Customer> customers = List.of(customer("Kept One"), customer("Kept Two"));
    List<NewCustomer> records = List.of(record(system, 1, "Bonn"), record(system, 2, "Ulm"));

    CustomerImporter.Report inserted = importer(store).insertAll(customers);
    CustomerImporter.Report upserted = importer(store).upsertByExternalReference(system, records);

    assertThat(inserted).isEqualTo(new CustomerImporter.Report(2, 0, 0, List.of()));
    assertThat(upserted).isEqualTo(new CustomerImporter.Report(2, 0, 0, List.of()));
    for (Customer customer : customers) {
      assertThat(store.customers().findById(customer.id())).contains(customer.withVersion(1));
    }
    for (NewCustomer record : records) {
      Customer stored = store.customers().findByExternalReference(ImportRows.keyOf(system, record)).orElseThrow();
      assertThat(CustomerChanges.between(stored, record)).isEmpty();
      assertThat(stored.version()).isEqualTo(1);
      assertThat(stored.updatedAt()).isEqualTo(stored.createdAt());
    }
  }

  @Example
  public void reRunningTheSameUpsertChangesNothing() {
    CrmStore store = newStore();
    String system = ImportRows.system();
    List<NewCustomer> records = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      records.add(record(system, i, "Bonn"));
    }
    importer(store).upsertByExternalReference(system, records);
    List<Customer> before = keyed(store, system);

    CustomerImporter.Report again = importer(store).upsertByExternalReference(system, records);

    assertThat(again).isEqualTo(new CustomerImporter.Report(0, 0, 20, List.of()));
    assertThat(keyed(store, system)).containsExactlyInAnyOrderElementsOf(before);
  }

  @Example
  public void aChangedRecordUpdatesItsCustomerAndKeepsItsIdAndCreationTime() {
    CrmStore store = newStore();
    String system = ImportRows.system();
    importer(store).upsertByExternalReference(system, List.of(record(system, 1, "Bonn"), record(system, 2, "Ulm")));
    Customer before = store.customers().findByExternalReference(ExternalReference.of(system, "K-1")).orElseThrow();

    CustomerImporter.Report report = importer(store).upsertByExternalReference(system,
        List.of(record(system, 1, "Köln"), record(system, 2, "Ulm"), record(system, 3, "Jena")));

    assertThat(report).isEqualTo(new CustomerImporter.Report(1, 1, 1, List.of()));
    Customer after = store.customers().findByExternalReference(ExternalReference.of(system, "K-1")).orElseThrow();
    assertThat(after.id()).isEqualTo(before.id());
    assertThat(after.version()).isEqualTo(2);
    assertThat(after.createdAt()).isEqualTo(before.createdAt());
    assertThat(after.updatedAt()).isAfterOrEqualTo(after.createdAt());
    assertThat(after.addresses().get(0).city()).contains("Köln");
    assertThat(keyed(store, system)).hasSize(3);
  }

  @Example
  public void anUpsertNeverMovesAStoredCustomersStage() {
    CrmStore store = newStore();
    String system = ImportRows.system();
    importer(store).upsertByExternalReference(system, List.of(record(system, 1, "Bonn")));
    Customer imported = store.customers().findByExternalReference(ExternalReference.of(system, "K-1")).orElseThrow();
    store.customers().save(imported.withStage(LifecycleStage.ACTIVE));
    NewCustomer won = new NewCustomer.Builder().from(record(system, 2, "Ulm")).stage(LifecycleStage.NEW).build();

    CustomerImporter.Report same =
        importer(store).upsertByExternalReference(system, List.of(record(system, 1, "Bonn")));
    CustomerImporter.Report moved =
        importer(store).upsertByExternalReference(system, List.of(record(system, 1, "Köln"), won));

    assertThat(same).isEqualTo(new CustomerImporter.Report(0, 0, 1, List.of()));
    assertThat(moved).isEqualTo(new CustomerImporter.Report(1, 1, 0, List.of()));
    Customer after = store.customers().findById(imported.id()).orElseThrow();
    assertThat(after.stage()).isEqualTo(LifecycleStage.ACTIVE);
    assertThat(after.addresses().get(0).city()).contains("Köln");
    assertThat(store.customers().findByExternalReference(ExternalReference.of(system, "K-2")))
        .get().extracting(Customer::stage).isEqualTo(LifecycleStage.NEW);
  }

  @Example
  public void aKeyRepeatedInOneBatchIsRejectedButARejectedRowClaimsNoKey() {
    CrmStore store = newStore();
    String system = ImportRows.system();
    ExternalReference shared = ExternalReference.of("crm-" + system, "shared");
    NewCustomer withShared = new NewCustomer.Builder().from(record(system, 3, "Jena"))
        .addExternalReference(shared).build();
    NewCustomer alsoShared = new NewCustomer.Builder().from(record(system, 4, "Gera"))
        .addExternalReference(shared).build();
    List<NewCustomer> rows = List.of(invalid(record(system, 1, "Bonn")), record(system, 1, "Bonn"),
        record(system, 1, "Ulm"), withShared, alsoShared);

    CustomerImporter.Report upserted = importer(store).upsertByExternalReference(system, rows);

    assertThat(upserted.inserted()).isEqualTo(2);
    assertThat(positions(upserted)).containsExactly(1L, 3L, 5L);
    assertThat(upserted.rejected().get(1).violations()).singleElement()
        .satisfies(violation -> assertThat(violation.rule()).isEqualTo("UniqueInBatch"))
        .satisfies(violation -> assertThat(violation.message()).contains(system + ":K-1", "row 2"));
    assertThat(upserted.rejected().get(2).violations()).extracting(Violation::rule).containsExactly("UniqueInBatch");
    assertThat(store.customers().findByExternalReference(ExternalReference.of(system, "K-1")))
        .get().satisfies(stored -> assertThat(stored.addresses().get(0).city()).contains("Bonn"));

    Customer good = customer("Twin");
    Customer badTwin = new Customer.Builder().from(good).displayName(" ").build();
    Customer sameId = new Customer.Builder().from(customer("Other")).id(good.id()).build();
    CustomerImporter.Report inserted = importer(store).insertAll(List.of(badTwin, good, sameId));

    assertThat(inserted.inserted()).isEqualTo(1);
    assertThat(positions(inserted)).containsExactly(1L, 3L);
    assertThat(inserted.rejected().get(1).violations()).extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("id", "UniqueInBatch"));
    assertThat(store.customers().findById(good.id())).contains(good.withVersion(1));
  }

  @Example
  public void aKeyHeldByAnotherStoredCustomerIsRejected() {
    CrmStore store = newStore();
    String system = ImportRows.system();
    ExternalReference taken = ExternalReference.of("crm-" + system, "taken");
    ExternalReference alsoTaken = ExternalReference.of("crm-" + system, "also-taken");
    Customer holder = store.customers().save(new Customer.Builder().from(customer("Holder"))
        .addExternalReference(taken).addExternalReference(alsoTaken).build());
    importer(store).upsertByExternalReference(system, List.of(record(system, 2, "Ulm")));
    Customer second = store.customers().findByExternalReference(ExternalReference.of(system, "K-2")).orElseThrow();

    CustomerImporter.Report upserted = importer(store).upsertByExternalReference(system, List.of(
        new NewCustomer.Builder().from(record(system, 1, "Bonn")).addExternalReference(taken).build(),
        new NewCustomer.Builder().from(record(system, 2, "Ulm")).addExternalReference(alsoTaken).build()));
    CustomerImporter.Report inserted = importer(store).insertAll(List.of(
        new Customer.Builder().from(customer("Taker")).addExternalReference(taken).build(),
        new Customer.Builder().from(customer("Same Id")).id(holder.id()).build()));

    assertThat(upserted.inserted() + upserted.updated()).isZero();
    assertThat(upserted.rejected()).hasSize(2).allSatisfy(rejection -> assertThat(rejection.violations())
        .extracting(Violation::path, Violation::rule).containsExactly(tuple("externalReferences", "UniqueReference")))
        .allSatisfy(rejection -> assertThat(rejection.toString()).contains("crm-" + system, holder.id().toString()));
    assertThat(inserted.inserted()).isZero();
    assertThat(inserted.rejected().get(0).violations()).extracting(Violation::rule).containsExactly("UniqueReference");
    assertThat(inserted.rejected().get(1).violations()).extracting(Violation::path).containsExactly("id");
    assertThat(store.customers().findById(holder.id())).contains(holder);
    assertThat(store.customers().findById(second.id())).contains(second);
    assertThat(keyed(store, system)).hasSize(1);
  }

  @Example
  public void insertAllOfACustomerWhoseVersionIsNotZeroIsRejected() {
    CrmStore store = newStore();
    Customer stale = customer("Versioned").withVersion(3);
    Customer fresh = customer("Fresh");

    CustomerImporter.Report report = importer(store).insertAll(List.of(stale, fresh));

    assertThat(report.inserted()).isEqualTo(1);
    assertThat(report.rejected()).singleElement().satisfies(rejection -> {
      assertThat(rejection.subject()).isEqualTo(stale.id().toString());
      assertThat(rejection.position()).hasValue(1);
      assertThat(rejection.violations()).extracting(Violation::path).containsExactly("version");
    });
    assertThat(store.customers().findById(stale.id())).isEmpty();
  }

  @Example
  public void importsRacingOverTheSameNewCustomersAllCompleteAndStoreEachOnce() {
    CrmStore store = newStore();
    for (int round = 0; round < RACE_ROUNDS; round++) {
      String system = ImportRows.system();
      List<NewCustomer> records =
          List.of(record(system, 1, "Bonn"), record(system, 2, "Ulm"), record(system, 3, "Jena"));
      List<Customer> customers = List.of(customer("Race A"), customer("Race B"));

      List<CustomerImporter.Report> upserts = Concurrently.run(RACERS,
          racer -> () -> importer(store).upsertByExternalReference(system, records));
      List<CustomerImporter.Report> inserts =
          Concurrently.run(RACERS, racer -> () -> importer(store).insertAll(customers));

      assertThat(upserts).allSatisfy(report -> assertThat(report.rejected()).isEmpty());
      assertThat(upserts.stream().mapToInt(CustomerImporter.Report::inserted).sum()).isEqualTo(records.size());
      assertThat(keyed(store, system)).hasSize(records.size());
      assertThat(inserts.stream().mapToInt(CustomerImporter.Report::inserted).sum()).isEqualTo(customers.size());
      assertThat(inserts.stream().flatMap(report -> report.rejected().stream()).flatMap(r -> r.violations().stream()))
          .allSatisfy(violation -> assertThat(violation.message()).containsAnyOf("already exists", "already belongs"));
      for (Customer customer : customers) {
        assertThat(store.customers().findById(customer.id())).contains(customer.withVersion(1));
      }
    }
  }

  @Example
  public void aLargeBatchGivesTheResultsOfASmallOne() {
    CrmStore store = newStore();
    for (int size : new int[] {12, 150}) {
      String system = ImportRows.system();
      List<NewCustomer> rows = ImportRows.recipe(system, size);
      List<Boolean> valid = rows.stream().map(row -> !row.displayName().isBlank()).toList();
      ImportRows.Expected expected = ImportRows.expected(system, rows, valid);

      CustomerImporter.Report first = importer(store).upsertByExternalReference(system, rows);
      CustomerImporter.Report again = importer(store).upsertByExternalReference(system, rows);

      assertThat(first.inserted()).as("size %d", size).isEqualTo(expected.kept().size());
      assertThat(positions(first)).as("size %d", size).isEqualTo(expected.rejectedRows());
      assertThat(again).as("size %d", size)
          .isEqualTo(new CustomerImporter.Report(0, 0, expected.kept().size(), first.rejected()));
      assertKept(store, system, expected.kept());

      List<Customer> customers = new ArrayList<>();
      for (int i = 1; i <= size; i++) {
        Customer customer = customer("Large " + i);
        customers.add(i % 9 == 0 ? customer.withVersion(1) : customer);
      }
      CustomerImporter.Report inserted = importer(store).insertAll(customers);
      assertThat(inserted.inserted()).as("size %d", size).isEqualTo(size - size / 9);
      assertThat(positions(inserted)).as("size %d", size)
          .allSatisfy(row -> assertThat(row % 9).isZero()).hasSize(size / 9);
      customers.stream().filter(customer -> customer.version() == 0).forEach(customer ->
          assertThat(store.customers().findById(customer.id())).contains(customer.withVersion(1)));
    }
  }

  @Example
  public void aChainOfCopiesWhoseCustomerChangedMeanwhileWritesNothingOfIt() {
    CrmStore store = newStore();
    Customer read = ImportRows.customer("Chained");
    store.customerBatches().insertAll(List.of(read));
    read = read.withVersion(1);
    Customer other = store.customers().save(read.withOwner("other-writer"));
    Customer first = read.withTier(ValueTier.HIGH);
    Customer second = first.withVersion(2).withTier(ValueTier.LOW);

    assertThat(store.customerBatches().updateAll(List.of(first, second))).isEmpty();
    assertThat(store.customers().findById(read.id())).as("the other writer's change kept").contains(other);
  }

  @Example
  public void copiesOfOneCustomerAtVersionsThatAreNotConsecutiveAreRefused() {
    CrmStore store = newStore();
    Customer read = ImportRows.customer("Gapped");
    store.customerBatches().insertAll(List.of(read));
    Customer first = read.withVersion(1).withTier(ValueTier.HIGH);

    assertThatThrownBy(() -> store.customerBatches().updateAll(List.of(first, first.withVersion(3))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("consecutive");
    assertThat(store.customers().findById(read.id())).contains(read.withVersion(1));
  }

  /**
   * A reference one customer gives up and another takes in the same {@code updateAll} moves to the
   * taker, whichever comes first in the batch: an adapter that writes only the side rows that
   * changed must remove every gone row before it adds the new ones.
   */
  @Property(tries = 2)
  public void aReferenceGivenUpAndTakenInOneUpdateAllMovesToItsTaker(@ForAll boolean takerFirst) {
    CrmStore store = newStore();
    ExternalReference moving = ExternalReference.of("ERP", "moving-" + takerFirst);
    Customer giver = new Customer.Builder().from(ImportRows.customer("Giver")).addExternalReference(moving).build();
    Customer taker = ImportRows.customer("Taker");
    store.customerBatches().insertAll(List.of(giver, taker));
    Customer took = new Customer.Builder().from(taker).version(1).addExternalReference(moving).build();
    Customer gave = new Customer.Builder().from(giver).version(1).externalReferences(List.of()).build();

    assertThat(store.customerBatches().updateAll(takerFirst ? List.of(took, gave) : List.of(gave, took)))
        .containsExactlyInAnyOrder(taker.id(), giver.id());
    assertThat(store.customers().findByExternalReference(moving)).contains(took.withVersion(2));
    assertThat(store.customers().findById(giver.id())).contains(gave.withVersion(2));
  }

  @Example
  public void customersSwappingReferencesInOneUpdateAllEachEndWithTheOthers() {
    CrmStore store = newStore();
    ExternalReference first = ExternalReference.of("ERP", "swap-1");
    ExternalReference second = ExternalReference.of("ERP", "swap-2");
    Customer left = new Customer.Builder().from(ImportRows.customer("Left")).addExternalReference(first).build();
    Customer right = new Customer.Builder().from(ImportRows.customer("Right")).addExternalReference(second).build();
    store.customerBatches().insertAll(List.of(left, right));
    Customer leftTakes = new Customer.Builder().from(left).version(1).externalReferences(List.of(second)).build();
    Customer rightTakes = new Customer.Builder().from(right).version(1).externalReferences(List.of(first)).build();

    assertThat(store.customerBatches().updateAll(List.of(leftTakes, rightTakes)))
        .containsExactlyInAnyOrder(left.id(), right.id());
    assertThat(store.customers().findByExternalReference(first)).contains(rightTakes.withVersion(2));
    assertThat(store.customers().findByExternalReference(second)).contains(leftTakes.withVersion(2));
  }

  @Example
  public void twoCustomersClaimingOneReferenceInOneUpdateAllWriteNothing() {
    CrmStore store = newStore();
    ExternalReference wanted = ExternalReference.of("ERP", "wanted-1");
    Customer one = ImportRows.customer("One");
    Customer two = ImportRows.customer("Two");
    store.customerBatches().insertAll(List.of(one, two));

    assertThatThrownBy(() -> store.customerBatches().updateAll(List.of(
        new Customer.Builder().from(one).version(1).addExternalReference(wanted).build(),
        new Customer.Builder().from(two).version(1).addExternalReference(wanted).build())))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(store.customers().findById(one.id())).contains(one.withVersion(1));
    assertThat(store.customers().findById(two.id())).contains(two.withVersion(1));
    assertThat(store.customers().findByExternalReference(wanted)).isEmpty();
  }

  /**
   * For any edits of a stored customer (tier only, tags, codes, its external reference, custom
   * attributes, its name), made one by one through {@code save} or {@code updateAll}, or all at once
   * as a chain of copies at consecutive versions: the store ends with the last copy, and every lookup
   * (tag, code, reference, attribute, name) finds the customer by its current values and no longer by
   * the old ones. So an adapter that skips rewriting unchanged side rows, or writes only the changed
   * ones, must still write every changed one.
   */
  @Property(tries = 15)
  public void sideRowsFollowEveryUpdateWhetherMadeOneByOneOrAsAChain(
      @ForAll("edits") List<Integer> edits, @ForAll boolean chained) {
    CrmStore store = newStore();
    String system = ImportRows.system();
    Customer current = ImportRows.customer("Edited " + system);
    CustomerBatches batches = store.customerBatches();
    batches.insertAll(List.of(current));
    current = current.withVersion(1);
    List<Customer> seen = new ArrayList<>(List.of(current));
    List<Customer> chain = new ArrayList<>();
    for (int i = 0; i < edits.size(); i++) {
      Customer edited = edit(current, edits.get(i), system, i);
      if (chained) {
        chain.add(edited);
        current = edited.withVersion(edited.version() + 1);
      } else if (i % 2 == 0) {
        current = store.customers().save(edited);
      } else {
        assertThat(batches.updateAll(List.of(edited))).containsExactly(edited.id());
        current = edited.withVersion(edited.version() + 1);
      }
      seen.add(current);
    }
    if (chained) {
      assertThat(batches.updateAll(chain)).containsExactly(current.id());
    }

    assertThat(store.customers().findById(current.id())).contains(current);
    for (Customer earlier : seen) {
      boolean now = earlier == current;
      for (String tag : earlier.tags()) {
        assertThat(ids(store, Criteria.hasTag(tag))).as("tag %s", tag)
            .isEqualTo(current.tags().contains(tag) ? List.of(current.id()) : List.of());
      }
      for (Map.Entry<String, String> code : earlier.dimensionCodes().entrySet()) {
        assertThat(ids(store, Criteria.codeIs(code.getKey(), code.getValue()))).as("code %s", code)
            .isEqualTo(code.getValue().equals(current.dimensionCodes().get(code.getKey()))
                ? List.of(current.id()) : List.of());
      }
      for (ExternalReference reference : earlier.externalReferences()) {
        assertThat(store.customers().findByExternalReference(reference).map(Customer::id)).as("reference %s", reference)
            .isEqualTo(current.externalReferences().contains(reference) ? Optional.of(current.id()) : Optional.empty());
      }
      for (Map.Entry<String, AttributeValue> attribute : earlier.attributes().entrySet()) {
        assertThat(ids(store, Criteria.attributeIs(attribute.getKey(), attribute.getValue())))
            .as("attribute %s", attribute)
            .isEqualTo(attribute.getValue().equals(current.attributes().get(attribute.getKey()))
                ? List.of(current.id()) : List.of());
      }
      String name = earlier.legalName().orElseThrow();
      assertThat(ids(store, Criteria.nameStartsWith(name))).as("name %s (now: %s)", name, now)
          .isEqualTo(name.equals(current.legalName().orElseThrow()) ? List.of(current.id()) : List.of());
    }
  }

  /** Edit {@code kind} of {@code customer}, the {@code n}th, with values no other example uses. */
  private static Customer edit(Customer customer, int kind, String system, int n) {
    String mark = system.toLowerCase(java.util.Locale.ROOT) + "-" + n;
    Customer.Builder edited = new Customer.Builder().from(customer);
    switch (kind) {
      case 0 -> edited.tier(customer.tier().equals(Optional.of(ValueTier.HIGH)) ? ValueTier.LOW : ValueTier.HIGH);
      case 1 -> edited.addTags("tag-" + mark);
      case 2 -> edited.tags(List.of());
      case 3 -> edited.dimensionCodes(Map.of("region", "R" + mark));
      case 4 -> edited.externalReferences(List.of(ExternalReference.of(system, "ref-" + n)));
      case 5 -> edited.putAttribute("segment", AttributeValue.text("S" + mark));
      case 6 -> edited.attributes(Map.of());
      default -> edited.legalName("Edited " + mark + " GmbH").displayName("Edited " + mark + " GmbH");
    }
    return edited.build();
  }

  private static List<CustomerId> ids(CrmStore store, Criteria criteria) {
    try (Stream<Customer> found = store.customers().stream(criteria)) {
      return found.map(Customer::id).toList();
    }
  }

  @Provide
  Arbitrary<List<Integer>> edits() {
    return Arbitraries.integers().between(0, 7).list().ofMinSize(1).ofMaxSize(8);
  }

  /**
   * For any rows (any details, some invalid, keys repeated at random), an import keeps the first
   * valid row of each key with its details, rejects every other row with its number, and a second
   * run changes nothing.
   */
  @Property(tries = 10)
  public void anImportKeepsTheFirstValidRowOfEachKeyAndARerunChangesNothing(
      @ForAll("rows") List<ImportRow> batch) {
    CrmStore store = newStore();
    String system = ImportRows.system();
    List<NewCustomer> rows = batch.stream().map(row -> row.record(system)).toList();
    ImportRows.Expected expected = ImportRows.expected(system, rows, batch.stream().map(ImportRow::valid).toList());

    CustomerImporter.Report first = importer(store).upsertByExternalReference(system, rows);
    CustomerImporter.Report again = importer(store).upsertByExternalReference(system, rows);

    assertThat(first.rows()).isEqualTo(rows.size());
    assertThat(first.inserted()).isEqualTo(expected.kept().size());
    assertThat(positions(first)).isEqualTo(expected.rejectedRows());
    assertThat(again).isEqualTo(new CustomerImporter.Report(0, 0, expected.kept().size(), first.rejected()));
    assertKept(store, system, expected.kept());
  }

  /** One generated row: details, the number of its key, and whether it is made invalid. */
  public record ImportRow(NewCustomer details, int key, boolean valid) {
    NewCustomer record(String system) {
      NewCustomer keyed = new NewCustomer.Builder().from(details)
          .externalReferences(List.of(ExternalReference.of(system, "K-" + key))).build();
      return valid ? keyed : invalid(keyed);
    }
  }

  @Provide
  Arbitrary<List<ImportRow>> rows() {
    Arbitrary<ImportRow> row = Combinators.combine(CrmArbitraries.newCustomers(), Arbitraries.integers().between(1, 40),
        Arbitraries.integers().between(0, 9).map(n -> n >= 2)).as(ImportRow::new);
    return row.list().ofMinSize(1).ofMaxSize(120);
  }

  private static void assertKept(CrmStore store, String system, Map<ExternalReference, NewCustomer> kept) {
    assertThat(keyed(store, system)).hasSize(kept.size());
    kept.forEach((key, record) -> {
      Customer stored = store.customers().findByExternalReference(key).orElseThrow();
      assertThat(CustomerChanges.between(stored, record)).as("changes of %s", key).isEmpty();
      assertThat(stored.version()).isEqualTo(1);
    });
  }

  private static List<Long> positions(CustomerImporter.Report report) {
    return report.rejected().stream().map(rejection -> rejection.position().getAsLong()).toList();
  }

  /** The stored customers holding a reference in {@code system}. */
  private static List<Customer> keyed(CrmStore store, String system) {
    try (Stream<Customer> all = store.customers().stream(Criteria.all())) {
      return all.filter(customer -> customer.externalReferences().stream()
          .anyMatch(reference -> reference.system().equals(system))).toList();
    }
  }
}
