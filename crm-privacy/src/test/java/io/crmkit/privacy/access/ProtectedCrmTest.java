package io.crmkit.privacy.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.crmkit.core.activity.Interaction;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.common.PageRequest;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerField;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.CustomerNotFoundException;
import io.crmkit.core.customer.ExternalReference;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.customer.Sort;
import com.fasterxml.jackson.databind.JsonNode;
import io.crmkit.core.json.CrmJson;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.audit.AuditAction;
import io.crmkit.privacy.audit.AuditRecord;
import io.crmkit.privacy.catalog.PersonalDataCategory;
import io.crmkit.privacy.consent.ConsentEntry;
import io.crmkit.privacy.consent.ConsentLedger;
import io.crmkit.privacy.consent.ConsentSource;
import io.crmkit.privacy.consent.ContactChannel;
import io.crmkit.privacy.consent.Purpose;
import io.crmkit.privacy.erasure.Eraser;
import io.crmkit.privacy.memory.InMemoryPrivacy;
import io.crmkit.privacy.rights.CustomerExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** The protected facade on memory: masking, refusals and the audit entries it writes (and does not). */
class ProtectedCrmTest {
  private final AccessFixture fixture = new AccessFixture();

  @Test
  void anAnalystReadsEveryCategoryMaskedAndLeavesNoClearTextReadEntry() {
    Customer stored = fixture.customerOwnedBy("bob");

    Customer shown = fixture.as("ann", Role.ANALYST).facade.get(stored.id());

    assertThat(shown.contactPoints()).extracting(ContactPoint::value)
        .containsExactly("+86138****5678", "z***@example.com");
    assertThat(shown.displayName()).isEqualTo("张*");
    assertThat(shown.gender()).isEmpty();
    assertThat(shown.tags()).containsExactly("vip");
    assertThat(shown.id()).isEqualTo(stored.id());
    assertThat(fixture.audit()).isEmpty();
  }

  @Test
  void anOwnersClearReadIsAuditedOnceNamingTheCategoriesAndNoValue() {
    Customer stored = fixture.customerOwnedBy("alice");

    Customer shown = fixture.as("alice", Role.SALES_REP).facade.get(stored.id());

    assertThat(shown).isEqualTo(stored);
    assertThat(fixture.audit()).singleElement().satisfies(record -> {
      assertThat(record.entry().action()).isEqualTo(AuditAction.CLEAR_TEXT_READ);
      assertThat(record.entry().customer()).contains(stored.id());
      assertThat(record.entry().actor()).isEqualTo("alice");
      assertThat(record.entry().reason()).isEqualTo("ticket CRM-12");
      assertThat(record.entry().target())
          .isEqualTo("clear:IDENTIFIER,CONTACT,DEMOGRAPHIC,SENSITIVE,FINANCIAL");
      assertHoldsNoPersonalValue(record);
    });
  }

  @Test
  void aRepReadsOtherRepsCustomersMaskedInQueriesPagesAndStreams() {
    Customer own = fixture.customerOwnedBy("alice");
    Customer other = fixture.customerOwnedBy("bob");
    fixture.as("alice", Role.SALES_REP);

    List<Customer> page = fixture.facade.find(Criteria.all(), Sort.byId(), PageRequest.first(10)).items();
    List<Customer> streamed;
    try (Stream<Customer> stream = fixture.facade.stream(Criteria.all())) {
      streamed = stream.toList();
    }

    for (List<Customer> read : List.of(page, streamed)) {
      assertThat(read).filteredOn(c -> c.id().equals(own.id())).containsExactly(own);
      assertThat(read).filteredOn(c -> c.id().equals(other.id())).singleElement()
          .satisfies(c -> assertThat(c.contactPoints().get(0).value()).isEqualTo("+86138****5678"));
    }
    assertThat(fixture.audit()).hasSize(2).allSatisfy(record -> {
      assertThat(record.entry().customer()).contains(own.id());
      assertThat(record.entry().action()).isEqualTo(AuditAction.CLEAR_TEXT_READ);
    });
    assertThat(fixture.facade.count(Criteria.all())).isEqualTo(2);
  }

  @Test
  void findByExternalReferenceIsMaskedLikeEveryRead() {
    Customer stored = fixture.crm.register(NewCustomer.person("李", "娜").owner("bob")
        .addExternalReferences(ExternalReference.of("erp", "C-100234")).build());

    Customer shown = fixture.as("ann", Role.ANALYST).facade
        .findByExternalReference(ExternalReference.of("erp", "C-100234")).orElseThrow();

    assertThat(shown.id()).isEqualTo(stored.id());
    assertThat(shown.externalReferences()).singleElement()
        .satisfies(ref -> assertThat(ref.id()).isNotEqualTo("C-100234").contains("*"));
  }

  @Test
  void aRepsChangeOfAnotherRepsCustomerIsRefusedAndLeavesNoTrace() {
    Customer stored = fixture.customerOwnedBy("bob");
    fixture.as("alice", Role.SALES_REP);
    Customer edited = AccessFixture.withNewValueOf(fixture.facade.get(stored.id()), PersonalDataCategory.CONTACT);

    assertThatThrownBy(() -> fixture.facade.update(edited))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage("alice may not WRITE non-personal data of customer " + stored.id());
    assertThat(fixture.crm.get(stored.id())).isEqualTo(stored);
    assertThat(fixture.audit()).isEmpty();
  }

  @Test
  void aChangeOfARefusedCategoryIsRefusedNamingThatCategory() {
    Customer stored = fixture.customerOwnedBy("bob");
    RoleBasedAccessPolicy noContactWrites = RoleBasedAccessPolicy.builder()
        .grant(Role.ADMINISTRATOR, FieldAction.READ_MASKED, RoleBasedAccessPolicy.Reach.EVERY_CUSTOMER,
            FieldScope.all())
        .grant(Role.ADMINISTRATOR, FieldAction.WRITE, RoleBasedAccessPolicy.Reach.EVERY_CUSTOMER,
            FieldScope.NON_PERSONAL, FieldScope.of(PersonalDataCategory.IDENTIFIER))
        .build();
    ProtectedCrm facade = ProtectedCrm.builder().crm(fixture.crm).privacy(fixture.privacy)
        .catalogue(AccessFixture.CATALOGUE).accessPolicy(noContactWrites)
        .callers(CallerContext.fixed(Caller.of("root", "data fix", Role.ADMINISTRATOR))).build();
    Customer edited = AccessFixture.withNewValueOf(facade.get(stored.id()),
        PersonalDataCategory.CONTACT);

    assertThatThrownBy(() -> facade.update(edited))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage("root may not WRITE CONTACT data of customer " + stored.id())
        .hasMessageNotContaining("+8613987654321");
    assertThat(fixture.crm.get(stored.id())).isEqualTo(stored);
    assertThat(fixture.audit()).isEmpty();
  }

  @Test
  void savingAMaskedViewWithOneChangeWritesOnlyThatChangeAndAuditsItsName() {
    Customer stored = fixture.customerOwnedBy("bob");
    fixture.as("root", Role.ADMINISTRATOR);
    Customer view = fixture.facade.get(stored.id());

    Customer returned = fixture.facade.update(withTag(view, "churn-risk"));

    Customer saved = fixture.crm.get(stored.id());
    assertThat(saved.tags()).containsExactlyInAnyOrder("vip", "churn-risk");
    assertThat(saved.contactPoints()).isEqualTo(stored.contactPoints());
    assertThat(saved.displayName()).isEqualTo(stored.displayName());
    assertThat(saved.gender()).isEqualTo(stored.gender());
    assertThat(saved.attributes()).isEqualTo(stored.attributes());
    assertThat(saved.birthDate()).isEqualTo(stored.birthDate());
    assertThat(returned.contactPoints().get(0).value()).isEqualTo("+86138****5678");
    assertThat(fixture.audit()).singleElement().satisfies(record -> {
      assertThat(record.entry().action()).isEqualTo(AuditAction.CHANGE);
      assertThat(record.entry().target()).isEqualTo("customer.tags");
    });
  }

  @Test
  void addingAPhoneToAMaskedViewKeepsTheStoredPhonesAndAddressesAsTheyWere() {
    Customer stored = fixture.customerOwnedBy("bob");
    fixture.as("root", Role.ADMINISTRATOR);
    Customer view = fixture.facade.get(stored.id());

    fixture.facade.update(new Customer.Builder().from(view)
        .addContactPoint(ContactPoint.phone("+8613900001111")).build());

    Customer saved = fixture.crm.get(stored.id());
    assertThat(saved.contactPoints()).startsWith(stored.contactPoints().toArray(ContactPoint[]::new))
        .extracting(ContactPoint::value).contains("+8613900001111");
    assertThat(saved.addresses()).isEqualTo(stored.addresses());
    assertThat(saved.personIdentifiers()).isEqualTo(stored.personIdentifiers());
  }

  @Test
  void aChangeThatChangesNothingWritesAndAuditsNothing() {
    Customer stored = fixture.customerOwnedBy("bob");
    fixture.as("root", Role.ADMINISTRATOR);

    fixture.facade.update(fixture.facade.get(stored.id()));

    assertThat(fixture.crm.get(stored.id())).isEqualTo(stored);
    assertThat(fixture.audit()).isEmpty();
  }

  @Test
  void anOwnersChangeIsAuditedWithTheChangedFieldsThenItsClearRead() {
    Customer stored = fixture.customerOwnedBy("alice");
    fixture.as("alice", Role.SALES_REP);
    Customer edited = AccessFixture.withNewValueOf(stored, PersonalDataCategory.CONTACT);

    fixture.facade.update(edited);

    assertThat(fixture.audit()).extracting(r -> r.entry().action(), r -> r.entry().target())
        .containsExactly(
            tuple(AuditAction.CHANGE, "customer.contactPoints"),
            tuple(AuditAction.CLEAR_TEXT_READ,
                "clear:IDENTIFIER,CONTACT,DEMOGRAPHIC,SENSITIVE,FINANCIAL"));
    fixture.audit().forEach(ProtectedCrmTest::assertHoldsNoPersonalValue);
  }

  @Test
  void aChangeRolledBackWithItsTransactionLeavesNoAuditEntry() {
    Customer stored = fixture.customerOwnedBy("alice");
    fixture.as("alice", Role.SALES_REP);
    Customer edited = AccessFixture.withNewValueOf(stored, PersonalDataCategory.CONTACT);

    assertThatThrownBy(() -> fixture.store.transactions().inTransaction(() -> {
      fixture.facade.update(edited);
      throw new IllegalStateException("the host's later step failed");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(fixture.crm.get(stored.id())).isEqualTo(stored);
    assertThat(fixture.audit()).isEmpty();
  }

  @Test
  void aRepRegistersCustomersTheyOwnButNoOneElses() {
    fixture.as("alice", Role.SALES_REP);

    Customer own = fixture.facade.register(NewCustomer.person("王", "芳").owner("alice")
        .addContactPoints(ContactPoint.phone("+8613700001111")).build());

    assertThat(own.contactPoints().get(0).value()).isEqualTo("+8613700001111");
    assertThat(fixture.audit()).extracting(r -> r.entry().action(), r -> r.entry().target())
        .startsWith(tuple(AuditAction.CHANGE,
            "registered:personName,displayName,contactPoints.phone"));
    assertThatThrownBy(() -> fixture.facade.register(NewCustomer.person("王", "芳").owner("bob").build()))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("WRITE");
    assertThat(fixture.crm.count(Criteria.all())).isEqualTo(1);
  }

  @Test
  void anAnalystExportsMaskedAndTheExportIsAuditedWithItsShapeAndCountOnly() {
    fixture.customerOwnedBy("alice");
    fixture.customerOwnedBy("bob");
    fixture.as("ann", Role.ANALYST);

    List<Customer> exported;
    try (Stream<Customer> stream = fixture.facade.export(Criteria.eq(CustomerField.OWNER, "bob")
        .or(Criteria.eq(CustomerField.OWNER, "alice")))) {
      exported = stream.toList();
    }

    assertThat(exported).hasSize(2).allSatisfy(c ->
        assertThat(c.contactPoints().get(0).value()).isEqualTo("+86138****5678"));
    assertThat(fixture.audit()).singleElement().satisfies(record -> {
      assertThat(record.entry().action()).isEqualTo(AuditAction.EXPORT);
      assertThat(record.entry().customer()).isEmpty();
      assertThat(record.entry().target()).isEqualTo("export 2 customers: or(owner=?, owner=?)");
    });
  }

  @Test
  void activitiesNeedWritePermissionToRecordAndAreAuditedAsChanges() {
    Customer own = fixture.customerOwnedBy("alice");
    Customer other = fixture.customerOwnedBy("bob");
    fixture.as("alice", Role.SALES_REP);
    Interaction call = fixture.crm.newInteraction(own.id()).channel(Interaction.Channel.PHONE)
        .direction(Interaction.Direction.OUTBOUND).occurredAt(Instant.parse("2026-02-01T09:00:00Z")).build();

    fixture.facade.recordInteraction(call);
    var purchase = fixture.crm.newPurchase(other.id()).amount(Money.of(CurrencyUnit.of("CNY"), BigDecimal.TEN))
        .occurredAt(Instant.parse("2026-02-01T09:00:00Z")).channel("online").build();

    assertThatThrownBy(() -> fixture.facade.recordPurchase(purchase)).isInstanceOf(AccessDeniedException.class);
    assertThat(fixture.facade.interactions(own.id(), TimeRange.all())).containsExactly(call);
    assertThat(fixture.facade.purchases(other.id(), TimeRange.all())).isEmpty();
    assertThat(fixture.audit()).singleElement().satisfies(record -> {
      assertThat(record.entry().action()).isEqualTo(AuditAction.CHANGE);
      assertThat(record.entry().target()).isEqualTo("interaction:" + call.id());
    });
  }

  @Test
  void aMergeThroughTheFacadeIsAuditedForEveryCustomerMergedAndNeedsWriteOnThemAll() {
    Customer survivor = fixture.customerOwnedBy("bob");
    Customer absorbed = fixture.customerOwnedBy("bob");

    assertThatThrownBy(() -> fixture.as("alice", Role.SALES_REP).facade.merge(survivor.id(), List.of(absorbed.id())))
        .isInstanceOf(AccessDeniedException.class);
    ProtectedCrm.Merged merged = fixture.as("root", Role.ADMINISTRATOR).facade
        .merge(survivor.id(), List.of(absorbed.id()));

    assertThat(merged.golden().id()).isEqualTo(survivor.id());
    assertThat(merged.golden().contactPoints().get(0).value()).isEqualTo("+86138****5678");
    assertThat(fixture.crm.find(absorbed.id())).isEmpty();
    assertThat(fixture.audit()).extracting(r -> r.entry().action(), r -> r.entry().customer().orElseThrow())
        .containsExactly(tuple(AuditAction.MERGE, survivor.id()),
            tuple(AuditAction.MERGE, absorbed.id()));
    assertThat(fixture.audit()).allSatisfy(r ->
        assertThat(r.entry().target()).isEqualTo("merge:" + merged.mergeId() + " into " + survivor.id()));
  }

  @Test
  void aCallerWithNoRoleIsRefusedEveryRead() {
    Customer stored = fixture.customerOwnedBy("bob");
    ProtectedCrm facade = ProtectedCrm.builder().crm(fixture.crm).privacy(fixture.privacy)
        .callers(CallerContext.fixed(new Caller("guest", Set.of(), "browsing"))).build();

    assertThatThrownBy(() -> facade.get(stored.id())).isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("READ_MASKED");
    assertThatThrownBy(() -> facade.count(Criteria.all())).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> facade.get(CustomerId.of(UUID.randomUUID())))
        .isInstanceOf(CustomerNotFoundException.class)
        .as("a missing customer is not a refusal: there is nothing to protect");
  }

  @Test
  void theDpoErasesThroughTheFacadeAndOnlyTheEraserAudits() {
    Customer stored = fixture.customerOwnedBy("bob");
    ConsentLedger ledger = ConsentLedger.builder().store(fixture.privacy).clock(AccessFixture.CLOCK).build();
    ledger.record(ConsentEntry.granted(stored.id(), Purpose.MARKETING_EMAIL, ConsentSource.WEB_FORM, "form-v3",
        AccessFixture.CLOCK.instant().minusSeconds(60), "web"));
    long before = fixture.audit().size();

    Eraser.Result result = fixture.as("dora", Role.DATA_PROTECTION_OFFICER).facade
        .erase(stored.id(), "GDPR art. 17 request 2026-41");

    assertThat(result.erased()).containsExactly(stored.id());
    assertThat(result.consentsWithdrawn()).isEqualTo(1);
    assertThat(fixture.crm.get(stored.id()).displayName()).isEqualTo("Erased customer");
    assertThat(ledger.mayContact(stored.id(), Purpose.MARKETING_EMAIL, ContactChannel.EMAIL).allowed()).isFalse();
    List<AuditRecord> added = fixture.audit().subList((int) before, fixture.audit().size());
    assertThat(added).extracting(r -> r.entry().action(), r -> r.entry().actor())
        .containsExactly(tuple(AuditAction.CONSENT_CHANGE, "dora"), tuple(AuditAction.ERASURE, "dora"));
    assertThat(added.get(1).entry().reason()).isEqualTo("GDPR art. 17 request 2026-41");
  }

  @Test
  void eraseIsRefusedEvenToTheDpoWhenTheFacadeHasNoEraser() {
    Customer stored = fixture.customerOwnedBy("bob");
    ProtectedCrm withoutEraser = ProtectedCrm.builder().crm(fixture.crm).privacy(fixture.privacy)
        .catalogue(AccessFixture.CATALOGUE)
        .callers(CallerContext.fixed(Caller.of("dora", "request", Role.DATA_PROTECTION_OFFICER))).build();

    assertThatThrownBy(() -> withoutEraser.erase(stored.id(), "erasure request"))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("ERASE").hasMessageContaining("without an eraser");
    assertThat(fixture.crm.get(stored.id())).isEqualTo(stored);
    assertThat(fixture.audit()).isEmpty();
  }

  @Test
  void anEraserOrExporterOfAnotherStoreIsRejectedWhenTheFacadeIsBuilt() {
    InMemoryCrmStore other = InMemoryCrmStore.create();
    PrivacyStore otherPrivacy = other.attach(InMemoryPrivacy.extension());

    assertThatThrownBy(() -> ProtectedCrm.builder().crm(fixture.crm).privacy(fixture.privacy)
        .callers(CallerContext.fixed(Caller.of("dora", "request", Role.DATA_PROTECTION_OFFICER)))
        .eraser(Eraser.builder().privacy(otherPrivacy).build()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eraser");
    assertThatThrownBy(() -> ProtectedCrm.builder().crm(fixture.crm).privacy(fixture.privacy)
        .callers(CallerContext.fixed(Caller.of("dora", "request", Role.DATA_PROTECTION_OFFICER)))
        .exporter(CustomerExporter.builder(otherPrivacy).build()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exporter");
  }

  @Test
  void theDpoExportsACustomersDataInClearAuditedOnceAsAnExportWithTheCallersPurpose() throws IOException {
    Customer stored = fixture.customerOwnedBy("bob");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    CustomerExporter.Receipt receipt = fixture.as("dora", Role.DATA_PROTECTION_OFFICER).facade
        .exportCustomerData(stored.id(), out);

    JsonNode doc = CrmJson.newMapper().readTree(out.toByteArray());
    assertThat(doc.get("customerId").asText()).isEqualTo(stored.id().toString());
    assertThat(doc.get("profile").toString()).contains(AccessFixture.PHONE).contains(AccessFixture.IBAN);
    assertThat(receipt.sections()).contains("profile", "consent", "auditEntries");
    assertThat(fixture.audit()).singleElement().satisfies(record -> {
      assertThat(record.entry().action()).isEqualTo(AuditAction.EXPORT);
      assertThat(record.entry().actor()).isEqualTo("dora");
      assertThat(record.entry().reason()).isEqualTo("ticket CRM-12");
      assertThat(record.sequence()).isEqualTo(receipt.auditSequence());
    });
  }

  @Test
  void anAnalystMayExportMaskedButNotACustomersDataInClearAndNothingIsWritten() {
    Customer stored = fixture.customerOwnedBy("bob");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(() -> fixture.as("ann", Role.ANALYST).facade.exportCustomerData(stored.id(), out))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("READ_CLEAR");
    assertThat(out.size()).isZero();
    assertThat(fixture.audit()).isEmpty();
  }

  private static Customer withTag(Customer customer, String tag) {
    Customer.Builder out = new Customer.Builder();
    out.from(customer).addTag(tag);
    return out.build();
  }

  private static void assertHoldsNoPersonalValue(AuditRecord record) {
    String entry = record.entry().toString();
    for (String value : List.of(AccessFixture.PHONE, AccessFixture.EMAIL, "张伟", AccessFixture.IBAN,
        AccessFixture.RELIGION, AccessFixture.BIRTH_DATE.toString())) {
      assertThat(entry).doesNotContain(value);
    }
  }
}
