package io.crmkit.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.Crm;
import io.crmkit.core.common.CrmValidator;
import io.crmkit.core.common.Rejection;
import io.crmkit.core.common.Violation;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.ValueTier;
import io.crmkit.core.event.CustomerRegistered;
import io.crmkit.core.event.CustomerUpdated;
import io.crmkit.core.event.DomainEvent;
import io.crmkit.core.memory.InMemoryCrmStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the importer does beyond the store contract (crm-testkit's {@code CustomerImportContract},
 * run on every store): its settings, its events, its time stamps and its guards.
 */
class CustomerImporterTest {
  private static final Instant T0 = Instant.parse("2026-04-01T09:00:00Z");

  private final InMemoryCrmStore store = InMemoryCrmStore.create();
  private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
  private final AtomicLong sequence = new AtomicLong();

  @BeforeEach
  void subscribe() {
    store.events().subscribe(events::add);
  }

  @Test
  void theFacadesImporterStampsRowsWithItsClockAndIds() {
    Crm crm = Crm.builder().store(store).clock(Clock.fixed(T0, ZoneOffset.UTC))
        .ids(() -> new UUID(0, sequence.incrementAndGet())).build();

    CustomerImporter.Report report = crm.importer().upsertByExternalReference("erp", List.of(record(1, "Bonn")));

    assertThat(report).isEqualTo(new CustomerImporter.Report(1, 0, 0, List.of()));
    Customer stored = crm.findByExternalReference(ExternalReference.of("erp", "K-1")).orElseThrow();
    assertThat(stored.id()).isEqualTo(CustomerId.of(new UUID(0, 1)));
    assertThat(stored.createdAt()).isEqualTo(T0);
    assertThat(stored.updatedAt()).isEqualTo(T0);
    assertThat(events).as("no events unless asked").isEmpty();
  }

  @Test
  void aReimportedRowKeepsTheTierATieringWroteAndIsUnchanged() {
    CustomerImporter importer = CustomerImporter.on(store).withClock(Clock.fixed(T0, ZoneOffset.UTC));
    importer.upsertByExternalReference("erp", List.of(record(1, "Bonn")));
    Customer stored = store.customers().findByExternalReference(ExternalReference.of("erp", "K-1")).orElseThrow();
    store.customers().save(new Customer.Builder().from(stored).tier(ValueTier.of("VIP")).build());

    CustomerImporter.Report again = importer.upsertByExternalReference("erp", List.of(record(1, "Bonn")));

    assertThat(again).isEqualTo(new CustomerImporter.Report(0, 0, 1, List.of()));
    assertThat(store.customers().findByExternalReference(ExternalReference.of("erp", "K-1")).orElseThrow().tier())
        .contains(ValueTier.of("VIP"));
  }

  @Test
  void eventsAnnounceEachInsertAndUpdateOnlyWhenAsked() {
    CustomerImporter importer = CustomerImporter.on(store).withClock(Clock.fixed(T0, ZoneOffset.UTC));
    importer.upsertByExternalReference("erp", List.of(record(1, "Bonn"), record(2, "Ulm")));
    assertThat(events).isEmpty();

    importer.publishingEvents(true).upsertByExternalReference("erp",
        List.of(record(1, "Köln"), record(2, "Ulm"), record(3, "Jena")));

    Customer changed = store.customers().findByExternalReference(ExternalReference.of("erp", "K-1")).orElseThrow();
    Customer added = store.customers().findByExternalReference(ExternalReference.of("erp", "K-3")).orElseThrow();
    assertThat(events).hasSize(2);
    assertThat(events.get(0)).isInstanceOfSatisfying(CustomerRegistered.class, registered -> {
      assertThat(registered.customerId()).isEqualTo(added.id());
      assertThat(registered.occurredAt()).isEqualTo(T0);
    });
    assertThat(events.get(1)).isInstanceOfSatisfying(CustomerUpdated.class, updated -> {
      assertThat(updated.customerId()).isEqualTo(changed.id());
      assertThat(updated.version()).isEqualTo(2);
      assertThat(updated.changedAttributes()).containsExactly("addresses");
    });
  }

  @Test
  void aRolledBackTransactionOfTheCallerUndoesTheImportAndAnnouncesNothing() {
    CustomerImporter importer = CustomerImporter.on(store).publishingEvents(true);

    assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
      importer.upsertByExternalReference("erp", List.of(record(1, "Bonn"), record(2, "Ulm")));
      throw new IllegalStateException("the host's work failed after the import");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(store.customers().count(Criteria.all())).isZero();
    assertThat(events).isEmpty();
  }

  @Test
  void anUpdateIsNeverStampedBeforeTheCustomersCreation() {
    CustomerImporter.on(store).withClock(Clock.fixed(T0, ZoneOffset.UTC))
        .upsertByExternalReference("erp", List.of(record(1, "Bonn")));
    Clock behind = Clock.fixed(T0.minusSeconds(3_600), ZoneOffset.UTC);

    CustomerImporter.on(store).withClock(behind).upsertByExternalReference("erp", List.of(record(1, "Köln")));

    Customer updated = store.customers().findByExternalReference(ExternalReference.of("erp", "K-1")).orElseThrow();
    assertThat(updated.version()).isEqualTo(2);
    assertThat(updated.createdAt()).isEqualTo(T0);
    assertThat(updated.updatedAt()).isEqualTo(T0);
  }

  @Test
  void validatingWithChecksRowsWithTheGivenValidator() {
    NewCustomer born2020 = new NewCustomer.Builder().from(record(1, "Bonn"))
        .birthDate(LocalDate.of(2020, 5, 1)).build();
    CrmValidator in2010 = CrmValidator.create(Clock.fixed(Instant.parse("2010-01-01T00:00:00Z"), ZoneOffset.UTC));

    CustomerImporter.Report report = CustomerImporter.on(store).validatingWith(in2010)
        .upsertByExternalReference("erp", List.of(born2020));

    assertThat(report.inserted()).isZero();
    assertThat(report.rejected()).singleElement().satisfies(rejection ->
        assertThat(rejection.violations()).extracting(Violation::rule).containsExactly("PastOrPresent"));
    assertThat(CustomerImporter.on(store).upsertByExternalReference("erp", List.of(born2020)).inserted()).isOne();
  }

  @Test
  void trustedRowsSkipValidationButStillClaimTheirKeysOnce() {
    NewCustomer blank = new NewCustomer.Builder().from(record(1, "Bonn")).displayName(" ").build();

    CustomerImporter.Report trusted = CustomerImporter.on(store).trustingValidatedRows()
        .upsertByExternalReference("erp", List.of(blank, record(1, "Ulm")));

    assertThat(trusted.inserted()).isOne();
    assertThat(trusted.rejected()).singleElement().satisfies(rejection -> {
      assertThat(rejection.position()).hasValue(2);
      assertThat(rejection.violations()).extracting(Violation::rule).containsExactly("UniqueInBatch");
    });
    assertThat(CustomerImporter.on(store).trustingValidatedRows().validatingWith(CrmValidator.create())
        .upsertByExternalReference("erp", List.of(blank)).rejected()).hasSize(1);
  }

  @Test
  void manyRowsAreValidatedOnSeveralThreadsAndReportedInRowOrder() {
    List<NewCustomer> rows = new ArrayList<>();
    for (int i = 1; i <= 500; i++) {
      rows.add(i % 50 == 0 ? new NewCustomer.Builder().from(record(i, "Bonn")).displayName(" ").build()
          : record(i, "Bonn"));
    }

    CustomerImporter.Report report = CustomerImporter.on(store).upsertByExternalReference("erp", rows);

    assertThat(report.inserted()).isEqualTo(490);
    assertThat(report.rejected()).extracting(rejection -> rejection.position().getAsLong())
        .containsExactly(50L, 100L, 150L, 200L, 250L, 300L, 350L, 400L, 450L, 500L);
    assertThat(report.rejected()).extracting(Rejection::subject).startsWith("erp:K-50", "erp:K-100");
  }

  @Test
  void nullRowsBlankSystemsAndNullSettingsAreRefusedAtOnce() {
    CustomerImporter importer = CustomerImporter.on(store);

    assertThatThrownBy(() -> importer.upsertByExternalReference("erp", Arrays.asList(record(1, "Bonn"), null)))
        .isInstanceOf(NullPointerException.class).hasMessage("row 2 is null");
    assertThatThrownBy(() -> importer.insertAll(Arrays.asList((Customer) null)))
        .isInstanceOf(NullPointerException.class).hasMessage("row 1 is null");
    assertThatThrownBy(() -> importer.upsertByExternalReference(" ", List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("system");
    assertThatThrownBy(() -> importer.withClock(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> CustomerImporter.on(null)).isInstanceOf(NullPointerException.class);
    assertThat(store.customers().count(Criteria.all())).isZero();
  }

  @Test
  void anEmptyImportReportsNothingAndWritesNothing() {
    assertThat(CustomerImporter.on(store).insertAll(List.of()))
        .isEqualTo(new CustomerImporter.Report(0, 0, 0, List.of()));
    assertThat(CustomerImporter.on(store).upsertByExternalReference("erp", List.of()).rows()).isZero();
  }

  @Test
  void twoRowsWhoseReferencesOneMergedCustomerHoldsAreAppliedOneOnTopOfTheOther() {
    CustomerId merged = storeMergedCustomer("Bonn");

    CustomerImporter.Report report = CustomerImporter.on(store)
        .upsertByExternalReference("erp", List.of(record(1, "Köln"), record(2, "Ulm")));

    assertThat(report).isEqualTo(new CustomerImporter.Report(0, 2, 0, List.of()));
    Customer stored = store.customers().findById(merged).orElseThrow();
    assertThat(stored.version()).isEqualTo(3);
    assertThat(stored.personName().orElseThrow().givenName()).contains("Eva 2");
    assertThat(stored.addresses()).singleElement().satisfies(a -> assertThat(a.city()).contains("Ulm"));
    assertThat(stored.externalReferences())
        .containsExactlyInAnyOrder(ExternalReference.of("erp", "K-1"), ExternalReference.of("erp", "K-2"));
  }

  @Test
  void aRowOfAMergedCustomerKeepsTheReferencesOfTheRowsItAbsorbedAndIsUnchangedWhenItsDetailsAre() {
    CustomerId merged = storeMergedCustomer("Bonn");

    CustomerImporter.Report report = CustomerImporter.on(store)
        .upsertByExternalReference("erp", List.of(record(1, "Bonn")));

    assertThat(report).isEqualTo(new CustomerImporter.Report(0, 0, 1, List.of()));
    assertThat(store.customers().findById(merged).orElseThrow().version()).isEqualTo(1);
  }

  /** A customer as a merge leaves it: the details of row 1 and the references of rows 1 and 2. */
  private CustomerId storeMergedCustomer(String city) {
    Customer customer = new Customer.Builder().from(record(1, city))
        .addExternalReference(ExternalReference.of("erp", "K-2"))
        .id(CustomerId.of(new UUID(7, 7))).version(0).createdAt(T0).updatedAt(T0).build();
    assertThat(CustomerImporter.on(store).insertAll(List.of(customer)).allAccepted()).isTrue();
    return customer.id();
  }

  private static NewCustomer record(int n, String city) {
    return NewCustomer.person("Meyer", "Eva " + n)
        .addAddress(new PostalAddress.Builder().country("DE").city(city).build())
        .addExternalReference(ExternalReference.of("erp", "K-" + n))
        .build();
  }
}
