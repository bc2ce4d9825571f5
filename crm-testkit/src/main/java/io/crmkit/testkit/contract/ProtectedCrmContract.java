package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.crmkit.core.Crm;
import com.fasterxml.jackson.databind.JsonNode;
import io.crmkit.core.activity.TimeRange;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Criteria;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerField;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.dedup.DedupStore;
import io.crmkit.core.dedup.merge.Merger;
import io.crmkit.core.json.CrmJson;
import io.crmkit.core.store.CrmStore;
import io.crmkit.privacy.PrivacyStore;
import io.crmkit.privacy.access.AccessDeniedException;
import io.crmkit.privacy.access.Caller;
import io.crmkit.privacy.access.ProtectedCrm;
import io.crmkit.privacy.access.Role;
import io.crmkit.privacy.audit.AuditAction;
import io.crmkit.privacy.audit.AuditRecord;
import io.crmkit.privacy.consent.ConsentEntry;
import io.crmkit.privacy.consent.ConsentLedger;
import io.crmkit.privacy.consent.ConsentSource;
import io.crmkit.privacy.consent.ContactChannel;
import io.crmkit.privacy.consent.Purpose;
import io.crmkit.privacy.erasure.Eraser;
import io.crmkit.privacy.rights.CustomerExporter;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import net.jqwik.api.Example;

/**
 * The protected facade ({@link ProtectedCrm}) on a store: reads come back masked where the caller
 * may not read clear, clear reads, changes, exports and merges are audited in the transaction of
 * the work, and a refused or rolled-back change leaves neither the change nor an audit entry; the
 * data-protection officer erases and exports a customer's data through it, audited once by the
 * eraser and the exporter. Extend
 * it with a factory of a fresh, empty store and its privacy and dedup extensions:
 *
 * <pre>{@code
 * class H2ProtectedCrmTest extends ProtectedCrmContract {
 *   protected CrmStore newStore() { return emptyH2(); }
 *   protected PrivacyStore privacy(CrmStore store) { return store.attach(JdbcPrivacy.extension()); }
 *   protected DedupStore dedup(CrmStore store) { return store.attach(JdbcDedup.extension()); }
 * }
 * }</pre>
 */
public abstract class ProtectedCrmContract {
  private static final String PHONE = "+8613812345678";
  private static final String MASKED_PHONE = "+86138****5678";
  private static final String EMAIL = "zhang.wei@example.com";

  /** A fresh, empty store; called once per example. */
  protected abstract CrmStore newStore();

  /** The privacy extension of {@code store}'s technology, attached. */
  protected abstract PrivacyStore privacy(CrmStore store);

  /** The dedup extension of {@code store}'s technology, attached. */
  protected abstract DedupStore dedup(CrmStore store);

  @Example
  void anAnalystReadsMaskedAndNoClearReadIsAudited() {
    Fixture f = new Fixture();
    Customer stored = f.customerOwnedBy("bob");

    Customer shown = f.as("ann", Role.ANALYST).facade.get(stored.id());

    assertThat(shown.contactPoints()).extracting(ContactPoint::value)
        .containsExactly(MASKED_PHONE, "z***@example.com");
    assertThat(shown.displayName()).isEqualTo("张*");
    assertThat(f.audit()).isEmpty();
  }

  @Example
  void anOwnersClearReadIsAuditedNamingCategoriesNotValues() {
    Fixture f = new Fixture();
    Customer stored = f.customerOwnedBy("alice");

    Customer shown = f.as("alice", Role.SALES_REP).facade.get(stored.id());

    assertThat(shown.contactPoints()).extracting(ContactPoint::value).containsExactly(PHONE, EMAIL);
    assertThat(f.audit()).singleElement().satisfies(record -> {
      assertThat(record.entry().action()).isEqualTo(AuditAction.CLEAR_TEXT_READ);
      assertThat(record.entry().customer()).contains(stored.id());
      assertThat(record.entry().target()).isEqualTo("clear:IDENTIFIER,CONTACT,DEMOGRAPHIC");
      assertThat(record.entry().toString()).doesNotContain(PHONE).doesNotContain(EMAIL).doesNotContain("张伟");
    });
  }

  @Example
  void aRefusedChangeLeavesTheCustomerAndTheLogUntouched() {
    Fixture f = new Fixture();
    Customer stored = f.customerOwnedBy("bob");
    f.as("ann", Role.ANALYST);
    Customer edited = withPhone(f.facade.get(stored.id()), "+8613987654321");

    assertThatThrownBy(() -> f.facade.update(edited)).isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("WRITE").hasMessageNotContaining("+8613987654321");
    assertThat(f.crm.get(stored.id())).isEqualTo(stored);
    assertThat(f.audit()).isEmpty();
  }

  @Example
  void aChangeRolledBackWithItsTransactionLeavesNoAuditEntry() {
    Fixture f = new Fixture();
    Customer stored = f.customerOwnedBy("alice");
    f.as("alice", Role.SALES_REP);

    assertThatThrownBy(() -> f.store.transactions().inTransaction(() -> {
      f.facade.update(withPhone(stored, "+8613987654321"));
      throw new IllegalStateException("the host's next step failed");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(f.crm.get(stored.id())).isEqualTo(stored);
    assertThat(f.audit()).isEmpty();
  }

  @Example
  void savingAMaskedViewWritesOnlyWhatTheCallerChanged() {
    Fixture f = new Fixture();
    Customer stored = f.customerOwnedBy("bob");
    f.as("root", Role.ADMINISTRATOR);
    Customer.Builder edited = new Customer.Builder();
    edited.from(f.facade.get(stored.id())).addTag("churn-risk");

    f.facade.update(edited.build());

    Customer saved = f.crm.get(stored.id());
    assertThat(saved.tags()).containsExactlyInAnyOrder("vip", "churn-risk");
    assertThat(saved.contactPoints()).isEqualTo(stored.contactPoints());
    assertThat(saved.displayName()).isEqualTo(stored.displayName());
    assertThat(saved.birthDate()).isEqualTo(stored.birthDate());
    assertThat(f.audit()).extracting(r -> r.entry().action(), r -> r.entry().target())
        .containsExactly(tuple(AuditAction.CHANGE, "customer.tags"));
  }

  @Example
  void anExportIsMaskedAndAuditedWithTheQuerysShapeAndCount() {
    Fixture f = new Fixture();
    f.customerOwnedBy("alice");
    f.customerOwnedBy("bob");
    f.as("ann", Role.ANALYST);

    List<Customer> exported;
    try (Stream<Customer> stream = f.facade.export(Criteria.eq(CustomerField.OWNER, "bob"))) {
      exported = stream.toList();
    }

    assertThat(exported).singleElement()
        .satisfies(c -> assertThat(c.contactPoints().get(0).value()).isEqualTo(MASKED_PHONE));
    assertThat(f.audit()).extracting(r -> r.entry().action(), r -> r.entry().target())
        .containsExactly(tuple(AuditAction.EXPORT, "export 1 customers: owner=?"));
  }

  @Example
  void aMergeIsAuditedForEveryCustomerMergedInItsTransaction() {
    Fixture f = new Fixture();
    Customer survivor = f.customerOwnedBy("bob");
    Customer absorbed = f.customerOwnedBy("bob");

    ProtectedCrm.Merged merged = f.as("root", Role.ADMINISTRATOR).facade.merge(survivor.id(), List.of(absorbed.id()));

    assertThat(f.crm.find(absorbed.id())).isEmpty();
    assertThat(merged.golden().contactPoints().get(0).value()).isEqualTo(MASKED_PHONE);
    assertThat(f.audit()).extracting(r -> r.entry().action(), r -> r.entry().customer().orElseThrow())
        .containsExactly(tuple(AuditAction.MERGE, survivor.id()), tuple(AuditAction.MERGE, absorbed.id()));
  }

  @Example
  void theDpoErasesThroughTheFacadeInOneTransactionWithTheConsentWithdrawnAndNoEntryOfItsOwn() {
    Fixture f = new Fixture();
    Customer stored = f.customerOwnedBy("bob");
    ConsentLedger ledger = ConsentLedger.builder().store(f.privacy).clock(f.crm.clock()).build();
    ledger.record(ConsentEntry.granted(stored.id(), Purpose.MARKETING_SMS, ConsentSource.IN_PERSON, "paper-118",
        f.crm.clock().instant().minusSeconds(60), "agent-7"));
    int before = f.audit().size();

    Eraser.Result result = f.as("dora", Role.DATA_PROTECTION_OFFICER).facade.erase(stored.id(), "GDPR art. 17");

    assertThat(result.erased()).containsExactly(stored.id());
    Customer erased = f.crm.get(stored.id());
    assertThat(erased.contactPoints()).isEmpty();
    assertThat(erased.displayName()).isNotEqualTo(stored.displayName());
    assertThat(ledger.mayContact(stored.id(), Purpose.MARKETING_SMS, ContactChannel.SMS).allowed()).isFalse();
    assertThat(f.audit().subList(before, f.audit().size()))
        .extracting(r -> r.entry().action(), r -> r.entry().actor())
        .containsExactly(tuple(AuditAction.CONSENT_CHANGE, "dora"), tuple(AuditAction.ERASURE, "dora"));
  }

  @Example
  void anAdministratorMayNotEraseAndNothingChanges() {
    Fixture f = new Fixture();
    Customer stored = f.customerOwnedBy("bob");

    assertThatThrownBy(() -> f.as("root", Role.ADMINISTRATOR).facade.erase(stored.id(), "GDPR art. 17"))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("ERASE");
    assertThat(f.crm.get(stored.id())).isEqualTo(stored);
    assertThat(f.audit()).isEmpty();
  }

  @Example
  void theDpoExportsACustomersDataInClearAuditedOnceByTheExporter() throws IOException {
    Fixture f = new Fixture();
    Customer stored = f.customerOwnedBy("bob");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    CustomerExporter.Receipt receipt = f.as("dora", Role.DATA_PROTECTION_OFFICER).facade
        .exportCustomerData(stored.id(), out);

    JsonNode doc = CrmJson.newMapper().readTree(out.toByteArray());
    assertThat(CrmJson.newMapper().treeToValue(doc.get("profile"), Customer.class)).isEqualTo(stored);
    assertThat(doc.get("consent").get("history")).isEmpty();
    assertThat(f.audit()).extracting(r -> r.entry().action(), r -> r.entry().actor(), r -> r.sequence())
        .containsExactly(tuple(AuditAction.EXPORT, "dora", receipt.auditSequence()));
  }

  @Example
  void anAnalystMayNotExportACustomersDataInClearAndNothingIsWrittenOrAudited() {
    Fixture f = new Fixture();
    Customer stored = f.customerOwnedBy("bob");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(() -> f.as("ann", Role.ANALYST).facade.exportCustomerData(stored.id(), out))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("READ_CLEAR");
    assertThat(out.size()).isZero();
    assertThat(f.audit()).isEmpty();
  }

  private static Customer withPhone(Customer customer, String phone) {
    Customer.Builder out = new Customer.Builder();
    out.from(customer).contactPoints(List.of(ContactPoint.phone(phone), customer.contactPoints().get(1)));
    return out.build();
  }

  /** A store, a crm on it, the protected facade with a caller the example switches. */
  private final class Fixture {
    final CrmStore store = newStore();
    final Crm crm = Crm.builder().store(store)
        .clock(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC)).build();
    final PrivacyStore privacy = privacy(store);
    final AtomicReference<Caller> caller = new AtomicReference<>();
    final ProtectedCrm facade = ProtectedCrm.builder().crm(crm).privacy(privacy).callers(caller::get)
        .merger(Merger.builder().store(dedup(store)).clock(crm.clock()).build())
        .eraser(Eraser.builder().privacy(privacy).dedup(dedup(store)).clock(crm.clock()).build())
        .exporter(CustomerExporter.builder(privacy).dedup(dedup(store)).clock(crm.clock()).build()).build();

    Fixture as(String actor, Role role) {
      caller.set(Caller.of(actor, "contract", role));
      return this;
    }

    Customer customerOwnedBy(String owner) {
      return crm.register(NewCustomer.person("张", "伟").owner(owner)
          .addContactPoints(ContactPoint.phone(PHONE), ContactPoint.email(EMAIL))
          .birthDate(LocalDate.of(1985, 6, 15)).addTag("vip").build());
    }

    List<AuditRecord> audit() {
      return privacy.auditLog().inRange(TimeRange.all());
    }
  }
}
